import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { utcQuarter } from '../../src-shared/schedule/utc-date';
import { invoke, toIpcError } from '../api/api-client';
import { ErrorState } from '../components/ErrorState';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { afterWrite } from '../queries/account-query';
import { useOperation } from '../queries/query-client';
import { qbrPath } from '../routes/paths';

type Run =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number; name: string }
  | { state: 'finished'; written: number; stopped: boolean; folder: string; failures: string[] };

/**
 * Every QBR still due this quarter (#/qbr), and "prepare them all": one export per account, each
 * written beside the book, with progress and a stop button (each pack takes a fraction of a second).
 */
export function QbrQuarterView() {
  const { t, fmt, locale } = useT();
  const quarter = utcQuarter(new Date()).key;
  const { data, error, refetch } = useOperation('qbr.due', { quarter });
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const stopRequested = useRef(false);

  const prepareAll = async () => {
    if (!data) return;
    stopRequested.current = false;
    const failures: string[] = [];
    let written = 0;
    for (const [index, account] of data.accounts.entries()) {
      if (stopRequested.current) break;
      setRun({ state: 'running', done: index, total: data.accounts.length, name: account.name });
      try {
        await invoke('qbr.exportToFolder', { accountId: account.id, quarter, locale, format: 'pdf' });
        written += 1;
      } catch (failure) {
        failures.push(t('qbrs.failed', { name: account.name, message: errorText(toIpcError(failure), t) }));
      }
    }
    // Refresh the rows first so "written" never shows beside rows still saying "not yet".
    await afterWrite(data.accounts.map((a) => a.id));
    setRun({ state: 'finished', written, stopped: stopRequested.current, folder: data.folder, failures });
  };

  if (error) return <ErrorState title={t('qbrs.title', { quarter })} error={toIpcError(error)} onRetry={() => void refetch()} />;
  const accounts = data?.accounts ?? [];
  return (
    <section className="qbrs-view view-page" aria-labelledby="qbrs-title">
      <header className="page-header">
        <h2 id="qbrs-title" className="page-title">{t('qbrs.title', { quarter })}</h2>
      </header>
      <div className="qbrs-body">
        <p className="muted">{t('qbrs.intro')}</p>
        {data && accounts.length === 0 && <p>{t('qbrs.none', { quarter })}</p>}
        {accounts.length > 0 && (
          <div className="qbrs-actions">
            {run.state === 'running' ? (
              <>
                <progress max={run.total} value={run.done} aria-label={t('qbrs.progress', { done: run.done + 1, total: run.total, name: run.name })} />
                <span role="status">{t('qbrs.progress', { done: run.done + 1, total: run.total, name: run.name })}</span>
                <button type="button" className="button-secondary button-small" onClick={() => (stopRequested.current = true)}>{t('qbrs.stop')}</button>
              </>
            ) : (
              <button type="button" className="button-primary" onClick={() => void prepareAll()}>{t('qbrs.prepareAll', { n: accounts.length })}</button>
            )}
          </div>
        )}
        {run.state === 'finished' && (
          <div role="status" className="qbrs-result">
            <p>{run.stopped ? t('qbrs.stopped', { n: run.written }) : t('qbrs.done', { n: run.written, folder: run.folder })}</p>
            {run.failures.length > 0 && <ul className="form-error">{run.failures.map((f) => <li key={f}>{f}</li>)}</ul>}
          </div>
        )}
        {accounts.length > 0 && (
          <table className="qbr-table qbrs-table">
            <thead>
              <tr>
                <th scope="col">{t('qbrs.account')}</th>
                <th scope="col">{t('qbrs.exported')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    <Link href={qbrPath(account.id, quarter)}>{account.name}</Link>
                  </th>
                  <td>{account.exportedAt ? fmt.dateTime(account.exportedAt) : t('qbrs.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
