import type { Row } from '@tanstack/react-table';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { TIER_LABELS } from '../../src-shared/scoring/labels';
import type { Tier } from '../../src-shared/scoring/types';
import type { I18n } from '../i18n/use-t';
import type { Grouping } from '../stores/portfolio-view-store';

/** What the table body shows: a group's heading, or an account. */
export type DisplayItem = { kind: 'group'; key: string; label: string; count: number } | { kind: 'row'; row: Row<PortfolioRow> };

const TIER_ORDER: readonly Tier[] = ['critical', 'at_risk', 'stable', 'successful', 'unscored'];

/**
 * The sorted rows under a heading per tier (worst first) or per owner (by name), each group keeping
 * the sort order inside it; without grouping, the rows as they are.
 */
export function groupRows(rows: readonly Row<PortfolioRow>[], groupBy: Grouping, { t, locale }: I18n): DisplayItem[] {
  if (groupBy === 'none') return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, Row<PortfolioRow>[]>();
  for (const row of rows) {
    const key = groupBy === 'tier' ? row.original.tier : (row.original.ownerName ?? '');
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const keys = [...groups.keys()].sort((a, b) =>
    groupBy === 'tier' ? TIER_ORDER.indexOf(a as Tier) - TIER_ORDER.indexOf(b as Tier) : a === '' ? 1 : b === '' ? -1 : collator.compare(a, b),
  );
  return keys.flatMap((key) => {
    const members = groups.get(key) ?? [];
    const label = groupBy === 'tier' ? TIER_LABELS[locale][key as Tier] : key || t('owner.none');
    return [{ kind: 'group' as const, key, label, count: members.length }, ...members.map((row) => ({ kind: 'row' as const, row }))];
  });
}
