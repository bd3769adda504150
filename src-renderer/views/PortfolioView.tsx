import { useCallback, useMemo, useRef } from 'react';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { toIpcError } from '../api/api-client';
import { downloadFile } from '../components/download-file';
import { ErrorState } from '../components/ErrorState';
import { ownersOf } from '../components/OwnerFilter';
import { portfolioColumns } from '../components/portfolio-columns';
import { portfolioCsv } from '../components/portfolio-csv';
import { applyPortfolioFilters } from '../components/portfolio-filters';
import { PortfolioTable } from '../components/PortfolioTable';
import { PortfolioToolbar } from '../components/PortfolioToolbar';
import { useT } from '../i18n/use-t';
import { usePortfolio } from '../queries/portfolio-query';
import { usePortfolioViewStore } from '../stores/portfolio-view-store';

/** The whole book as one table: filtered, sorted, grouped as the CSM chose; a row opens its account. */
export function PortfolioView() {
  const i18n = useT();
  const { t, fmt } = i18n;
  const { data, error, isPending, refetch } = usePortfolio();
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const filters = usePortfolioViewStore((s) => s.filters);
  const hiddenColumns = usePortfolioViewStore((s) => s.hiddenColumns);
  // A book of several owners (a manager's team) gets the owner column and filter; a CSM's own does not.
  const owners = useMemo(() => ownersOf(rows), [rows]);
  const manyOwners = owners.length > 1;
  const asOf = data?.asOf;
  const shown = useMemo(() => (asOf ? applyPortfolioFilters(rows, manyOwners ? filters : { ...filters, owner: '' }, new Date(asOf)) : rows), [rows, filters, manyOwners, asOf]);
  const chooserColumns = useMemo(
    () => portfolioColumns(i18n, { showOwner: manyOwners }).filter((c) => c.id !== 'name').map((c) => ({ id: c.id ?? '', label: String(c.header) })),
    [i18n, manyOwners],
  );
  // The rows in the order the table shows them, for the CSV export of "what I see".
  const viewRows = useRef<PortfolioRow[]>([]);
  const onViewRows = useCallback((ordered: PortfolioRow[]) => {
    viewRows.current = ordered;
  }, []);
  const exportCsv = () => {
    const visible = new Set(['name', ...chooserColumns.map((c) => c.id).filter((id) => !hiddenColumns.includes(id))]);
    downloadFile(`${t('export.fileName')}-${(asOf ?? '').slice(0, 10)}.csv`, portfolioCsv(viewRows.current, visible, i18n), 'text/csv;charset=utf-8');
  };

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
      <PortfolioToolbar owners={owners} columns={chooserColumns} onExport={exportCsv}>
        <p className="as-of">{t('portfolio.asOf', { date: fmt.date(data.asOf) })}</p>
      </PortfolioToolbar>
      {shown.length === 0 ? (
        <div className="state state-empty">{t('filters.noMatch')}</div>
      ) : (
        <PortfolioTable rows={shown} total={rows.length} showOwner={manyOwners} onViewRows={onViewRows} />
      )}
    </>
  );
}
