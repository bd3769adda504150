import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type Header, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { useT } from '../i18n/use-t';
import { accountPath, goTo } from '../routes/paths';
import { useNavigationStore } from '../stores/navigation-store';
import { usePortfolioViewStore } from '../stores/portfolio-view-store';
import { columnWidths, NUMERIC_COLUMNS, portfolioColumns } from './portfolio-columns';
import { groupRows, type DisplayItem } from './portfolio-groups';

/** Must match `.portfolio-table tbody td { height }` in styles/portfolio.css (windowing relies on it). */
export const ROW_HEIGHT = 32;
/** Books up to this size render every row: role queries and find-in-page see the whole table. */
export const WINDOWING_THRESHOLD = 300;

export interface PortfolioTableProps {
  /** The rows that passed the filters. */
  rows: PortfolioRow[];
  /** Accounts in the whole book, for "12 of 150" when filters hide some. */
  total: number;
  /** Show who owns each account (a manager's book holds several owners' accounts). */
  showOwner?: boolean;
  /** Told the rows in the order shown, whenever it changes (the CSV export of the view). */
  onViewRows?: (rows: PortfolioRow[]) => void;
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

/** One account as a plain <tr>: the name is the row header, every other value a cell. */
function renderRow(row: Row<PortfolioRow>, index: number, ariaRowIndex: number | undefined) {
  const classes = [index % 2 ? 'is-odd' : 'is-even', row.original.status === 'churned' ? 'is-churned' : ''];
  return (
    <tr
      key={row.id}
      className={classes.join(' ').trim()}
      aria-rowindex={ariaRowIndex}
      data-row-index={index}
      onClick={(event) => {
        // Anywhere on the row opens the account; the name's own link (and Ctrl-click on it) stays a link.
        if ((event.target as Element).closest('a, button')) return;
        goTo(accountPath(row.original.id));
      }}
    >
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
  );
}

function SpacerRow({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}

function focusRowLink(body: HTMLElement | null, index: number): boolean {
  const link = body?.querySelector<HTMLElement>(`tr[data-row-index="${index}"] a[data-account-id]`);
  link?.focus();
  return Boolean(link);
}

/** The book of accounts as one sortable, accessible table inside its own scrolling area. */
export function PortfolioTable({ rows, total, showOwner = false, onViewRows }: PortfolioTableProps) {
  const i18n = useT();
  const { t } = i18n;
  const sorting = usePortfolioViewStore((s) => s.sorting);
  const setSorting = usePortfolioViewStore((s) => s.setSorting);
  const hiddenColumns = usePortfolioViewStore((s) => s.hiddenColumns);
  const groupBy = usePortfolioViewStore((s) => s.groupBy);
  // Which free text the rendered rows answer (the bench times a keystroke to the rows it yields).
  const filterText = usePortfolioViewStore((s) => s.filters.text);
  const columns = useMemo(() => portfolioColumns(i18n, { showOwner }), [i18n, showOwner]);
  const columnVisibility = useMemo(() => Object.fromEntries(hiddenColumns.filter((id) => id !== 'name').map((id) => [id, false])), [hiddenColumns]);
  const widths = columnWidths(showOwner);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange: (update) => setSorting(typeof update === 'function' ? update(sorting) : update),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.id,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  // Churned accounts stay below the active book whatever the sort: a CSM works the live accounts,
  // and a churned account's last risk score is history, not a call to make today.
  const modelRows = table.getRowModel().rows;
  const sortedRows = useMemo(
    () => [...modelRows.filter((r) => r.original.status !== 'churned'), ...modelRows.filter((r) => r.original.status === 'churned')],
    [modelRows],
  );
  const items: DisplayItem[] = useMemo(() => groupRows(sortedRows, groupBy === 'owner' && !showOwner ? 'none' : groupBy, i18n), [sortedRows, groupBy, showOwner, i18n]);
  const accountRows = useMemo(() => items.flatMap((item) => (item.kind === 'row' ? [item.row] : [])), [items]);
  useEffect(() => onViewRows?.(accountRows.map((r) => r.original)), [accountRows, onViewRows]);

  // A larger book renders the rows near the viewport (TanStack Virtual) between two spacer rows.
  const windowed = items.length > WINDOWING_THRESHOLD;
  const [bodyTop, setBodyTop] = useState(0);
  useLayoutEffect(() => {
    const container = scrollRef.current;
    const body = bodyRef.current;
    // Where the rows start inside the scrolling area (caption and header above them).
    if (container && body) setBodyTop(body.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop);
  }, [windowed, showOwner]);
  const virtualizer = useVirtualizer({
    count: items.length,
    enabled: windowed,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    scrollMargin: bodyTop,
    // Rows on the first paint, before the scrolling area is measured.
    initialRect: { width: 0, height: 1200 },
  });
  const virtualItems = virtualizer.getVirtualItems();
  const start = windowed ? (virtualItems[0]?.index ?? 0) : 0;
  const end = windowed ? (virtualItems.at(-1)?.index ?? -1) + 1 : items.length;
  const leafColumns = table.getVisibleLeafColumns();
  /** Index in `items` of each account row, for keyboard moves between accounts (group headers are skipped). */
  const itemIndexOfRow = useMemo(() => items.flatMap((item, index) => (item.kind === 'row' ? [index] : [])), [items]);

  // Back from an account's page: its row is brought into view and its name focused, so a keyboard
  // user goes on from where they were.
  useEffect(() => {
    const accountId = useNavigationStore.getState().lastOpenedAccountId;
    if (!accountId) return;
    const index = items.findIndex((item) => item.kind === 'row' && item.row.id === accountId);
    if (index < 0) return;
    if (windowed) virtualizer.scrollToIndex(index, { align: 'center' });
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(accountId)}"]`)?.focus());
    // Only when the table first shows, not on every later change of its rows.
  }, []);

  /** Arrow keys move between accounts, Home and End to the first and last; Enter follows the focused link. */
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    const current = (event.target as Element).closest('tr')?.getAttribute('data-row-index');
    if (current === null || current === undefined) return;
    const position = itemIndexOfRow.indexOf(Number(current));
    let next: number;
    if (event.key in keys) next = Math.min(Math.max(position + (keys[event.key] ?? 0), 0), itemIndexOfRow.length - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = itemIndexOfRow.length - 1;
    else return;
    event.preventDefault();
    const target = itemIndexOfRow[next];
    if (target === undefined || focusRowLink(bodyRef.current, target)) return;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => requestAnimationFrame(() => focusRowLink(bodyRef.current, target)));
  };

