import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the pieces line charts use, so the bundle carries no other chart types.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend, Filler);

export interface LineSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Which y axis: the left one (default) or the right one. */
  axis?: 'left' | 'right';
}

export interface LineChartProps {
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  summary: string;
  labels: string[];
  series: LineSeries[];
  yLeft?: { min?: number; max?: number; title?: string };
  yRight?: { min?: number; title?: string };
}

/** A chart.js line chart; the caller renders a table with the same figures for those who cannot see it. */
export function LineChart({ summary, labels, series, yLeft, yRight }: LineChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: s.color,
          backgroundColor: s.color,
          yAxisID: s.axis === 'right' ? 'right' : 'left',
          spanGaps: true,
          tension: 0.25,
          pointRadius: 2,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 12 } } },
        scales: {
          left: { position: 'left', min: yLeft?.min, max: yLeft?.max, title: { display: Boolean(yLeft?.title), text: yLeft?.title } },
          ...(series.some((s) => s.axis === 'right')
            ? { right: { position: 'right' as const, min: yRight?.min, grid: { drawOnChartArea: false }, title: { display: Boolean(yRight?.title), text: yRight?.title } } }
            : {}),
        },
      },
    });
    return () => chart.destroy();
  }, [labels, series, yLeft, yRight]);
  return (
    <div className="chart-box">
      <canvas ref={canvasRef} role="img" aria-label={summary} />
    </div>
  );
}
