import { useEffect, useId, useRef } from 'react';
import { healthTrend } from '../../src-shared/scoring/health';
import type { ScoringConfig } from '../../src-shared/scoring/scoring-config';
import { BAND_LABELS, TIER_LABELS, TREND_LABELS } from '../../src-shared/scoring/labels';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorState } from './ErrorState';
import { useT } from '../i18n/use-t';
import { useAccountStore, type AccountDetail } from '../stores/account-store';
import { usePortfolioStore } from '../stores/portfolio-store';
import { useSyncStore } from '../stores/sync-store';
import { ContactsSection, EscalationsSection } from './PeopleSections';
import { HealthBreakdown } from './HealthBreakdown';
import { NotesSection } from './NotesSection';
import { RiskPanel } from './RiskPanel';
import { TouchpointList } from './TouchpointList';

/** "▲ +6 in 30 days" / "▼ −8 in 30 days" / steady, decided by the engine's trend rule and the team's config. */
function HealthTrendLine({ score, before, config }: { score: number | null; before: number | null; config: ScoringConfig }) {
  const { t, fmt, locale } = useT();
  const trend = healthTrend(score, before, config);
  const days = config.health.trendWindowDays;
  if (score === null || before === null) {
    return <span className="trend trend-unknown">{t('panel.trend.unknown', { days })}</span>;
  }
  const delta = score - before;
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '▶';
  const signed = delta > 0 ? `+${fmt.number(delta)}` : delta < 0 ? `−${fmt.number(-delta)}` : fmt.number(0);
  return (
    <span className={`trend trend-${trend}`} title={t('panel.trend.before', { score: fmt.number(before), days })}>
      <span aria-hidden="true">{arrow} </span>
      {t('panel.trend.change', { delta: signed, days })}
      <span className="trend-label">{TREND_LABELS[locale][trend]}</span>
    </span>
  );
}

function PanelHeader({ detail }: { detail: AccountDetail }) {
  const { t, fmt, locale } = useT();
  const { account, health, risk } = detail;
  return (
    <div className="panel-summary">
      <div className="panel-facts">
        <dl className="facts">
          <div>
            <dt>{t('column.plan')}</dt>
            <dd>{t(`plan.${account.plan}`)}</dd>
          </div>
          <div>
            <dt>{t('column.arr')}</dt>
            <dd>{fmt.currency(account.arr)}</dd>
          </div>
          <div>
            <dt>{t('column.renewal')}</dt>
            <dd>{fmt.date(account.renewalDate)}</dd>
          </div>
        </dl>
        <div className="panel-pills">
          <span className={`pill tier-${health.tier}`} title={t('column.tier')}>{TIER_LABELS[locale][health.tier]}</span>
          <span className={`pill risk-${risk.band}`} title={t('column.risk')}>
            {t('panel.riskPill', { band: locale === 'es' ? BAND_LABELS.es[risk.band].toLowerCase() : BAND_LABELS.en[risk.band] })}
          </span>
        </div>
      </div>
      <div className="health-big">
        <span className="health-big-label">{t('panel.health')}</span>
        <span className="health-big-score" data-testid="health-score">
          {health.score === null ? t('value.missing') : fmt.number(health.score)}
        </span>
        <HealthTrendLine score={health.score} before={detail.healthThirtyDaysAgo} config={detail.scoringConfig} />
      </div>
    </div>
  );
}

/** Each section in its own error boundary: one that fails to render leaves the others usable. */
function PanelBody({ detail }: { detail: AccountDetail }) {
  const asOf = new Date(detail.asOf);
  const sections = [
    <HealthBreakdown key="health" health={detail.health} config={detail.scoringConfig} />,
    <RiskPanel key="risk" risk={detail.risk} />,
    <ContactsSection key="contacts" contacts={detail.contacts} />,
    <EscalationsSection key="escalations" escalations={detail.openEscalations} band={detail.risk.band} asOf={asOf} />,
    <TouchpointList key="touchpoints" touchpoints={detail.upcomingTouchpoints} asOf={asOf} accountId={detail.account.id} />,
    <NotesSection key={`notes-${detail.account.id}`} accountId={detail.account.id} />,
  ];
  return sections.map((section) => (
    <ErrorBoundary key={section.key} resetKey={detail}>
      {section}
    </ErrorBoundary>
  ));
}

/** Changes to this account the team server refused (C.13): never silently dropped, listed in Settings. */
function RefusedChangesNotice({ accountId }: { accountId: string }) {
  const { t } = useT();
  const refused = useSyncStore((s) => s.problems.filter((p) => p.accountId === accountId).length);
  if (refused === 0) return null;
  return (
    <p className="notice notice-warning" role="status">
      {t('problems.onAccount', { n: refused })}
    </p>
  );
}

/** The open account as a modal side panel (native <dialog>: focus stays inside, Escape closes). */
export function AccountPanel() {
  const { t } = useT();
  const { accountId, status, detail, error, close, reload } = useAccountStore();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const isOpen = accountId !== null;
  const rowName = usePortfolioStore((s) => s.rows.find((r) => r.id === accountId)?.name);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!isOpen || !dialog) return;
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [isOpen, accountId]);

  if (!isOpen) return null;
  const name = detail?.account.name ?? rowName ?? '';
  return (
    <dialog
      ref={dialogRef}
      className="account-panel"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through the store so focus goes back to the name
        close();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) close(); // a click on the backdrop
      }}
    >
      <div className="panel-inner">
        <header className="panel-header">
          <h2 id={headingId} className="panel-title">
            {name || t('panel.loading')}
          </h2>
          <button ref={closeRef} type="button" className="button-secondary panel-close" onClick={close}>
            {t('panel.close')}
          </button>
        </header>
        {status === 'loading' && !detail && (
          <div className="state state-loading" role="status" aria-live="polite">
            <span className="spinner" aria-hidden="true" />
            {t('panel.loading')}
          </div>
        )}
        {status === 'error' && (
          <ErrorState title={t('panel.error.title')} error={error} onRetry={() => void reload()} />
        )}
        {detail && (
          <ErrorBoundary resetKey={detail}>
            <PanelHeader detail={detail} />
            <RefusedChangesNotice accountId={detail.account.id} />
            <div className="panel-sections">
              <PanelBody detail={detail} />
            </div>
          </ErrorBoundary>
        )}
      </div>
    </dialog>
  );
}
