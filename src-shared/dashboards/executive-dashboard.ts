import { cohortRetention, monthlyChurnRate, revenueRetentionFromAccounts, type AccountLifespan } from '../metrics/retention';
import { ces, csat, nps } from '../metrics/satisfaction';
import { CHURN_FEATURES, trainChurnModel, type ChurnFeatures } from '../scoring/churn-model';
import { isAtRiskBand } from '../scoring/risk';
import type { RiskBand, Tier } from '../scoring/types';
import { addUtcDays, addUtcMonths, monthKeyStart, utcDay, utcDaysBetween, utcMonthKey, utcQuarter } from '../schedule/utc-date';
import { FigureGrid, type BuiltDashboard, type Figure, type Kpi } from './dashboard-model';
import { activeAccounts, type DashboardAccount, type DashboardSurvey, type LabelledOutcome } from './dashboard-sources';

export const TIERS: readonly Tier[] = ['critical', 'at_risk', 'stable', 'successful', 'unscored'];
export const RISK_BANDS: readonly RiskBand[] = ['high', 'medium', 'low', 'none'];
/** Renewal windows, cumulative from today (DESIGN §4.4's 90-day renewal prep, cut in thirds). */
export const RENEWAL_WINDOWS = [30, 60, 90] as const;
/** Survey answers this recent make the satisfaction figures (one quarter of answers). */
export const SATISFACTION_DAYS = 90;
/** Complete months shown on the churn chart; also the GRR/NRR period. */
export const CHURN_MONTHS = 12;
/** Cohorts (start months) shown in the retention table, newest last. */
export const COHORTS_SHOWN = 24;
/** Quarters of NPS answers on the chart, the current one last. */
export const NPS_QUARTERS = 4;
/** The training split is seeded so the same book shows the same model. */
const CHURN_MODEL_SEED = 20261;

export interface ExecutiveSources {
  asOf: Date;
  /** Every account, churned ones included (churn and retention read them). */
  accounts: readonly DashboardAccount[];
  /** Survey answers of the last NPS_QUARTERS quarters at least. */
  surveys: readonly DashboardSurvey[];
  outcomes: readonly LabelledOutcome[];
  /** Fewest labelled outcomes before the churn model is shown (scoring_config). */
  minLabelled: number;
}

function lifespan(a: DashboardAccount): AccountLifespan {
  return { startedAt: new Date(a.contractStart), churnedAt: a.churnedAt ? new Date(a.churnedAt) : null };
}

