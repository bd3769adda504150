import type { Database, Statement } from 'better-sqlite3';
import { NPS_QUARTERS } from '../../src-shared/dashboards/executive-dashboard';
import { FEEDBACK_DAYS, TOUCHPOINT_WEEKS } from '../../src-shared/dashboards/operational-dashboard';
import { ACTIVITY_DAYS } from '../../src-shared/dashboards/team-dashboard';
import type { DashboardName } from '../../src-shared/dashboards/dashboard-model';
import { addUtcDays, addUtcMonths, MS_PER_DAY, utcDay, utcMondayOf, utcQuarter } from '../../src-shared/schedule/utc-date';
import { DashboardService } from '../../src-main/services/dashboard-service';
import type { ServiceContext } from '../../src-main/services/service-context';
import { ms, timeRuns, verdict, type FigureRow } from './bench-stats';

const RUNS = 7;
const BUDGET_MS = 1000;

const TITLES: Record<DashboardName, string> = { executive: 'Executive', operational: 'Operational', team: 'Team' };

/** A raw read: a statement and the parameters it runs with. */
type RawRead = [Statement<unknown[]>, ...unknown[]];

/**
 * The rows each dashboard reads, selected straight with better-sqlite3 (the same filters, no
 * mapping, no engine, no builder): what building it costs at the least.
 */
function rawReads(db: Database, ctx: ServiceContext, asOf: Date): Record<DashboardName, RawRead[]> {
  const today = utcDay(asOf).toISOString();
  const firstQuarter = addUtcMonths(utcQuarter(asOf).start, -3 * (NPS_QUARTERS - 1)).toISOString();
  const firstWeek = addUtcDays(utcMondayOf(asOf), -7 * (TOUCHPOINT_WEEKS - 1)).toISOString();
  const weekEnd = addUtcDays(utcMondayOf(asOf), 7).toISOString();
  const onboardingSince = new Date(asOf.getTime() - ctx.scoringConfig.schedule.onboardingDays * MS_PER_DAY).toISOString();
  const feedbackSince = addUtcDays(utcDay(asOf), -FEEDBACK_DAYS).toISOString();
  const activitySince = addUtcDays(utcDay(asOf), -ACTIVITY_DAYS).toISOString();
  const live = 'a.deleted_at IS NULL';
  const active = `${live} AND a.status = 'active'`;

  const accounts = db.prepare(
    `SELECT a.id, a.name, a.arr, a.status, a.contract_start, a.renewal_date, a.churned_at, a.owner_id, u.name, s.health, s.tier, s.risk_band
     FROM accounts a LEFT JOIN users u ON u.id = a.owner_id LEFT JOIN account_scores s ON s.account_id = a.id WHERE ${live}`,
  );
  const inputs = db.prepare(
    `SELECT a.id, ai.current_json, a.payment_overdue_days, a.competitor_evaluation
     FROM accounts a LEFT JOIN account_inputs ai ON ai.account_id = a.id WHERE ${live}`,
  );
  const renewed = db.prepare(`SELECT id FROM accounts a WHERE ${active} AND renewals_count > 0`);
  const surveys = db.prepare(
    `SELECT sv.account_id, sv.kind, sv.score, sv.answered_at FROM surveys sv JOIN accounts a ON a.id = sv.account_id
     WHERE sv.deleted_at IS NULL AND ${live} AND sv.answered_at >= ?`,
  );
  const touchpointRows = `SELECT t.account_id, t.due_at, t.completed_at, t.status FROM touchpoints t JOIN accounts a ON a.id = t.account_id
     WHERE t.deleted_at IS NULL AND ${active}`;
  const touchpoints = db.prepare(
    `${touchpointRows} AND t.due_at >= @from AND t.due_at < @to
     UNION ALL ${touchpointRows} AND t.completed_at >= @from AND t.completed_at < @to AND (t.due_at < @from OR t.due_at >= @to)`,
  );
  const overdue = db.prepare(
    `SELECT t.account_id FROM touchpoints t JOIN accounts a ON a.id = t.account_id
     WHERE t.deleted_at IS NULL AND ${active} AND t.status = 'planned' AND t.due_at < ?`,
  );
  const escalations = db.prepare(
    `SELECT e.account_id, e.level, e.opened_at FROM escalations e JOIN accounts a ON a.id = e.account_id
     WHERE e.status = 'open' AND e.deleted_at IS NULL AND ${active}`,
  );
  const onboarding = db.prepare(
    `SELECT a.id, (SELECT COUNT(*) FROM onboarding_items o WHERE o.account_id = a.id AND o.done_at IS NOT NULL AND o.deleted_at IS NULL)
     FROM accounts a WHERE ${active} AND a.contract_start > ? AND a.contract_start <= ?`,
  );
  const feedback = db.prepare(
    `SELECT f.account_id, f.category, f.sentiment FROM feedback f JOIN accounts a ON a.id = f.account_id
     WHERE f.deleted_at IS NULL AND ${live} AND f.created_at >= ?`,
  );
  const contacts = db.prepare(
    `SELECT c.account_id, c.certification_level FROM contacts c JOIN accounts a ON a.id = c.account_id
     WHERE c.deleted_at IS NULL AND c.departed_at IS NULL AND ${active}`,
  );
  const goals = db.prepare(
    `SELECT g.account_id, g.status, g.progress FROM goals g JOIN accounts a ON a.id = g.account_id WHERE g.deleted_at IS NULL AND ${active}`,
  );
  const done = db.prepare(
    `SELECT t.account_id, COUNT(*) FROM touchpoints t JOIN accounts a ON a.id = t.account_id
     WHERE t.deleted_at IS NULL AND ${active} AND +t.status = 'done' AND t.completed_at >= ? GROUP BY t.account_id`,
  );
  const notes = db.prepare(`SELECT account_id, COUNT(*) FROM notes WHERE deleted_at IS NULL AND created_at >= ? GROUP BY account_id`);

  return {
    executive: [[accounts], [surveys, firstQuarter], [renewed], [inputs]],
    operational: [
      [touchpoints, { from: firstWeek, to: weekEnd }], [overdue, today], [escalations], [onboarding, onboardingSince, asOf.toISOString()],
      [feedback, feedbackSince], [contacts], [accounts], [inputs],
    ],
    team: [[accounts], [overdue, today], [escalations], [done, activitySince], [notes, activitySince], [goals]],
  };
}

