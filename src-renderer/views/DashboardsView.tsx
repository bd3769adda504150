import { Link } from 'wouter';
import { DASHBOARDS, type DashboardName, type Kpi } from '../../src-shared/dashboards/dashboard-model';
import { targetText, valueText } from '../../src-shared/dashboards/dashboard-text';
import type { MessageKey } from '../../src-shared/i18n/messages-en';
import { compareToTarget, SEED_TARGETS } from '../../src-shared/metrics/targets';
import { toIpcError } from '../api/api-client';
import { DashboardFigure } from '../components/DashboardFigure';
import { ErrorState } from '../components/ErrorState';
import { useT, type I18n } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';
import { dashboardPath, drillPath } from '../routes/paths';
import { NotFoundView } from './NotFoundView';

export function isDashboardName(name: string): name is DashboardName {
  return (DASHBOARDS as readonly string[]).includes(name);
}

/** "Executive | Operational | Team": the dashboards, one link each. */
function DashboardTabs({ current }: { current: DashboardName }) {
  const { t } = useT();
  return (
    <nav className="dash-tabs" aria-label={t('dash.tabs')}>
      {DASHBOARDS.map((name) => (
        <Link key={name} href={dashboardPath(name)} className={name === current ? 'dash-tab is-active' : 'dash-tab'} aria-current={name === current ? 'page' : undefined}>
          {t(`dash.tab.${name}`)}
        </Link>
      ))}
    </nav>
  );
}

function KpiTile({ board, kpi, i18n }: { board: DashboardName; kpi: Kpi; i18n: I18n }) {
  const { t } = i18n;
  const status = kpi.target && kpi.value !== null ? compareToTarget(kpi.target, kpi.value) : null;
  const better = kpi.target ? SEED_TARGETS[kpi.target].better : null;
  // Past the range on the good side (an NPS over 80) is good too.
  const good = status === 'meets' || (status === 'above' && better === 'higher') || (status === 'below' && better === 'lower');
  return (
    <Link href={drillPath(board, { kind: 'kpi', id: kpi.id })} className="dash-kpi" data-kpi={kpi.id}>
      <span className="dash-kpi-label">{t(`dash.kpi.${kpi.id}` as MessageKey)}</span>
      <span className="dash-kpi-value">{valueText(kpi.unit, kpi.value, i18n)}</span>
      <span className="dash-kpi-note">{t(`dash.kpiNote.${kpi.id}` as MessageKey, { n: kpi.n })}</span>
      {kpi.target && (
        <span className={status === null ? 'dash-kpi-target' : good ? 'dash-kpi-target is-good' : 'dash-kpi-target is-off'}>
          {t('dash.target', { target: targetText(kpi.target, i18n) })}
          {status && ` · ${t(`dash.targetStatus.${status}`)}`}
        </span>
      )}
    </Link>
  );
}

/** The Executive, Operational and Team dashboards (#/dashboards/NAME), read from the local store. */
export function DashboardsView({ name = 'executive' }: { name?: string }) {
  const i18n = useT();
  const { t, fmt } = i18n;
  const known = isDashboardName(name);
  const { data, error, isPending, refetch } = useOperation('dashboard.view', { name: known ? name : 'executive' }, undefined, { enabled: known });
  if (!known) return <NotFoundView />;
  const teamOfOne = name === 'team' && data?.kpis.find((k) => k.id === 'csms')?.value === 1;
  return (
    <div className="dashboards view-page">
      <header className="page-header dash-header">
        <h1 className="page-heading">{t('dash.title')}</h1>
        <DashboardTabs current={name} />
      </header>
      {isPending ? (
        <div className="state state-loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {t('dash.loading')}
        </div>
      ) : error ? (
        <ErrorState title={t('dash.title')} error={toIpcError(error)} onRetry={() => void refetch()} />
      ) : (
        <>
          <p className="muted dash-as-of">{t('dash.asOf', { when: fmt.dateTime(data.asOf) })}</p>
          {teamOfOne && <p className="dash-note">{t('dash.team.single')}</p>}
          <div className="dash-kpis">
            {data.kpis.map((kpi) => <KpiTile key={kpi.id} board={name} kpi={kpi} i18n={i18n} />)}
          </div>
          <div className="dash-figures">
            {data.figures.map((figure) => <DashboardFigure key={figure.id} board={name} figure={figure} i18n={i18n} asOf={data.asOf} />)}
          </div>
        </>
      )}
    </div>
  );
}
