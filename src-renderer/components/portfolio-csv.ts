import Papa from 'papaparse';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { BAND_LABELS, TIER_LABELS } from '../../src-shared/scoring/labels';
import type { MessageKey } from '../../src-shared/i18n/messages-en';
import type { I18n } from '../i18n/use-t';

type CsvColumn = { id: string; header: MessageKey; cells: (row: PortfolioRow, i18n: I18n) => Array<string | number> ; extra?: MessageKey[] };

/** One CSV column per table column (the risk and next touchpoint spread over two), plain values. */
const CSV_COLUMNS: readonly CsvColumn[] = [
  { id: 'name', header: 'column.name', cells: (r) => [r.name] },
  { id: 'owner', header: 'column.owner', cells: (r) => [r.ownerName ?? ''] },
  { id: 'arr', header: 'column.arr', cells: (r) => [r.arr] },
  { id: 'plan', header: 'column.plan', cells: (r, { t }) => [t(`plan.${r.plan}`)] },
  { id: 'renewal', header: 'column.renewal', cells: (r) => [r.renewalDate.slice(0, 10)] },
  { id: 'health', header: 'column.health', cells: (r) => [r.health ?? ''] },
  { id: 'tier', header: 'column.tier', cells: (r, { locale }) => [TIER_LABELS[locale][r.tier]] },
  { id: 'risk', header: 'column.risk', extra: ['csv.riskPoints'], cells: (r, { locale }) => [BAND_LABELS[locale][r.riskBand], r.riskPoints] },
  {
    id: 'nextTouchpoint',
    header: 'column.nextTouchpoint',
    extra: ['csv.nextTouchpointDue'],
    cells: (r, { locale }) => (r.nextTouchpoint ? [displayTitle(r.nextTouchpoint.title, locale), r.nextTouchpoint.dueAt.slice(0, 10)] : ['', '']),
  },
  { id: 'escalation', header: 'column.escalation', cells: (r) => [r.escalationLevel ?? ''] },
];

/**
 * The portfolio as shown (these rows, in this order, the visible columns) as CSV in the user's
 * language, with a byte-order mark so spreadsheet apps read the accents right.
 */
export function portfolioCsv(rows: readonly PortfolioRow[], visibleColumns: ReadonlySet<string>, i18n: I18n): string {
  const columns = CSV_COLUMNS.filter((c) => visibleColumns.has(c.id));
  const header = columns.flatMap((c) => [i18n.t(c.header), ...(c.extra ?? []).map((key) => i18n.t(key))]);
  const data = rows.map((row) => columns.flatMap((c) => c.cells(row, i18n)));
  // Cells that start like a formula are quoted with a leading apostrophe: a CSV opened in a
  // spreadsheet must not run an account name such as "=HYPERLINK(...)".
  return `\ufeff${Papa.unparse({ fields: header, data }, { escapeFormulae: true })}`;
}
