import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import type { Figure } from '../../src-shared/dashboards/dashboard-model';
import { chartedSeries, labelText, valueText, type DashboardI18n } from '../../src-shared/dashboards/dashboard-text';
import { SEED_TARGETS } from '../../src-shared/metrics/targets';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

/** Colours that mean something wherever they appear: tiers, bands, sentiments, good and bad. */
const MEANINGFUL: Readonly<Record<string, string>> = {
  critical: '#c0392b', at_risk: '#d68910', stable: '#2e6bd9', successful: '#1e8449', unscored: '#95a0ab',
  high: '#c0392b', medium: '#d68910', low: '#e3c34d', none: '#95a0ab',
  positive: '#1e8449', neutral: '#95a0ab', negative: '#c0392b',
  promoters: '#1e8449', passives: '#95a0ab', detractors: '#c0392b',
  arrAtRisk: '#c0392b', arrSafe: '#2e6bd9', done: '#1e8449', overdue: '#c0392b',
  age0to2: '#f5cba7', age3to7: '#eb984e', age8to30: '#ca6f1e', age31plus: '#873600',
};
const PALETTE = ['#2e6bd9', '#1e8449', '#d68910', '#8e44ad', '#c0392b', '#17a589'];

function colorOf(key: string, index: number): string {
  return MEANINGFUL[key] ?? PALETTE[index % PALETTE.length] ?? '#2e6bd9';
}

/** PNGs come out on white, as the chart looks on screen, rather than on a transparent canvas. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw: (chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export interface DashboardChartProps {
  figure: Figure;
  i18n: DashboardI18n;
  /** What the chart shows, for screen readers (the table alternative has every figure). */
  summary: string;
  /** Opens the accounts behind a bar or point. */
  onDrill: (series: string, category: string) => void;
  /** Hands out the chart so the figure can export it as a PNG. */
  onReady: (chart: Chart | null) => void;
}

/** One dashboard figure drawn with chart.js; clicking a bar or point lists its accounts. */
export function DashboardChart({ figure, i18n, summary, onDrill, onReady }: DashboardChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const series = chartedSeries(figure);
    const unit = series[0]?.unit ?? 'count';
    const isLine = figure.chart === 'line';
    const stacked = figure.chart === 'stackedBar';
    const horizontal = figure.chart === 'horizontalBar';
    // A single series over tiers or bands takes each category's own colour.
    const perCategory = series.length === 1 && figure.categories.every((c) => MEANINGFUL[c.key]);
    const target = isLine && figure.target ? SEED_TARGETS[figure.target] : undefined;
    const targetValue = target?.max ?? target?.min;
    const datasets = [
      ...series.map((s, i) => ({
        type: isLine ? ('line' as const) : ('bar' as const),
        label: labelText(s.label, i18n),
        data: s.values,
        backgroundColor: perCategory ? figure.categories.map((c, j) => colorOf(c.key, j)) : colorOf(s.key, i),
        borderColor: perCategory ? figure.categories.map((c, j) => colorOf(c.key, j)) : colorOf(s.key, i),
        pointRadius: 3,
        tension: 0.2,
      })),
      ...(targetValue !== undefined
        ? [{ type: 'line' as const, label: i18n.t('dash.target', { target: valueText(unit, targetValue, i18n) }), data: figure.categories.map(() => targetValue), borderColor: '#616e7c', backgroundColor: '#616e7c', borderDash: [6, 4], pointRadius: 0 }]
        : []),
    ];
    // Counts tick in whole numbers (no "2, 2, 1, 1" from rounded halves).
    const valueAxis = { stacked, beginAtZero: true, ticks: { precision: unit === 'count' ? 0 : undefined, callback: (v: number | string) => valueText(unit, Number(v), i18n) } };
    const chart = new Chart(canvas, {
      type: isLine ? 'line' : 'bar',
      data: { labels: figure.categories.map((c) => labelText(c.label, i18n)), datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${valueText(unit, item.parsed[horizontal ? 'x' : 'y'] ?? null, i18n)}` } },
        },
        scales: horizontal ? { x: valueAxis, y: { stacked } } : { x: { stacked }, y: valueAxis },
        onHover: (event, elements) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
        },
        onClick: (_event, elements) => {
          const hit = elements[0];
          const s = hit ? series[hit.datasetIndex] : undefined;
          const c = hit ? figure.categories[hit.index] : undefined;
          if (s && c) onDrill(s.key, c.key);
        },
      },
      plugins: [whiteBackground],
    });
    onReady(chart);
    return () => {
      onReady(null);
      chart.destroy();
    };
  }, [figure, i18n, onDrill, onReady]);
  return (
    <div className={figure.chart === 'horizontalBar' ? 'chart-box chart-box-wide' : 'chart-box'}>
      <canvas ref={canvasRef} role="img" aria-label={summary} />
    </div>
  );
}
