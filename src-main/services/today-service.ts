import { scoreAccount } from '../../src-shared/domain/account-score';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { ONBOARDING_CHECKLIST } from '../../src-shared/schedule/onboarding-checklist';
import { addUtcDays, MS_PER_DAY, utcDay, utcDaysBetween } from '../../src-shared/schedule/utc-date';
import { isOverdue, sortDayWork } from '../../src-shared/schedule/work-queue';
import { biggestMover } from '../../src-shared/scoring/health-change';
import { isAtRiskBand } from '../../src-shared/scoring/risk';
import type { RiskBand } from '../../src-shared/scoring/types';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { ScoreHistoryRepository } from '../db/repositories/score-history-repository';
import { BookListsRepository } from '../db/repositories/book-lists-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import { EscalationsService } from './escalations-service';
import { ScoreService } from './score-service';
import type { ServiceContext } from './service-context';

type TodayOverview = IpcResponse<'today.overview'>;

/** "Since last week": the day Today compares scores with. */
export const TODAY_COMPARISON_DAYS = 7;
/** Renewals this many days ahead are listed (the renewal prep window, DESIGN §4.4). */
export const RENEWAL_WINDOW_DAYS = 90;
/** Longest list Today sends for the day's work; the count says how many more there are. */
export const TODAY_LIST_LIMIT = 200;
/** Movers explained metric by metric (each reads that account's history once). */
const MOVERS_LIMIT = 50;

const BAND_RANK: Readonly<Record<RiskBand, number>> = { none: 0, low: 1, medium: 2, high: 3 };

/** The home view, read from the local store alone (works offline). */
export class TodayService {
  private readonly today: BookListsRepository;
  private readonly history: ScoreHistoryRepository;
  private readonly touchpoints: TouchpointsRepository;
  private readonly inputs: AccountInputsRepository;
  private readonly accounts: AccountsRepository;
  private readonly scores: ScoreService;
  private readonly escalations: EscalationsService;

  constructor(private readonly ctx: ServiceContext) {
    this.today = new BookListsRepository(ctx.db);
    this.history = new ScoreHistoryRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
    this.scores = new ScoreService(ctx);
    this.escalations = new EscalationsService(ctx);
  }

  overview(): TodayOverview {
    const asOf = this.ctx.now();
    this.scores.ensureFresh(asOf);
    const startOfToday = utcDay(asOf);
    const tomorrow = addUtcDays(startOfToday, 1);
    const due = sortDayWork(this.today.dueBefore(tomorrow.toISOString()).map((t) => ({ ...t, ...t.account, dueAt: new Date(t.dueAt), original: t })));
    const work = due.map(({ original }) => ({ ...original, overdue: isOverdue({ dueAt: new Date(original.dueAt), status: 'planned' }, asOf) }));
    const renewals = this.today
      .renewalsBetween(startOfToday.toISOString().slice(0, 10), addUtcDays(startOfToday, RENEWAL_WINDOW_DAYS + 1).toISOString().slice(0, 10))
      .map((r) => ({ ...r, daysToRenewal: utcDaysBetween(asOf, new Date(r.renewalDate)) }));
    return {
      asOf: asOf.toISOString(),
      activeAccounts: this.today.activeCount(),
      work: work.slice(0, TODAY_LIST_LIMIT),
      workTotal: work.length,
      overdueTotal: work.filter((w) => w.overdue).length,
      ...this.movers(asOf),
      renewals,
      arrAtRisk: renewals.filter((r) => isAtRiskBand(r.account.riskBand)).reduce((sum, r) => sum + r.account.arr, 0),
      escalations: this.escalations.board().escalations,
      onboarding: this.onboarding(asOf),
    };
  }

  /** Accounts whose risk band rose or whose health fell by the trend threshold since last week. */
  private movers(asOf: Date): Pick<TodayOverview, 'movers' | 'comparedWith'> {
    const then = new Date(asOf.getTime() - TODAY_COMPARISON_DAYS * MS_PER_DAY);
    const day = then.toISOString().slice(0, 10);
    const before = this.history.scoresOn(day);
    if (before.size === 0) return { movers: [], comparedWith: null };
    const threshold = this.ctx.scoringConfig.health.trendDelta;
    const moved = this.today.activeAccounts().flatMap((account) => {
      const was = before.get(account.id);
      if (!was) return [];
      const fell = account.health !== null && was.health !== null && was.health - account.health >= threshold;
      const rose = BAND_RANK[account.riskBand] > BAND_RANK[was.riskBand];
      return fell || rose ? [{ account, healthBefore: was.health, riskBandBefore: was.riskBand }] : [];
    });
    // Largest fall first, then the highest risk now.
    moved.sort(
      (a, b) =>
        (b.healthBefore ?? 0) - (b.account.health ?? 0) - ((a.healthBefore ?? 0) - (a.account.health ?? 0)) ||
        BAND_RANK[b.account.riskBand] - BAND_RANK[a.account.riskBand],
    );
    const movers = moved.slice(0, MOVERS_LIMIT).map((m) => ({ ...m, topMetric: this.topMetric(m.account.id, asOf, then) }));
    return { movers, comparedWith: day };
  }

  /** The metric whose move changed the account's health most since `then`. */
  private topMetric(accountId: string, asOf: Date, then: Date): TodayOverview['movers'][number]['topMetric'] {
    const account = this.accounts.get(accountId);
    if (!account) return null;
    const config = this.ctx.scoringConfig;
    const now = scoreAccount(this.inputs.current(accountId) ?? null, null, account, asOf, config).health;
    const before = scoreAccount(this.inputs.factsAt(accountId, then), null, account, then, config).health;
    const mover = biggestMover(now, before);
    return mover && { key: mover.key, pointsDelta: mover.pointsDelta };
  }

  private onboarding(asOf: Date): TodayOverview['onboarding'] {
    const since = new Date(asOf.getTime() - this.ctx.scoringConfig.schedule.onboardingDays * MS_PER_DAY);
    return this.today.onboardingBetween(since.toISOString(), asOf.toISOString()).map((row) => {
      const next = row.nextTouchpointId ? this.touchpoints.get(row.nextTouchpointId) : undefined;
      return {
        account: row.account,
        contractStart: row.contractStart,
        nextStep: next ? { id: next.id, kind: next.kind, title: next.title, dueAt: next.dueAt } : null,
        checklistDone: row.checklistDone,
        checklistTotal: ONBOARDING_CHECKLIST.length,
      };
    });
  }
}
