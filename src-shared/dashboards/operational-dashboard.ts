import { ONBOARDING_CHECKLIST } from '../schedule/onboarding-checklist';
import { addUtcDays, MS_PER_DAY, utcDay, utcIsoDay, utcMondayOf } from '../schedule/utc-date';
import { isOverdue } from '../schedule/work-queue';
import { FigureGrid, type BuiltDashboard, type Figure, type Kpi } from './dashboard-model';
import type {
  DashboardContact,
  DashboardEscalation,
  DashboardFeedback,
  DashboardOnboarding,
  DashboardTouchpoint,
} from './dashboard-sources';

/** Weeks on the touchpoint chart, the current one last. */
export const TOUCHPOINT_WEEKS = 12;
/** Feedback this recent is counted (a year of it). */
export const FEEDBACK_DAYS = 365;
/** Open-escalation age buckets in days: [first day, last day] (null = no end). */
export const ESCALATION_AGES = [
  { key: 'age0to2', from: 0, to: 2 },
  { key: 'age3to7', from: 3, to: 7 },
  { key: 'age8to30', from: 8, to: 30 },
  { key: 'age31plus', from: 31, to: null },
] as const;
/** Onboarding checklist progress buckets, in items done of the 15. */
export const CHECKLIST_BUCKETS = [
  { key: 'items0to4', from: 0, to: 4 },
  { key: 'items5to9', from: 5, to: 9 },
  { key: 'items10to14', from: 10, to: 14 },
  { key: 'itemsAll', from: ONBOARDING_CHECKLIST.length, to: ONBOARDING_CHECKLIST.length },
] as const;
/** Feedback categories the catalogs name; any other is shown as it was written. */
export const KNOWN_FEEDBACK_CATEGORIES = ['feature_request', 'bug', 'ux', 'integration', 'pricing', 'support', 'documentation'] as const;
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
const LEVELS = [1, 2, 3, 4, 5] as const;
const CERTIFICATION_LEVELS = [0, 1, 2, 3] as const;
/** Training sessions in the last 90 days (the training_sessions input), bucketed. */
const TRAINING_BUCKETS = ['sessions0', 'sessions1', 'sessions2', 'sessions3plus'] as const;

export interface OperationalSources {
  asOf: Date;
  /** Touchpoints due or completed in the weeks shown. */
  touchpoints: readonly DashboardTouchpoint[];
  /** Account of each planned touchpoint due before today, however old. */
  overdueAccountIds: readonly string[];
  openEscalations: readonly DashboardEscalation[];
  /** Active accounts in their onboarding window. */
  onboarding: readonly DashboardOnboarding[];
  /** Feedback of the last FEEDBACK_DAYS. */
  feedback: readonly DashboardFeedback[];
  /** Current (not departed) contacts of active accounts. */
  contacts: readonly DashboardContact[];
  /** Training sessions of the last 90 days per active account; null when unknown. */
  training: ReadonlyArray<{ accountId: string; sessions: number | null }>;
}