/** The Executive dashboard (issue 9): the state of the whole book at a glance. */
export function executiveDashboard(src: ExecutiveSources): BuiltDashboard {
  const active = activeAccounts(src.accounts);
  const kpis: Kpi[] = [];
  const kpiAccounts: Record<string, string[]> = {};
  const figures: Figure[] = [];
  const figureAccounts: Record<string, string[][][]> = {};
  const addKpi = (kpi: Kpi, ids: string[]) => {
    kpis.push(kpi);
    kpiAccounts[kpi.id] = ids;
  };
  const addFigure = (figure: Figure, grid: FigureGrid) => {
    figures.push(figure);
    figureAccounts[figure.id] = grid.accountsFor(figure);
  };

  addKpi({ id: 'activeAccounts', unit: 'count', value: active.length, n: active.length }, active.map((a) => a.id));
  addKpi({ id: 'arr', unit: 'currency', value: active.reduce((s, a) => s + a.arr, 0), n: active.length }, active.map((a) => a.id));

  // Health distribution and ARR by tier.
  const tierKeys = TIERS as readonly string[];
  const byTier = new FigureGrid(['accounts'], tierKeys);
  const arrByTier = new FigureGrid(['arr'], tierKeys);
  for (const a of active) {
    byTier.add('accounts', a.tier, a.id);
    arrByTier.add('arr', a.tier, a.id, a.arr);
  }
  const tierCategories = TIERS.map((tier) => ({ key: tier, label: { tier } }));
  addFigure({ id: 'healthByTier', chart: 'bar', categories: tierCategories, series: [{ key: 'accounts', label: { key: 'dash.series.accounts' }, unit: 'count', values: byTier.seriesValues('accounts') }] }, byTier);
  addFigure({ id: 'arrByTier', chart: 'bar', categories: tierCategories, series: [{ key: 'arr', label: { key: 'dash.series.arr' }, unit: 'currency', values: arrByTier.seriesValues('arr') }] }, arrByTier);

  // Risk bands.
  const bands = new FigureGrid(['accounts', 'arr'], RISK_BANDS);
  for (const a of active) {
    bands.add('accounts', a.riskBand, a.id);
    bands.add('arr', a.riskBand, a.id, a.arr);
  }
  addFigure({
    id: 'riskBands', chart: 'bar',
    categories: RISK_BANDS.map((band) => ({ key: band, label: { band } })),
    series: [
      { key: 'accounts', label: { key: 'dash.series.accounts' }, unit: 'count', values: bands.seriesValues('accounts') },
      { key: 'arr', label: { key: 'dash.series.arr' }, unit: 'currency', values: bands.seriesValues('arr') },
    ],
  }, bands);

  // Renewals in the next 30 / 60 / 90 days (cumulative), their ARR and the part at risk.
  const windowKeys = RENEWAL_WINDOWS.map((d) => `d${d}`);
  const renewals = new FigureGrid(['renewals', 'arrSafe', 'arrAtRisk'], windowKeys);
  for (const a of active) {
    const days = utcDaysBetween(src.asOf, new Date(a.renewalDate));
    // A date that does not parse (NaN) is in no window.
    if (!(days >= 0)) continue;
    for (const d of RENEWAL_WINDOWS) {
      if (days > d) continue;
      renewals.add('renewals', `d${d}`, a.id);
      renewals.add(isAtRiskBand(a.riskBand) ? 'arrAtRisk' : 'arrSafe', `d${d}`, a.id, a.arr);
    }
  }
  addFigure({
    id: 'renewals', chart: 'stackedBar',
    categories: RENEWAL_WINDOWS.map((d) => ({ key: `d${d}`, label: { key: 'dash.window.days', params: { days: d } } })),
    series: [
      { key: 'arrAtRisk', label: { key: 'dash.series.arrAtRisk' }, unit: 'currency', values: renewals.seriesValues('arrAtRisk') },
      { key: 'arrSafe', label: { key: 'dash.series.arrNotAtRisk' }, unit: 'currency', values: renewals.seriesValues('arrSafe') },
      { key: 'renewals', label: { key: 'dash.series.renewals' }, unit: 'count', values: renewals.seriesValues('renewals') },
    ],
  }, renewals);
  const last = RENEWAL_WINDOWS.length - 1;
  const atRisk90 = renewals.accountsOf('arrAtRisk', `d${RENEWAL_WINDOWS[last]}`);
  addKpi({ id: 'arrAtRisk90', unit: 'currency', value: renewals.seriesValues('arrAtRisk')[last] ?? 0, n: atRisk90.length }, atRisk90);

  addSatisfaction(src, addKpi, addFigure);
  addChurnAndRetention(src, addKpi, addFigure);
  addChurnModel(src, addKpi, addFigure);

  return {
    dashboard: { name: 'executive', asOf: src.asOf.toISOString(), kpis, figures },
    accounts: { kpis: kpiAccounts, figures: figureAccounts },
  };
}

type AddKpi = (kpi: Kpi, ids: string[]) => void;
type AddFigure = (figure: Figure, grid: FigureGrid) => void;

