import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../src-shared/scoring/escalation';
import { BAND_LABELS, ESCALATION_ROLE_LABELS, TIER_LABELS } from '../../src-shared/scoring/labels';
import type { I18n } from '../i18n/use-t';
import { Link } from 'wouter';
import { accountPath } from '../routes/paths';
import { TouchpointTitle } from './TouchpointTitle';
import {
  escalationSortKey,
  healthSortKey,
  PLAN_RANK,
  renewalSortKey,
  riskSortKey,
  tierSortKey,
  touchpointSortKey,
} from './portfolio-sort';

const column = createColumnHelper<PortfolioRow>();
const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Mixed value types per column: tanstack's own documented pattern for a heterogeneous array.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PortfolioColumnDef = ColumnDef<PortfolioRow, any>;

/** Share of the table's width per column (fixed layout: fast for big books, fits 1400 px). */
const COLUMN_WIDTHS: Readonly<Record<string, string>> = {
  name: '19%',
  arr: '8.5%',
  plan: '7.5%',
  renewal: '8.5%',
  health: '5.5%',
  tier: '8%',
  risk: '12.5%',
  nextTouchpoint: '23.5%',
  escalation: '7%',
};

/** The same with the owner column (a book of several owners): the name and touchpoint give way. */
const COLUMN_WIDTHS_WITH_OWNER: Readonly<Record<string, string>> = {
  name: '14%',
  owner: '8%',
  arr: '8.5%',
  plan: '8.5%',
  renewal: '8.5%',
  health: '5.5%',
  tier: '8%',
  risk: '12%',
  nextTouchpoint: '19.5%',
  escalation: '7.5%',
};

export function columnWidths(showOwner: boolean): Readonly<Record<string, string>> {
  return showOwner ? COLUMN_WIDTHS_WITH_OWNER : COLUMN_WIDTHS;
}

/** Columns whose cells are numbers, right-aligned in the table. */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['arr', 'health', 'escalation']);

function escalationTitle({ t, locale }: I18n, level: number): string {
  const info = ESCALATION_LEVELS[level as EscalationLevel];
  const role = info ? ESCALATION_ROLE_LABELS[locale][info.role] : '';
  return t('escalation.levelLong', { level, role });
}

/**
 * The portfolio's columns for one locale. Cells are plain spans (no per-row components) so a
 * 5,000-account book stays fast; the sort accessors come from portfolio-sort.ts.
 */
export function portfolioColumns(i18n: I18n, options: { showOwner?: boolean } = {}): PortfolioColumnDef[] {
  const { t, fmt, locale } = i18n;
  const missing = t('value.missing');
  const owner = column.accessor((r) => r.ownerName ?? undefined, {
    id: 'owner',
    header: t('column.owner'),
    sortingFn: (a, b) => nameCollator.compare(a.original.ownerName ?? '\uffff', b.original.ownerName ?? '\uffff'),
    sortDescFirst: false,
    cell: ({ row: { original: r } }) =>
      r.ownerName ? <span title={r.ownerName}>{r.ownerName}</span> : <span className="muted" title={t('owner.none')}>{missing}</span>,
  });
  const columns = [
    column.accessor('name', {
      id: 'name',
      header: t('column.name'),
      sortingFn: (a, b) => nameCollator.compare(a.original.name, b.original.name),
      sortDescFirst: false,
      cell: ({ row: { original: r } }) => (
        <span className="name-cell">
          <Link href={accountPath(r.id)} className="acct-name acct-link" data-account-id={r.id} title={r.industry ? `${r.name} · ${r.industry}` : r.name}>
            {r.name}
          </Link>
          {r.status === 'churned' && <span className="badge badge-churned">{t('badge.churned')}</span>}
          {r.onboarding && <span className="badge badge-onboarding">{t('badge.onboarding')}</span>}
        </span>
      ),
    }),
    ...(options.showOwner ? [owner] : []),
    column.accessor('arr', {
      id: 'arr',
      header: t('column.arr'),
      sortingFn: 'basic',
      sortDescFirst: true,
      cell: ({ row: { original: r } }) => fmt.currency(r.arr),
    }),
    column.accessor((r) => PLAN_RANK[r.plan], {
      id: 'plan',
      header: t('column.plan'),
      sortingFn: 'basic',
      sortDescFirst: true,
      cell: ({ row: { original: r } }) => t(`plan.${r.plan}`),
    }),
    column.accessor(renewalSortKey, {
      id: 'renewal',
      header: t('column.renewal'),
      sortingFn: 'basic',
      sortUndefined: 'last',
      sortDescFirst: false,
      cell: ({ row: { original: r } }) => fmt.date(r.renewalDate),
    }),
    column.accessor(healthSortKey, {
      id: 'health',
      header: t('column.health'),
      sortingFn: 'basic',
      sortUndefined: 'last',
      sortDescFirst: false,
      cell: ({ row: { original: r } }) =>
        r.health === null ? <span title={t('health.unknown')}>{missing}</span> : fmt.number(r.health),
    }),
    column.accessor(tierSortKey, {
      id: 'tier',
      header: t('column.tier'),
      sortingFn: 'basic',
      sortUndefined: 'last',
      sortDescFirst: true,
      cell: ({ row: { original: r } }) => (
        <span className={`pill tier-${r.tier}`}>{TIER_LABELS[locale][r.tier]}</span>
      ),
    }),
    column.accessor(riskSortKey, {
      id: 'risk',
      header: t('column.risk'),
      sortingFn: 'basic',
      sortDescFirst: true,
      cell: ({ row: { original: r } }) => (
        <>
          <span className={`pill risk-${r.riskBand}`}>{BAND_LABELS[locale][r.riskBand]}</span>
          <span className="pts" title={t('risk.pointsLong', { n: r.riskPoints })}>
            {t('risk.points', { n: fmt.number(r.riskPoints) })}
          </span>
        </>
      ),
    }),
    column.accessor(touchpointSortKey, {
      id: 'nextTouchpoint',
      header: t('column.nextTouchpoint'),
      sortingFn: 'basic',
      sortUndefined: 'last',
      sortDescFirst: false,
      cell: ({ row: { original: r } }) => {
        const tp = r.nextTouchpoint;
        if (!tp) return <span className="muted">{t('touchpoint.none')}</span>;
        return (
          <span className="tp">
            <TouchpointTitle className="tp-title" title={tp.title} />
            <span className={tp.overdue ? 'tp-due is-overdue' : 'tp-due'}>{fmt.date(tp.dueAt)}</span>
            {tp.overdue && <span className="badge badge-overdue">{t('touchpoint.overdue')}</span>}
          </span>
        );
      },
    }),
    column.accessor(escalationSortKey, {
      id: 'escalation',
      header: t('column.escalation'),
      sortingFn: 'basic',
      sortUndefined: 'last',
      sortDescFirst: true,
      cell: ({ row: { original: r } }) =>
        r.escalationLevel === null ? (
          <span className="muted" title={t('escalation.none')}>{missing}</span>
        ) : (
          <span className="esc" title={escalationTitle(i18n, r.escalationLevel)}>
            {t('escalation.level', { level: r.escalationLevel })}
          </span>
        ),
    }),
  ];
  return columns as PortfolioColumnDef[];
}
