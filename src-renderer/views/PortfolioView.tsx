import { useMemo, useState } from 'react';
import { toIpcError } from '../api/api-client';
import { ErrorState } from '../components/ErrorState';
import { filterByOwner, OwnerFilter, ownersOf } from '../components/OwnerFilter';
import { PortfolioTable } from '../components/PortfolioTable';
import { useT } from '../i18n/use-t';
import { usePortfolio } from '../queries/portfolio-query';

/** The whole book as one sortable table; a row opens its account's page. */
export function PortfolioView() {
  const { t, fmt } = useT();
  const { data, error, isPending, refetch } = usePortfolio();
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const [owner, setOwner] = useState('');
  // A book of several owners (a manager's team) gets the owner column and filter; a CSM's own does not.
  const owners = useMemo(() => ownersOf(rows), [rows]);
  const manyOwners = owners.length > 1;
  const shown = useMemo(() => (manyOwners ? filterByOwner(rows, owner) : rows), [rows, owner, manyOwners]);

  if (isPending) {
    return (
      <div className="state state-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('portfolio.loading')}
      </div>
    );
  }
  if (error) {
    return <ErrorState title={t('portfolio.error.title')} error={toIpcError(error)} onRetry={() => void refetch()} />;
  }
  if (rows.length === 0) {
    return <div className="state state-empty">{t('portfolio.empty')}</div>;
  }
  return (
    <>
      {data.scoringConfigProblem && (
        <p className="notice notice-warning" role="status">
          {t('notice.teamConfigIgnored', { detail: data.scoringConfigProblem })}
        </p>
      )}
      <div className="portfolio-toolbar">
        {manyOwners && <OwnerFilter owners={owners} value={owner} onChange={setOwner} />}
        <p className="as-of">{t('portfolio.asOf', { date: fmt.date(data.asOf) })}</p>
      </div>
      <PortfolioTable rows={shown} showOwner={manyOwners} />
    </>
  );
}