/** NPS, CSAT and CES of the last 90 days against the seed targets, and NPS answers by quarter. */
function addSatisfaction(src: ExecutiveSources, addKpi: AddKpi, addFigure: AddFigure): void {
  const since = addUtcDays(utcDay(src.asOf), -SATISFACTION_DAYS).getTime();
  const recent = src.surveys.filter((s) => Date.parse(s.answeredAt) >= since && Date.parse(s.answeredAt) <= src.asOf.getTime());
  const of = (kind: DashboardSurvey['kind']) => recent.filter((s) => s.kind === kind);
  const ids = (answers: DashboardSurvey[]) => [...new Set(answers.map((s) => s.accountId))];
  const npsAnswers = of('nps');
  addKpi({ id: 'nps', unit: 'score', value: nps(npsAnswers.map((s) => s.score)).value, n: npsAnswers.length, target: 'nps' }, ids(npsAnswers));
  const csatAnswers = of('csat');
  addKpi({ id: 'csat', unit: 'decimal', value: csat(csatAnswers.map((s) => s.score)), n: csatAnswers.length, target: 'csat' }, ids(csatAnswers));
  const cesAnswers = of('ces');
  addKpi({ id: 'ces', unit: 'decimal', value: ces(cesAnswers.map((s) => s.score)), n: cesAnswers.length, target: 'ces' }, ids(cesAnswers));

  const quarters: string[] = [];
  let q = utcQuarter(src.asOf);
  for (let i = 0; i < NPS_QUARTERS; i += 1) {
    quarters.unshift(q.key);
    q = utcQuarter(addUtcDays(q.start, -1));
  }
  const grid = new FigureGrid(['promoters', 'passives', 'detractors'], quarters);
  for (const s of src.surveys) {
    if (s.kind !== 'nps' || Date.parse(s.answeredAt) > src.asOf.getTime()) continue;
    const bucket = s.score >= 9 ? 'promoters' : s.score >= 7 ? 'passives' : 'detractors';
    grid.add(bucket, utcQuarter(new Date(s.answeredAt)).key, s.accountId);
  }
  addFigure({
    id: 'npsByQuarter', chart: 'stackedBar', target: 'nps',
    categories: quarters.map((key) => ({ key, label: { text: key } })),
    series: (['promoters', 'passives', 'detractors'] as const).map((key) => ({ key, label: { key: `dash.series.${key}` }, unit: 'count' as const, values: grid.seriesValues(key) })),
  }, grid);
}

