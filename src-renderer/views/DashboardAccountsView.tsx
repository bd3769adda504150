import { Link } from 'wouter';
import type { DrillTarget } from '../../src-shared/dashboards/dashboard-model';
import { figureTitleKey, labelText, valueText } from '../../src-shared/dashboards/dashboard-text';
import { MESSAGES_EN, type MessageKey } from '../../src-shared/i18n/messages-en';
import { BAND_LABELS, TIER_LABELS } from '../../src-shared/scoring/labels';
import { toIpcError } from '../api/api-client';
import { ErrorState } from '../components/ErrorState';
import { useT } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';
import { accountPath, dashboardPath } from '../routes/paths';
import { isDashboardName } from './DashboardsView';
import { NotFoundView } from './NotFoundView';

/** The accounts behind one dashboard figure (#/dashboards/NAME/kpi/ID or …/figure/ID/SERIES/CATEGORY). */
export function DashboardAccountsView({ name, target }: { name: string; target: DrillTarget }) {
  const i18n = useT();
  const { t, fmt, locale } = i18n;
  const known = isDashboardName(name);
  const board = known ? name : 'executive';
  const dashboard = useOperation('dashboard.view', { name: board }, undefined, { enabled: known });
  const list = useOperation('dashboard.accounts', { name: board, target }, undefined, { enabled: known });
  if (!known) return <NotFoundView />;

  // "Health distribution by tier: Critical, Accounts", from the figure's own labels.
  // An id from a hand-typed link may name nothing: the page is then titled by the dashboard.
  const named = (key: string): string => (key in MESSAGES_EN ? t(key as MessageKey) : t(`dash.tab.${board}`));
  let heading: string;
  // The value the list stands behind ("40 touchpoints" at 12 accounts reads as "40 · 12 accounts").
  let value: string | null = null;
  if (target.kind === 'kpi') {
    heading = named(`dash.kpi.${target.id}`);
    const kpi = dashboard.data?.kpis.find((k) => k.id === target.id);
    if (kpi) value = valueText(kpi.unit, kpi.value, i18n);
  } else {
    const figure = dashboard.data?.figures.find((f) => f.id === target.id);
    const series = figure?.series.find((s) => s.key === target.series);
    const category = figure?.categories.find((c) => c.key === target.category);
    const index = figure && category ? figure.categories.indexOf(category) : -1;
    if (series && index >= 0) value = valueText(series.unit, series.values[index] ?? null, i18n);
    heading = figure && series && category
      ? t('dash.drill.title', { figure: t(figureTitleKey(figure)), what: `${labelText(category.label, i18n)}, ${labelText(series.label, i18n)}` })
      : named(figureTitleKey({ id: target.id }));
  }
  const back = t('dash.drill.back', { name: t(`dash.tab.${board}`) });
  return (
    <div className="dash-drill view-page">
      <Link href={dashboardPath(board)} className="back-link">← {back}</Link>
      <h1 className="page-heading">{heading}</h1>
      {list.isPending ? (
        <div className="state state-loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {t('dash.loading')}
        </div>
      ) : list.error && toIpcError(list.error).code === 'NOT_FOUND' ? (
        <p>{t('dash.drill.unknown')}</p>
      ) : list.error ? (
        <ErrorState title={heading} error={toIpcError(list.error)} onRetry={() => void list.refetch()} />
      ) : list.data.accounts.length === 0 ? (
        <p>{t('dash.drill.none')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {value === null ? t('dash.drill.count', { n: list.data.accounts.length }) : t('dash.drill.valueCount', { value, n: list.data.accounts.length })}
          </p>
          <table className="dash-table dash-drill-table">
            <thead>
              <tr>
                <th scope="col">{t('column.name')}</th>
                <th scope="col">{t('column.owner')}</th>
                <th scope="col">{t('column.arr')}</th>
                <th scope="col">{t('column.health')}</th>
                <th scope="col">{t('column.tier')}</th>
                <th scope="col">{t('column.risk')}</th>
                <th scope="col">{t('column.renewal')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.accounts.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={accountPath(a.id)} className="acct-link">{a.name}</Link>
                    {a.status === 'churned' && <span className="muted"> ({t('dash.drill.churned')})</span>}
                  </th>
                  <td>{a.ownerName ?? t('owner.none')}</td>
                  <td>{fmt.currency(a.arr)}</td>
                  <td>{a.health ?? '—'}</td>
                  <td><span className={`pill tier-${a.tier}`}>{TIER_LABELS[locale][a.tier]}</span></td>
                  <td><span className={`pill risk-${a.riskBand}`}>{BAND_LABELS[locale][a.riskBand]}</span></td>
                  <td>{fmt.date(a.renewalDate.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
