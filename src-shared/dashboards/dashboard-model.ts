import type { TargetMetric } from '../metrics/targets';
import type { RiskBand, Tier } from '../scoring/types';

export const DASHBOARDS = ['executive', 'operational', 'team'] as const;
export type DashboardName = (typeof DASHBOARDS)[number];

/** How a figure's numbers read: the renderer formats each unit for the locale. */
export type FigureUnit = 'count' | 'currency' | 'percent' | 'score' | 'decimal' | 'coefficient';

/**
 * A label the renderer turns into text: a catalog key (with parameters), a tier or risk band (their
 * label tables), a month 'YYYY-MM', a week by its Monday 'YYYY-MM-DD', or text shown as it is (a
 * CSM's name).
 */
export type FigureLabel =
  | { key: string; params?: Record<string, string | number> }
  | { tier: Tier }
  | { band: RiskBand }
  | { month: string }
  | { week: string }
  | { text: string };

export interface FigureSeries {
  key: string;
  label: FigureLabel;
  unit: FigureUnit;
  /** One value per category; null where there is nothing to measure. */
  values: Array<number | null>;
}

/**
 * One dashboard figure: a chart (or a table when `chart` is 'table') of series over categories.
 * Its table alternative and CSV are the same grid: a row per category, a column per series.
 */
export interface Figure {
  id: string;
  chart: 'bar' | 'stackedBar' | 'horizontalBar' | 'line' | 'table';
  categories: Array<{ key: string; label: FigureLabel }>;
  series: FigureSeries[];
  /** A seed target drawn beside the series (DESIGN §4.7). */
  target?: TargetMetric;
  /** Why the figure has no data yet, as a catalog key with parameters (shown instead of the chart). */
  unavailable?: { key: string; params?: Record<string, string | number> };
}

/** A headline number: value, how many things it counts over, and the seed target it is read against. */
export interface Kpi {
  id: string;
  unit: FigureUnit;
  value: number | null;
  /** The number of answers, accounts or outcomes behind the value. */
  n: number;
  target?: TargetMetric;
}

export interface Dashboard {
  name: DashboardName;
  asOf: string;
  kpis: Kpi[];
  figures: Figure[];
}

/**
 * The accounts behind each value, kept by the builders beside the figures so the list a figure
 * opens is the one its number was counted from: `kpis[id]` and `figures[id][series][category]`.
 */
export interface DashboardAccounts {
  kpis: Record<string, string[]>;
  figures: Record<string, string[][][]>;
}

export interface BuiltDashboard {
  dashboard: Dashboard;
  accounts: DashboardAccounts;
}

/** Where a drill-down points: a KPI, or one value of a figure. */
export type DrillTarget =
  | { kind: 'kpi'; id: string }
  | { kind: 'figure'; id: string; series: string; category: string };

/** The account ids behind a KPI or a figure's value; null when the dashboard has no such value. */
export function accountsBehind(built: BuiltDashboard, target: DrillTarget): string[] | null {
  // Own keys only: an id such as "constructor" must not reach Object.prototype.
  if (target.kind === 'kpi') return Object.hasOwn(built.accounts.kpis, target.id) ? (built.accounts.kpis[target.id] as string[]) : null;
  const figure = built.dashboard.figures.find((f) => f.id === target.id);
  const s = figure?.series.findIndex((x) => x.key === target.series) ?? -1;
  const c = figure?.categories.findIndex((x) => x.key === target.category) ?? -1;
  if (s < 0 || c < 0) return null;
  return built.accounts.figures[target.id]?.[s]?.[c] ?? null;
}

/**
 * Collects a figure's values and the accounts behind each, so every builder counts and lists from
 * one place: `add(series, category, accountId, amount)` adds the amount and lists the account once.
 */
export class FigureGrid {
  private readonly values: Array<Array<number | null>>;
  private readonly ids: Array<Array<Set<string>>>;

  constructor(
    private readonly seriesKeys: readonly string[],
    private readonly categoryKeys: readonly string[],
  ) {
    this.values = seriesKeys.map(() => categoryKeys.map(() => 0));
    this.ids = seriesKeys.map(() => categoryKeys.map(() => new Set<string>()));
  }

  /** Adds `amount` (1 by default) to a cell and lists the account behind it; unknown keys are ignored. */
  add(series: string, category: string, accountId: string, amount = 1): void {
    const s = this.seriesKeys.indexOf(series);
    const c = this.categoryKeys.indexOf(category);
    if (s < 0 || c < 0) return;
    const row = this.values[s] as Array<number | null>;
    row[c] = (row[c] ?? 0) + amount;
    (this.ids[s] as Array<Set<string>>)[c]?.add(accountId);
  }

  /** Sets a computed value (a rate, a mean) with the accounts it was computed over. */
  set(series: string, category: string, value: number | null, accountIds: Iterable<string>): void {
    const s = this.seriesKeys.indexOf(series);
    const c = this.categoryKeys.indexOf(category);
    if (s < 0 || c < 0) return;
    (this.values[s] as Array<number | null>)[c] = value;
    (this.ids[s] as Array<Set<string>>)[c] = new Set(accountIds);
  }

  /** The values of one series, in category order. */
  seriesValues(series: string): Array<number | null> {
    return [...(this.values[this.seriesKeys.indexOf(series)] ?? [])];
  }

  /** The accounts behind one value; none for keys the grid does not have. */
  accountsOf(series: string, category: string): string[] {
    return [...(this.ids[this.seriesKeys.indexOf(series)]?.[this.categoryKeys.indexOf(category)] ?? [])];
  }

  /**
   * The accounts behind every value of a figure drawn from this grid, [series][category] in the
   * figure's own order (which need not be the grid's: a stacked chart lists its series differently).
   */
  accountsFor(figure: Pick<Figure, 'series' | 'categories'>): string[][][] {
    return figure.series.map((s) => figure.categories.map((c) => this.accountsOf(s.key, c.key)));
  }
}
