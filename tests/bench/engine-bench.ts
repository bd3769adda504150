import type { Database } from 'better-sqlite3';
import type { AccountFacts } from '../../src-shared/domain/account-inputs';
import { scoreAccount } from '../../src-shared/domain/account-score';
import { loyaltyFor } from '../../src-shared/scoring/loyalty';
import { nextCheckIn } from '../../src-shared/schedule/cadence';
import { ms, timeRuns, type FigureRow } from './bench-stats';

interface EngineRow {
  contractStart: Date;
  lastCheckIn: Date | null;
  current: AccountFacts;
  flags: { paymentOverdueDays: number; competitorEvaluation: boolean };
}

/** Engine figures: full recompute of 5,000 accounts and accounts scored per second. */
export function benchEngine(db: Database, asOf: Date): FigureRow[] {
  const loaded = db
    .prepare(
      `SELECT a.contract_start, a.payment_overdue_days, a.competitor_evaluation, ai.current_json,
              (SELECT MAX(completed_at) FROM touchpoints t WHERE t.account_id = a.id AND t.kind = 'check_in' AND t.status = 'done') AS last_check_in
       FROM accounts a JOIN account_inputs ai ON ai.account_id = a.id`,
    )
    .all() as Array<{ contract_start: string; payment_overdue_days: number; competitor_evaluation: number; current_json: string; last_check_in: string | null }>;
  const rows: EngineRow[] = loaded.map((r) => ({
    contractStart: new Date(r.contract_start),
    lastCheckIn: r.last_check_in ? new Date(r.last_check_in) : null,
    current: JSON.parse(r.current_json) as AccountFacts,
    flags: { paymentOverdueDays: r.payment_overdue_days, competitorEvaluation: r.competitor_evaluation === 1 },
  }));

  let sink = 0;
  const scoreAll = (): void => {
    for (const row of rows) {
      const { health, risk } = scoreAccount(row.current, null, row.flags, asOf);
      const loyalty = loyaltyFor(row.contractStart, asOf).level;
      const next = nextCheckIn({ lastCompletedCheckIn: row.lastCheckIn, tier: health.tier, loyalty, asOf });
      sink += (health.score ?? 0) + risk.points + next.intervalDays;
    }
  };
  const engine = timeRuns(scoreAll, 20);
  // Baseline: the same loop doing only the weighted sum of the raw inputs, no rules or breakdowns.
  const baseline = timeRuns(() => {
    for (const row of rows) for (const observation of row.current.observations) sink += observation[1];
  }, 20);
  if (Number.isNaN(sink)) console.log('unreachable');
  const perSecond = rows.length / (engine.median / 1000);
  const baselinePerSecond = rows.length / (baseline.median / 1000);
  return [
    {
      figure: `recompute health, tier, risk, schedule (${rows.length} accounts), median`,
      measured: ms(engine.median),
      budget: '< 250 ms',
      baseline: `${ms(baseline.median)} plain sum of inputs`,
      verdict: engine.median < 250 ? 'within' : 'OVER',
    },
    {
      figure: 'engine: accounts scored per second (one core)',
      measured: `${Math.round(perSecond).toLocaleString('en-US')}/s`,
      budget: '≥ 200,000/s',
      baseline: `${Math.round(baselinePerSecond).toLocaleString('en-US')}/s plain sum`,
      verdict: perSecond >= 200_000 ? 'within' : 'OVER',
    },
  ];
}
