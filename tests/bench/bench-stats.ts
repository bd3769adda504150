import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
  samples: number;
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; returns median and p95 in ms. */
export function timeRuns(fn: (i: number) => void, runs: number, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), samples: runs };
}

/** 'within' when the value meets its budget (below it, or at least it when higher is better). */
export function verdict(value: number, budget: number, higherIsBetter = false): FigureRow['verdict'] {
  return (higherIsBetter ? value >= budget : value < budget) ? 'within' : 'OVER';
}

export interface FigureRow {
  figure: string;
  measured: string;
  budget: string;
  baseline: string;
  verdict: 'within' | 'OVER' | '—';
}

/** Prints figures as an aligned table: measured value beside its budget and raw baseline. */
export function printFigures(rows: FigureRow[]): void {
  const headers: FigureRow = { figure: 'figure', measured: 'measured', budget: 'budget (DESIGN §5)', baseline: 'raw baseline, same run', verdict: '—' };
  const all = [headers, ...rows];
  const width = (key: keyof FigureRow): number => Math.max(...all.map((r) => r[key].length));
  const line = (r: FigureRow): string =>
    [r.figure.padEnd(width('figure')), r.measured.padStart(width('measured')), r.budget.padEnd(width('budget')), r.baseline.padEnd(width('baseline')), r === headers ? 'verdict' : r.verdict].join('  │  ');
  console.log(line(headers));
  console.log('─'.repeat(line(headers).length));
  for (const row of rows) console.log(line(row));
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
