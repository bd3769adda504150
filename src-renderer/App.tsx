import { useEffect, useRef } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { SettingsButton } from './components/SettingsDialog';
import { SyncStatusBadge } from './components/SyncStatusBadge';
import { StoreProblemScreen, WelcomeScreen } from './components/WorkspaceScreens';
import { followAppStatus, useAppStatusStore } from './stores/app-status-store';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorState } from './components/ErrorState';
import { AppNav } from './components/AppNav';
import { useT } from './i18n/use-t';
import { useNavigationStore } from './stores/navigation-store';
import { followDataChanges, isNotesOnly, queryClient } from './queries/query-client';
import { refreshPortfolioRows } from './queries/portfolio-query';
import { goTo, PATHS, routeParam } from './routes/paths';
import { AccountPage } from './views/AccountPage';
import { PortfolioView } from './views/PortfolioView';
import { TodayView } from './views/TodayView';
import { EscalationBoardView } from './views/EscalationBoardView';
import { SearchView } from './views/SearchView';
import { AgendaView } from './views/AgendaView';
import { AccountBriefView } from './views/AccountBriefView';
import { CommandPalette } from './components/CommandPalette';
import { QuickNoteDialog } from './components/QuickNoteDialog';
import { useGlobalShortcuts } from './components/useGlobalShortcuts';
import { useOverlayStore } from './stores/overlay-store';
import { NotFoundView } from './views/NotFoundView';
import { QbrView } from './views/QbrView';
import { QbrQuarterView } from './views/QbrQuarterView';
import { DashboardsView } from './views/DashboardsView';
import { DashboardAccountsView } from './views/DashboardAccountsView';

/** The open book's places. */
function BookRoutes() {
  return (
    <Switch>
      <Route path={PATHS.today} component={TodayView} />
      <Route path={PATHS.portfolio} component={PortfolioView} />
      <Route path={PATHS.escalations} component={EscalationBoardView} />
      <Route path={PATHS.search} component={SearchView} />
      <Route path={PATHS.agenda} component={AgendaView} />
      <Route path={PATHS.qbrs} component={QbrQuarterView} />
      <Route path={PATHS.dashboards}>{() => <DashboardsView />}</Route>
      <Route path={PATHS.dashboard}>{(params) => <DashboardsView name={params.name} />}</Route>
      <Route path={PATHS.dashboardKpi}>{(params) => <DashboardAccountsView name={params.name} target={{ kind: 'kpi', id: routeParam(params.id) }} />}</Route>
      <Route path={PATHS.dashboardFigure}>
        {(params) => (
          <DashboardAccountsView
            name={params.name}
            target={{ kind: 'figure', id: routeParam(params.id), series: routeParam(params.series), category: routeParam(params.category) }}
          />
        )}
      </Route>
      <Route path={PATHS.qbr}>{(params) => <QbrView key={`${params.accountId}/${params.quarter}`} accountId={params.accountId} quarter={params.quarter} />}</Route>
      <Route path={PATHS.brief}>{(params) => <AccountBriefView key={params.accountId} accountId={params.accountId} />}</Route>
      <Route path={PATHS.account}>{(params) => <AccountPage key={params.accountId} accountId={params.accountId} />}</Route>
      <Route component={NotFoundView} />
    </Switch>
  );
}

/** What the main area shows: the open book, the first-start offer, or what is wrong with the store. */
function Workspace() {
  const { t } = useT();
  const { status, error, load } = useAppStatusStore();
  if (status === null) {
    return error ? (
      <ErrorState title={t('portfolio.error.title')} error={error} onRetry={() => void load()} />
    ) : (
      <div className="state state-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('portfolio.loading')}
      </div>
    );
  }
  if (status.problem) return <StoreProblemScreen problem={status.problem} />;
  if (status.workspace === null) return <WelcomeScreen />;
  return <BookRoutes />;
}

/** Keeps every view in step with main: the open book, and what each write or pull changed. */
function useFollowMain(): void {
  const openedAt = useAppStatusStore((s) => s.status?.openedAt ?? null);
  const load = useAppStatusStore((s) => s.load);
  const previousBook = useRef<string | null>(null);
  const [location] = useLocation();

  // An account page's back link returns to the list view it was opened from.
  useEffect(() => {
    if (!location.startsWith('/accounts/')) useNavigationStore.getState().setReturnPath(location);
  }, [location]);

  useEffect(() => {
    void load();
    return followAppStatus();
  }, [load]);

  // A note changes no portfolio row; anything else refreshes the rows of the accounts it named.
  // Every other read follows through its query key.
  useEffect(
    () =>
      followDataChanges((event) => {
        if (!isNotesOnly(event)) void refreshPortfolioRows(event.accountIds);
      }),
    [],
  );

  // Another book was opened (demo, restored backup) or the store was closed: nothing cached from
  // the old one may show, and the new one starts from its first view. The push and the answer of
  // one change carry the same openedAt, so this runs once per book.
  useEffect(() => {
    if (previousBook.current !== null && previousBook.current !== openedAt) goTo(PATHS.today);
    previousBook.current = openedAt;
    void queryClient.resetQueries();
  }, [openedAt]);
}

function Shell() {
  const { t } = useT();
  const status = useAppStatusStore((s) => s.status);
  const isDemo = status?.workspace === 'demo';
  const bookOpen = Boolean(status?.workspace) && !status?.problem;
  const paletteOpen = useOverlayStore((s) => s.paletteOpen);
  const quickNote = useOverlayStore((s) => s.quickNote);
  useFollowMain();
  useGlobalShortcuts(bookOpen);

  useEffect(() => {
    document.title = isDemo ? `${t('app.title')} — ${t('workspace.demoBadge')}` : t('app.title');
  }, [isDemo, t]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        {status?.workspace && <AppNav />}
        <div className="header-tools">
          {isDemo && (
            <span className="demo-badge" title={t('workspace.demoHint')}>
              {t('workspace.demoBadge')}
            </span>
          )}
          {bookOpen && (
            <button type="button" className="header-button" onClick={() => useOverlayStore.getState().openPalette()}>
              {t('palette.button')}
            </button>
          )}
          <SyncStatusBadge />
          <SettingsButton />
          <LanguageSwitcher />
        </div>
      </header>
      <main className="app-main">
        <ErrorBoundary>
          <Workspace />
        </ErrorBoundary>
      </main>
      {bookOpen && paletteOpen && <CommandPalette />}
      {bookOpen && quickNote && <QuickNoteDialog initialAccountId={quickNote.accountId} />}
    </div>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router hook={useHashLocation}>
        <Shell />
      </Router>
    </QueryClientProvider>
  );
}