const readAll = (reads: RawRead[]): void => reads.forEach(([statement, ...params]) => statement.all(...params));

/**
 * DESIGN §5: each dashboard over the reference book within 1 s, beside the raw SELECT of the rows
 * it is built from; and, for information, an Executive drill-down (it rebuilds the dashboard).
 */
export function benchDashboards(db: Database, ctx: ServiceContext): FigureRow[] {
  const service = new DashboardService(ctx);
  const asOf = ctx.now();
  const raw = rawReads(db, ctx, asOf);
  const accounts = (db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE deleted_at IS NULL').get() as { n: number }).n;
  const book = `the ${accounts.toLocaleString('en')}-account book`;
  const rows: FigureRow[] = [];

  // The first build may rescore the book (a stale scores stamp): the warm-up run takes it.
  for (const name of ['executive', 'operational', 'team'] as const) {
    let figures = 0;
    const built = timeRuns(() => { figures = service.view({ name }).figures.length; }, RUNS, 1);
    const baseline = timeRuns(() => readAll(raw[name]), RUNS, 1);
    rows.push({
      figure: `${TITLES[name]} dashboard over ${book} (${figures} figures), median`,
      measured: ms(built.median), budget: '< 1 s', baseline: `${ms(baseline.median)} raw SELECT of its rows`, verdict: verdict(built.median, BUDGET_MS),
    });
  }

  let listed = 0;
  const drill = timeRuns(() => {
    listed = service.accounts({ name: 'executive', target: { kind: 'figure', id: 'healthByTier', series: 'accounts', category: 'stable' } }).accounts.length;
  }, RUNS, 1);
  const drillRaw = timeRuns(() => readAll([...raw.executive, [raw.executive[0]![0]]]), RUNS, 1);
  rows.push({
    figure: `its drill-down: Executive health by tier, stable (${listed.toLocaleString('en')} accounts listed), median`,
    measured: ms(drill.median), budget: '< 1 s', baseline: `${ms(drillRaw.median)} raw SELECT of its rows and the accounts`, verdict: verdict(drill.median, BUDGET_MS),
  });
  return rows;
}
