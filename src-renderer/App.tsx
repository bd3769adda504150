import { useEffect } from 'react';
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
  const { status, rows, error, asOf, scoringConfigProblem, load } = usePortfolioStore();

  useEffect(() => {
    if (usePortfolioStore.getState().status === 'idle') void load();
  }, [load]);

  // A write in another window or tab: refresh the book, and the open account if it was touched.
  useEffect(
    () =>
      onDataChanged((event) => {
        void load();
        const account = useAccountStore.getState();
        if (account.accountId && account.accountId === event.accountId) {
          void account.reload();
          void useNotesStore.getState().refresh();
        }
      }),
    [load],
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
      {asOf && <p className="as-of">{t('portfolio.asOf', { date: fmt.date(asOf) })}</p>}
      <PortfolioTable rows={rows} />
    </>
  );
}

export function App() {
  const { t } = useT();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <LanguageSwitcher />
      </header>
      <main className="app-main">
        <ErrorBoundary>
          <PortfolioView />
        </ErrorBoundary>
      </main>
      <AccountPanel />
    </div>
  );
}
