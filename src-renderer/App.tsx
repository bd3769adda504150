import { useEffect, useMemo, useState } from 'react';
import { filterByOwner, OwnerFilter, ownersOf } from './components/OwnerFilter';
import { SettingsButton } from './components/SettingsDialog';
import { SyncStatusBadge } from './components/SyncStatusBadge';
import { StoreProblemScreen, WelcomeScreen } from './components/WorkspaceScreens';
import { followAppStatus, useAppStatusStore } from './stores/app-status-store';
import { AccountPanel } from './components/AccountPanel';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { PortfolioTable } from './components/PortfolioTable';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorState } from './components/ErrorState';
import { useT } from './i18n/use-t';
import { usePortfolioStore } from './stores/portfolio-store';
import { useAccountStore } from './stores/account-store';
import { useNotesStore } from './stores/notes-store';
import { onDataChanged } from './api/api-client';

function PortfolioView() {
  const { t, fmt } = useT();
  const { status, rows, error, asOf, scoringConfigProblem, load, refreshRows } = usePortfolioStore();
  const [owner, setOwner] = useState('');
  // A book of several owners (a manager's team) gets the owner column and filter; a CSM's own does not.
  const owners = useMemo(() => ownersOf(rows), [rows]);
  const manyOwners = owners.length > 1;
  const shown = useMemo(() => (manyOwners ? filterByOwner(rows, owner) : rows), [rows, owner, manyOwners]);

  // A write in another window or tab: refresh what it changed. A note changes no portfolio row, so
  // only the open account's notes follow; anything else refreshes the rows of the accounts it named.
  useEffect(
    () =>
      onDataChanged((event) => {
        const notesOnly = event.operation.startsWith('notes.');
        if (!notesOnly) void refreshRows(event.accountIds);
        const account = useAccountStore.getState();
        if (account.accountId && event.accountIds.includes(account.accountId)) {
          if (!notesOnly) void account.reload();
          void useNotesStore.getState().refresh();
        }
      }),
    [refreshRows],
  );

  if (status === 'idle' || status === 'loading') {
    return (
      <div className="state state-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('portfolio.loading')}
      </div>
    );
  }
  if (status === 'error') {
    return <ErrorState title={t('portfolio.error.title')} error={error} onRetry={() => void load()} />;
  }
  if (rows.length === 0) {
    return <div className="state state-empty">{t('portfolio.empty')}</div>;
  }
  return (
    <>
      {scoringConfigProblem && (
        <p className="notice notice-warning" role="status">
          {t('notice.teamConfigIgnored', { detail: scoringConfigProblem })}
        </p>
      )}
      <div className="portfolio-toolbar">
        {manyOwners && <OwnerFilter owners={owners} value={owner} onChange={setOwner} />}
        {asOf && <p className="as-of">{t('portfolio.asOf', { date: fmt.date(asOf) })}</p>}
      </div>
      <PortfolioTable rows={shown} showOwner={manyOwners} />
    </>
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
  return <PortfolioView />;
}

export function App() {
  const { t } = useT();
  const status = useAppStatusStore((s) => s.status);
  const load = useAppStatusStore((s) => s.load);
  const isDemo = status?.workspace === 'demo';
  const openedAt = status?.openedAt ?? null;

  useEffect(() => {
    void load();
    return followAppStatus();
  }, [load]);

  // Another book was opened (demo, restored backup) or the store was closed: start from its first view.
  // The push and the answer of one change carry the same openedAt, so the book loads once.
  useEffect(() => {
    useAccountStore.getState().close();
    if (openedAt) void usePortfolioStore.getState().load();
  }, [openedAt]);

  useEffect(() => {
    document.title = isDemo ? `${t('app.title')} — ${t('workspace.demoBadge')}` : t('app.title');
  }, [isDemo, t]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <div className="header-tools">
          {isDemo && (
            <span className="demo-badge" title={t('workspace.demoHint')}>
              {t('workspace.demoBadge')}
            </span>
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
      {status?.workspace && <AccountPanel />}
    </div>
  );
}