/** Monthly churn over the last 12 complete months, GRR and NRR over them, and cohort retention. */
function addChurnAndRetention(src: ExecutiveSources, addKpi: AddKpi, addFigure: AddFigure): void {
  const lifespans = src.accounts.map(lifespan);
  const thisMonth = monthKeyStart(utcMonthKey(src.asOf));
  const months = Array.from({ length: CHURN_MONTHS }, (_, i) => utcMonthKey(addUtcMonths(thisMonth, i - CHURN_MONTHS)));
  const churn = new FigureGrid(['churnRate', 'churned'], months);
  for (const month of months) {
    const start = monthKeyStart(month).getTime();
    const end = addUtcMonths(monthKeyStart(month), 1).getTime();
    const churned = src.accounts.filter((a) => a.churnedAt !== null && utcDay(new Date(a.churnedAt)).getTime() >= start && utcDay(new Date(a.churnedAt)).getTime() < end).map((a) => a.id);
    churn.set('churnRate', month, monthlyChurnRate(lifespans, month), churned);
    churn.set('churned', month, churned.length, churned);
  }
  addFigure({
    id: 'monthlyChurn', chart: 'line', target: 'monthly_churn',
    categories: months.map((month) => ({ key: month, label: { month } })),
    series: [
      { key: 'churnRate', label: { key: 'dash.series.churnRate' }, unit: 'percent', values: churn.seriesValues('churnRate') },
      { key: 'churned', label: { key: 'dash.series.churned' }, unit: 'count', values: churn.seriesValues('churned') },
    ],
  }, churn);
  const lastMonth = months[months.length - 1] as string;
  const lastRate = churn.seriesValues('churnRate')[months.length - 1] ?? null;
  addKpi({ id: 'monthlyChurn', unit: 'percent', value: lastRate, n: churn.seriesValues('churned')[months.length - 1] ?? 0, target: 'monthly_churn' }, churn.accountsOf('churnRate', lastMonth));

  // GRR / NRR over the same 12 months: accounts live at its start, their ARR at the end (0 if churned).
  const periodStart = monthKeyStart(months[0] as string).getTime();
  const periodEnd = addUtcMonths(monthKeyStart(lastMonth), 1).getTime();
  const base = src.accounts.filter((a) => {
    const started = utcDay(new Date(a.contractStart)).getTime();
    const churned = a.churnedAt === null ? null : utcDay(new Date(a.churnedAt)).getTime();
    return started <= periodStart && (churned === null || churned >= periodStart);
  });
  const retention = revenueRetentionFromAccounts(base.map((a) => {
    const churned = a.churnedAt !== null && utcDay(new Date(a.churnedAt)).getTime() < periodEnd;
    return { startArr: a.arr, endArr: churned ? 0 : a.arr };
  }));
  const baseIds = base.map((a) => a.id);
  addKpi({ id: 'grr', unit: 'percent', value: retention.grr, n: base.length }, baseIds);
  addKpi({ id: 'nrr', unit: 'percent', value: retention.nrr, n: base.length }, baseIds);

  // Cohort retention at months 1, 3, 6 and 12, the newest cohorts.
  const rows = cohortRetention(lifespans, src.asOf).slice(-COHORTS_SHOWN);
  const cohortKeys = rows.map((r) => r.cohort);
  const members = new Map<string, string[]>(cohortKeys.map((k) => [k, []]));
  const today = utcDay(src.asOf).getTime();
  // The members cohortRetention counted: a contract starting later this month is not in it yet.
  for (const a of src.accounts) {
    if (utcDay(new Date(a.contractStart)).getTime() <= today) members.get(utcMonthKey(new Date(a.contractStart)))?.push(a.id);
  }
  const columns = ['size', 'm1', 'm3', 'm6', 'm12'] as const;
  const grid = new FigureGrid(columns, cohortKeys);
  for (const r of rows) for (const c of columns) grid.set(c, r.cohort, r[c], members.get(r.cohort) ?? []);
  addFigure({
    id: 'cohortRetention', chart: 'table',
    categories: cohortKeys.map((month) => ({ key: month, label: { month } })),
    series: columns.map((key) => ({ key, label: { key: `dash.series.cohort.${key}` }, unit: key === 'size' ? 'count' as const : 'percent' as const, values: grid.seriesValues(key) })),
  }, grid);
}

/** The churn model's coefficients and held-out AUC, hidden below the labelled minimum (DESIGN §4.3). */
function addChurnModel(src: ExecutiveSources, addKpi: AddKpi, addFigure: AddFigure): void {
  const usable = src.outcomes.filter((o): o is LabelledOutcome & { features: ChurnFeatures } => o.features !== null);
  const model = trainChurnModel(usable.map((o) => ({ features: o.features, churned: o.churned })), { seed: CHURN_MODEL_SEED, minLabelled: src.minLabelled });
  const ids = usable.map((o) => o.accountId);
  const grid = new FigureGrid(['coefficient'], CHURN_FEATURES);
  if (model.status === 'ok') for (const f of CHURN_FEATURES) grid.set('coefficient', f, model.coefficients[f], ids);
  addFigure({
    id: 'churnModel', chart: 'horizontalBar',
    categories: CHURN_FEATURES.map((f) => ({ key: f, label: { key: `dash.feature.${f}` } })),
    series: [{ key: 'coefficient', label: { key: 'dash.series.coefficient' }, unit: 'coefficient', values: model.status === 'ok' ? grid.seriesValues('coefficient') : CHURN_FEATURES.map(() => null) }],
    ...(model.status === 'ok' ? {} : { unavailable: { key: `dash.churnModel.${model.reason}`, params: { n: model.n, min: src.minLabelled } } }),
  }, grid);
  addKpi({ id: 'churnModelAuc', unit: 'decimal', value: model.status === 'ok' ? model.aucHoldout : null, n: model.n }, ids);
}