  const count = t('portfolio.accounts', { n: total });
  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="portfolio-table" aria-rowcount={windowed ? items.length + 1 : undefined} data-filter-text={filterText}>
        <caption>
          {rows.length === total ? t('portfolio.caption', { count }) : t('portfolio.captionFiltered', { shown: rows.length, count })}
        </caption>
        <colgroup>
          {leafColumns.map((col) => (
            <col key={col.id} style={{ width: widths[col.id] }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={windowed ? 1 : undefined}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} hint={t('sort.hint', { column: String(header.column.columnDef.header) })} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          <SpacerRow height={start * ROW_HEIGHT} span={leafColumns.length} />
          {items.slice(start, end).map((item, i) => {
            const index = start + i;
            const ariaRowIndex = windowed ? index + 2 : undefined;
            if (item.kind === 'row') return renderRow(item.row, index, ariaRowIndex);
            return (
              <tr key={`group-${item.key}`} className="group-row" aria-rowindex={ariaRowIndex}>
                <th scope="rowgroup" colSpan={leafColumns.length}>
                  {item.label} <span className="today-count">{item.count}</span>
                </th>
              </tr>
            );
          })}
          <SpacerRow height={(items.length - end) * ROW_HEIGHT} span={leafColumns.length} />
        </tbody>
      </table>
    </div>
  );
}
