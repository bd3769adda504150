import { useMemo, useState } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Header,
  type SortingState,
} from '@tanstack/react-table';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { accountCount } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { COLUMN_WIDTHS, NUMERIC_COLUMNS, portfolioColumns } from './portfolio-columns';

/** Highest churn risk first until the user picks another column. */
export const DEFAULT_SORTING: SortingState = [{ id: 'risk', desc: true }];

export interface PortfolioTableProps {
  rows: PortfolioRow[];
}

function ariaSort(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

function SortableHeader({ header, hint }: { header: Header<PortfolioRow, unknown>; hint: string }) {
  const sorted = header.column.getIsSorted();
  const numeric = NUMERIC_COLUMNS.has(header.column.id);
  return (
    <th scope="col" aria-sort={ariaSort(sorted)} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" title={hint} onClick={header.column.getToggleSortingHandler()}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span className={sorted ? 'sort-icon is-active' : 'sort-icon'} aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The book of accounts as one sortable, accessible table. */
export function PortfolioTable({ rows }: PortfolioTableProps) {
  const i18n = useT();
  const { t, locale } = i18n;
  const [sorting, setSorting] = useState<SortingState>(DEFAULT_SORTING);
  const columns = useMemo(() => portfolioColumns(i18n), [i18n]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.id,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  return (
    <table className="portfolio-table">
      <caption>{t('portfolio.caption', { count: accountCount(locale, rows.length) })}</caption>
      <colgroup>
        {table.getVisibleLeafColumns().map((col) => (
          <col key={col.id} style={{ width: COLUMN_WIDTHS[col.id] }} />
        ))}
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortableHeader
                key={header.id}
                header={header}
                hint={t('sort.hint', { column: String(header.column.columnDef.header) })}
              />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={row.original.status === 'churned' ? 'is-churned' : undefined}>
            {row.getVisibleCells().map((cell) => {
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              if (cell.column.id === 'name') {
                return (
                  <th key={cell.id} scope="row">
                    {content}
                  </th>
                );
              }
              return (
                <td key={cell.id} className={NUMERIC_COLUMNS.has(cell.column.id) ? 'num' : undefined}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
