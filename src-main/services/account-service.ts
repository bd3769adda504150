import { assembleAccountInputs } from '../../src-shared/domain/account-inputs';
import { scoreAccount } from '../../src-shared/domain/account-score';
import { accountSignals } from '../../src-shared/domain/account-signals';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { addUtcDays, MS_PER_DAY, utcDay } from '../../src-shared/schedule/utc-date';
import { computeHealth } from '../../src-shared/scoring/health';
import { HEALTH_METRICS } from '../../src-shared/scoring/types';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { TimelineRepository } from '../db/repositories/timeline-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import { ScoreService } from './score-service';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';

type AccountDetail = IpcResponse<'account.detail'>;

/** Months of health history an account's page charts. */
export const HISTORY_MONTHS = 12;

/** The last day of each of the `months` months before `asOf`'s, then `asOf` itself: oldest first. */
export function historyDates(asOf: Date, months: number): Date[] {
  const firstOfMonth = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 1));
  const dates: Date[] = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const nextFirst = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() - i, 1));
    dates.push(addUtcDays(nextFirst, -1));
  }
  dates.push(utcDay(asOf));
  return dates;
}

/** One account's page: stored facts plus everything the engine says about them. */
export class AccountService {
  private readonly accounts: AccountsRepository;
  private readonly inputs: AccountInputsRepository;
  private readonly touchpoints: TouchpointsRepository;
  private readonly scores: ScoreService;
  private readonly timelineReads: TimelineRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.accounts = new AccountsRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
    this.scores = new ScoreService(ctx);
    this.timelineReads = new TimelineRepository(ctx.db);
  }

  detail(accountId: string): AccountDetail {
    const account = requireAccount(this.accounts, accountId);
    const asOf = this.ctx.now();
    // Inputs written since the last read (a pulled metric, an import) are taken in first, so the
    // page and the portfolio row score the same facts.
    this.scores.ensureFresh(asOf);
    const config = this.ctx.scoringConfig;
    // The trend needs the facts as they stood a window ago: read from history for this one account.
    const before = this.inputs.factsAt(accountId, new Date(asOf.getTime() - config.health.trendWindowDays * MS_PER_DAY));
    const score = scoreAccount(this.inputs.current(accountId) ?? null, before, account, asOf, config);
    const openEscalations = this.accounts.openEscalations(accountId);
    const signals = accountSignals(
      account,
      score.inputs,
      { tier: score.health.tier, riskBand: score.risk.band, maxOpenEscalationLevel: openEscalations[0]?.level ?? null },
      asOf,
      config,
    );
    return {
      asOf: asOf.toISOString(),
      scoringConfig: config,
      account,
      contacts: this.accounts.contacts(accountId),
      health: score.health,
      healthBefore: score.healthBefore,
      healthHistory: this.healthHistory(accountId, asOf),
      risk: score.risk,
      signals: { ...signals, loyalty: { ...signals.loyalty, perks: [...signals.loyalty.perks] } },
      openEscalations,
      upcomingTouchpoints: this.touchpoints.upcoming(accountId, 20),
    };
  }

  /** Touchpoints held, notes, escalation events and survey answers, newest first. */
  timeline(accountId: string, limit = 200): IpcResponse<'account.timeline'> {
    requireAccount(this.accounts, accountId);
    return { entries: this.timelineReads.entries(accountId, limit) };
  }

  /** Health at each month end of the last year, from the facts as they stood on each day. */
  private healthHistory(accountId: string, asOf: Date): AccountDetail['healthHistory'] {
    return historyDates(asOf, HISTORY_MONTHS).map((date) => {
      const inputs = assembleAccountInputs(this.inputs.factsAt(accountId, date), date);
      const usage: Record<string, number | null> = {};
      for (const key of HEALTH_METRICS.usage) usage[key] = inputs.health[key] ?? null;
      return { date: date.toISOString().slice(0, 10), score: computeHealth(inputs.health, this.ctx.scoringConfig).score, usage };
    });
  }
}