/** The Operational dashboard (issue 9): is the team's work getting done? */
export function operationalDashboard(src: OperationalSources): BuiltDashboard {
  const kpis: Kpi[] = [];
  const kpiAccounts: Record<string, string[]> = {};
  const figures: Figure[] = [];
  const figureAccounts: Record<string, string[][][]> = {};
  const addFigure = (figure: Figure, grid: FigureGrid) => {
    figures.push(figure);
    figureAccounts[figure.id] = grid.accountsFor(figure);
  };
  const addKpi = (kpi: Kpi, ids: Iterable<string>) => {
    kpis.push(kpi);
    kpiAccounts[kpi.id] = [...new Set(ids)];
  };
  const today = utcDay(src.asOf);

  addKpi({ id: 'overdueNow', unit: 'count', value: src.overdueAccountIds.length, n: new Set(src.overdueAccountIds).size }, src.overdueAccountIds);
  addKpi({ id: 'openEscalations', unit: 'count', value: src.openEscalations.length, n: new Set(src.openEscalations.map((e) => e.accountId)).size }, src.openEscalations.map((e) => e.accountId));
  addKpi({ id: 'onboarding', unit: 'count', value: src.onboarding.length, n: src.onboarding.length }, src.onboarding.map((o) => o.accountId));

  // Touchpoints done and overdue per week. Overdue in a week = due that week, before today, and not
  // done within that week (skipped and cancelled ones are closed, not overdue).
  const thisMonday = utcMondayOf(src.asOf);
  const weeks = Array.from({ length: TOUCHPOINT_WEEKS }, (_, i) => addUtcDays(thisMonday, 7 * (i - TOUCHPOINT_WEEKS + 1)));
  const weekKeys = weeks.map(utcIsoDay);
  const perWeek = new FigureGrid(['done', 'overdue'], weekKeys);
  for (const t of src.touchpoints) {
    if (t.status === 'done' && t.completedAt && Date.parse(t.completedAt) <= src.asOf.getTime()) {
      perWeek.add('done', utcIsoDay(utcMondayOf(new Date(t.completedAt))), t.accountId);
    }
    const due = new Date(t.dueAt);
    const monday = utcMondayOf(due);
    const weekEnd = addUtcDays(monday, 7).getTime();
    const doneInTime = t.status === 'done' && t.completedAt !== null && Date.parse(t.completedAt) < weekEnd;
    const closed = t.status === 'skipped' || t.status === 'cancelled';
    if (isOverdue({ dueAt: due, status: 'planned' }, src.asOf) && !closed && !doneInTime) perWeek.add('overdue', utcIsoDay(monday), t.accountId);
  }
  addFigure({
    id: 'touchpointsByWeek', chart: 'bar',
    categories: weekKeys.map((week) => ({ key: week, label: { week } })),
    series: (['done', 'overdue'] as const).map((key) => ({ key, label: { key: `dash.series.${key}` }, unit: 'count' as const, values: perWeek.seriesValues(key) })),
  }, perWeek);

  // Open escalations by level and age.
  const levelKeys = LEVELS.map((l) => `level${l}`);
  const escalations = new FigureGrid(ESCALATION_AGES.map((a) => a.key), levelKeys);
  for (const e of src.openEscalations) {
    const age = Math.max(0, Math.floor((today.getTime() - utcDay(new Date(e.openedAt)).getTime()) / MS_PER_DAY));
    const bucket = ESCALATION_AGES.find((a) => age >= a.from && (a.to === null || age <= a.to));
    if (bucket) escalations.add(bucket.key, `level${e.level}`, e.accountId);
  }
  addFigure({
    id: 'escalationsByLevel', chart: 'stackedBar',
    categories: LEVELS.map((level) => ({ key: `level${level}`, label: { key: 'dash.category.level', params: { level } } })),
    series: ESCALATION_AGES.map((a) => ({ key: a.key, label: { key: `dash.series.${a.key}` }, unit: 'count' as const, values: escalations.seriesValues(a.key) })),
  }, escalations);

  // Onboarding checklist progress.
  const onboarding = new FigureGrid(['accounts'], CHECKLIST_BUCKETS.map((b) => b.key));
  for (const o of src.onboarding) {
    const bucket = CHECKLIST_BUCKETS.find((b) => o.checklistDone >= b.from && o.checklistDone <= b.to);
    if (bucket) onboarding.add('accounts', bucket.key, o.accountId);
  }
  addFigure({
    id: 'onboardingProgress', chart: 'bar',
    categories: CHECKLIST_BUCKETS.map((b) => ({
      key: b.key,
      label: { key: b.key === 'itemsAll' ? 'dash.category.checklistDone' : 'dash.category.checklist', params: { from: b.from, to: b.to, total: ONBOARDING_CHECKLIST.length } },
    })),
    series: [{ key: 'accounts', label: { key: 'dash.series.accounts' }, unit: 'count', values: onboarding.seriesValues('accounts') }],
  }, onboarding);

  // Feedback by category and sentiment, the most frequent category first.
  const counts = new Map<string, number>();
  for (const f of src.feedback) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  const categories = [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([c]) => c);
  const feedback = new FigureGrid(SENTIMENTS, categories);
  for (const f of src.feedback) feedback.add(f.sentiment, f.category, f.accountId);
  const known = new Set<string>(KNOWN_FEEDBACK_CATEGORIES);
  addFigure({
    id: 'feedbackByCategory', chart: 'stackedBar',
    categories: categories.map((c) => ({ key: c, label: known.has(c) ? { key: `dash.feedback.${c}` } : { text: c } })),
    series: SENTIMENTS.map((key) => ({ key, label: { key: `sentiment.${key}` }, unit: 'count' as const, values: feedback.seriesValues(key) })),
  }, feedback);

  // Certification of the people at live accounts, and training attended.
  const certification = new FigureGrid(['contacts'], CERTIFICATION_LEVELS.map((l) => `cert${l}`));
  for (const c of src.contacts) certification.add('contacts', `cert${c.certificationLevel}`, c.accountId);
  addFigure({
    id: 'certification', chart: 'bar',
    categories: CERTIFICATION_LEVELS.map((level) => ({ key: `cert${level}`, label: { key: 'dash.category.certification', params: { level } } })),
    series: [{ key: 'contacts', label: { key: 'dash.series.contacts' }, unit: 'count', values: certification.seriesValues('contacts') }],
  }, certification);
  const training = new FigureGrid(['accounts'], TRAINING_BUCKETS);
  for (const t of src.training) {
    if (t.sessions === null) continue;
    training.add('accounts', TRAINING_BUCKETS[Math.min(3, Math.max(0, Math.floor(t.sessions)))] as string, t.accountId);
  }
  addFigure({
    id: 'training', chart: 'bar',
    categories: TRAINING_BUCKETS.map((key, sessions) => ({ key, label: { key: 'dash.category.sessions', params: { sessions } } })),
    series: [{ key: 'accounts', label: { key: 'dash.series.accounts' }, unit: 'count', values: training.seriesValues('accounts') }],
  }, training);

  return {
    dashboard: { name: 'operational', asOf: src.asOf.toISOString(), kpis, figures },
    accounts: { kpis: kpiAccounts, figures: figureAccounts },
  };
}
