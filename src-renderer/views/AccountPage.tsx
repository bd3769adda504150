import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { toIpcError } from '../api/api-client';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ErrorState } from '../components/ErrorState';
import { useT } from '../i18n/use-t';
import { useAccountDetail, type AccountDetail } from '../queries/account-query';
import { briefPath, goTo, placeLabel, qbrPath } from '../routes/paths';
import { utcQuarter } from '../../src-shared/schedule/utc-date';
import { useNavigationStore } from '../stores/navigation-store';
import { useSyncStore } from '../stores/sync-store';
import { ContactsSection } from '../components/PeopleSections';
import { EscalationsPanel } from '../components/EscalationsPanel';
import { HealthBreakdown } from '../components/HealthBreakdown';
import { NotesSection } from '../components/NotesSection';
import { RiskPanel } from '../components/RiskPanel';
import { TouchpointList } from '../components/TouchpointList';
import { AccountHeader } from '../components/AccountHeader';
import { HealthChanges } from '../components/HealthChanges';
import { SignalsSection } from '../components/SignalsSection';
import { GoalsSection, OnboardingSection } from '../components/PlanSections';
import { TimelineSection } from '../components/TimelineSection';
import { isOnboarding } from '../../src-shared/domain/account-score';

// chart.js loads with the first account page, not with the app: the portfolio is on screen sooner.
const HealthHistory = lazy(() => import('../components/HealthHistory').then((m) => ({ default: m.HealthHistory })));

/** Each section in its own error boundary: one that fails to render leaves the others usable. */
function PanelBody({ detail }: { detail: AccountDetail }) {
  const asOf = new Date(detail.asOf);
  // The checklist is worked while the account is in onboarding (DESIGN §4.4).
  const onboarding = isOnboarding(detail.account.contractStart, asOf, detail.scoringConfig.schedule.onboardingDays);
  const sections = [
    <Suspense key="history" fallback={<section className="panel-section is-wide chart-placeholder" aria-busy="true" />}>
      <HealthHistory detail={detail} />
    </Suspense>,
    <HealthBreakdown key="health" health={detail.health} config={detail.scoringConfig} />,
    <HealthChanges key="changes" detail={detail} />,
    <RiskPanel key="risk" risk={detail.risk} />,
    <SignalsSection key="signals" detail={detail} />,
    <ContactsSection key="contacts" contacts={detail.contacts} />,
    <EscalationsPanel key="escalations" accountId={detail.account.id} fallback={detail.openEscalations} band={detail.risk.band} asOf={asOf} />,
    <TouchpointList key="touchpoints" touchpoints={detail.upcomingTouchpoints} asOf={asOf} accountId={detail.account.id} />,
    <GoalsSection key="goals" accountId={detail.account.id} />,
    ...(onboarding ? [<OnboardingSection key="onboarding" accountId={detail.account.id} />] : []),
    <NotesSection key={`notes-${detail.account.id}`} accountId={detail.account.id} />,
    <TimelineSection key="timeline" accountId={detail.account.id} />,
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

function isEditable(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** One account on a page of its own (#/accounts/ID): the deep link a CSM keeps or shares. */
export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useT();
  const { data: detail, error, isPending, refetch } = useAccountDetail(accountId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = detail?.account.name ?? '';

  // A new page: move focus to its title so a screen reader announces where the user is.
  const returnPath = useNavigationStore((s) => s.returnPath);
  const loaded = detail !== undefined;

  useEffect(() => useNavigationStore.getState().setLastOpened(accountId), [accountId]);
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [accountId, loaded]);

  useEffect(() => {
    if (name) document.title = `${name} — ${t('app.title')}`;
  }, [name, t]);

  return (
    <article
      className="account-page"
      aria-labelledby="account-title"
      onKeyDown={(event) => {
        // Escape goes back where the page was opened from, unless a field or dialog wants it.
        if (event.key !== 'Escape' || event.defaultPrevented || isEditable(event.target)) return;
        event.preventDefault();
        goTo(returnPath);
      }}
    >
      <header className="page-header">
        <Link href={returnPath} className="back-link">
          {t('account.back', { place: t(placeLabel(returnPath)) })}
        </Link>
        <h2 id="account-title" ref={headingRef} tabIndex={-1} className="page-title">
          {name || t('panel.loading')}
        </h2>
        <Link href={briefPath(accountId)} className="button-secondary button-small brief-link">
          {t('brief.open')}
        </Link>
        <Link href={qbrPath(accountId, utcQuarter(new Date()).key)} className="button-secondary button-small">
          {t('qbr.open')}
        </Link>
      </header>
      {isPending && (
        <div className="state state-loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {t('panel.loading')}
        </div>
      )}
      {error && <ErrorState title={t('panel.error.title')} error={toIpcError(error)} onRetry={() => void refetch()} />}
      {detail && (
        <ErrorBoundary resetKey={detail}>
          <AccountHeader detail={detail} />
          <RefusedChangesNotice accountId={detail.account.id} />
          <div className="account-sections">
            <PanelBody detail={detail} />
          </div>
        </ErrorBoundary>
      )}
    </article>
  );
}
