import { lazy, Suspense, useCallback, useId, useMemo, useRef } from 'react';
import { Link } from 'wouter';
import type { Chart } from 'chart.js';
import type { DashboardName, Figure } from '../../src-shared/dashboards/dashboard-model';
import { figureRows, figureTitleKey, labelText, targetText, valueText } from '../../src-shared/dashboards/dashboard-text';
import type { MessageKey } from '../../src-shared/i18n/messages-en';
import type { I18n } from '../i18n/use-t';
import { drillPath, goTo } from '../routes/paths';
import { base64Bytes, downloadFile } from './download-file';
import { figureCsv } from './dashboard-csv';

const DashboardChart = lazy(() => import('./DashboardChart').then((m) => ({ default: m.DashboardChart })));

/** Categories read out in a chart's screen-reader summary; the table has them all. */
const SUMMARY_CATEGORIES = 12;

/** The figure's values as a table; each value links to the accounts behind it. */
function FigureTable({ board, figure, i18n, caption }: { board: DashboardName; figure: Figure; i18n: I18n; caption: string }) {
  const { header } = figureRows(figure, i18n);
  return (
    <table className="dash-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <td />
          {header.map((h, i) => <th key={figure.series[i]?.key ?? i} scope="col">{h}</th>)}
        </tr>
      </thead>
      <tbody>
        {figure.categories.map((c, ci) => {
          const category = labelText(c.label, i18n);
          return (
            <tr key={c.key}>
              <th scope="row">{category}</th>
              {figure.series.map((s) => {
                const value = s.values[ci] ?? null;
                const text = valueText(s.unit, value, i18n);
                return (
                  <td key={s.key}>
                    {value === null || value === 0 ? text : (
                      <Link href={drillPath(board, { kind: 'figure', id: figure.id, series: s.key, category: c.key })} aria-label={i18n.t('dash.cellLabel', { value: text, category, series: labelText(s.label, i18n) })}>{text}</Link>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One figure of a dashboard: title, what it counts, the chart, its table alternative, PNG and CSV. */
export function DashboardFigure({ board, figure, i18n, asOf }: { board: DashboardName; figure: Figure; i18n: I18n; asOf: string }) {
  const { t } = i18n;
  const titleId = useId();
  const chartRef = useRef<Chart | null>(null);
  const title = t(figureTitleKey(figure));
  const note = t(`dash.figureNote.${figure.id}` as MessageKey, { target: figure.target ? targetText(figure.target, i18n) : '' });
  const fileBase = `${board}-${figure.id}-${asOf.slice(0, 10)}`;
  // Zeros are a result (no churn in a year); only a figure with nothing measured is empty.
  const empty = figure.categories.length === 0 || figure.series.every((s) => s.values.every((v) => v === null));
  const summary = useMemo(() => {
    const first = figure.series[0];
    const values = first
      ? figure.categories.slice(0, SUMMARY_CATEGORIES).map((c, i) => `${labelText(c.label, i18n)} ${valueText(first.unit, first.values[i] ?? null, i18n)}`).join(', ')
      : '';
    return t('dash.chartSummary', { title, values });
  }, [figure, i18n, t, title]);
  const onDrill = useCallback((series: string, category: string) => goTo(drillPath(board, { kind: 'figure', id: figure.id, series, category })), [board, figure.id]);
  const onReady = useCallback((chart: Chart | null) => {
    chartRef.current = chart;
  }, []);
  const downloadPng = () => {
    const chart = chartRef.current;
    if (!chart) return;
    downloadFile(`${fileBase}.png`, base64Bytes(chart.toBase64Image('image/png').split(',')[1] ?? ''), 'image/png');
  };
  const downloadCsv = () => downloadFile(`${fileBase}.csv`, figureCsv(figure, title, i18n), 'text/csv;charset=utf-8');
  const charted = figure.chart !== 'table' && !figure.unavailable && !empty;

  return (
    <section className={`dash-figure dash-figure-${figure.chart}`} aria-labelledby={titleId} data-figure={figure.id}>
      <header className="dash-figure-header">
        <h3 id={titleId}>{title}</h3>
        <div className="dash-figure-actions">
          {charted && <button type="button" className="button-secondary button-small" aria-label={t('dash.downloadPngLabel', { title })} onClick={downloadPng}>{t('dash.downloadPng')}</button>}
          {!figure.unavailable && <button type="button" className="button-secondary button-small" aria-label={t('dash.downloadCsvLabel', { title })} onClick={downloadCsv}>{t('dash.downloadCsv')}</button>}
        </div>
      </header>
      <p className="muted dash-figure-note">{note}</p>
      {figure.unavailable ? (
        <p className="dash-unavailable">{t(figure.unavailable.key as MessageKey, figure.unavailable.params)}</p>
      ) : empty ? (
        <p className="muted">{t('dash.noData')}</p>
      ) : figure.chart === 'table' ? (
        <div className="dash-table-scroll"><FigureTable board={board} figure={figure} i18n={i18n} caption={title} /></div>
      ) : (
        <>
          <Suspense fallback={<div className="chart-box" />}>
            <DashboardChart figure={figure} i18n={i18n} summary={summary} onDrill={onDrill} onReady={onReady} />
          </Suspense>
          <details className="dash-table-details">
            <summary>{t('dash.showTable')}</summary>
            <FigureTable board={board} figure={figure} i18n={i18n} caption={title} />
          </details>
        </>
      )}
    </section>
  );
}
