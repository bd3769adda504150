import { buildAccountProfiles, type AccountProfile } from './demo-accounts';
import { emitContacts, emitSurveys, emitTouchpointsAndNotes } from './demo-activity';
import { emptySummary, type DemoBookSummary } from './demo-context';
import { dayOf } from './demo-days';
import { HISTORY_WEEKS, emitMetrics, levelFunction } from './demo-metrics';
import { emitEscalations, emitFeedback, emitGoals, emitOnboardingItems } from './demo-plans';
import { emitCsmSentiments } from './demo-sentiments';
import type { DemoRecordSink } from './demo-records';
import { buildTeam, type Team } from './demo-team';
import { SeededRandom } from './seeded-random';

/**
 * The demo book generator, pure: it decides a book up front (team and account profiles) and then
 * hands one account's complete history at a time to a DemoRecordSink. It never writes; each store
 * has its own writer (src-main/demo/demo-book.ts for the local SQLite store, the server's demo
 * organisation for its database). The records depend only on (accounts, seed, asOf, team), never
 * on the clock or Math.random.
 */

export interface DemoBookOptions {
  accounts: number;
  seed: number;
  /** "Today" of the book; only its UTC calendar day is used. */
  asOf: Date;
  /** Who owns the accounts; the local demo team (one manager, three or four CSMs) by default. */
  team?: (seed: number, asOfDay: number) => Team;
  /**
   * Weeks of metric history to emit, newest first (all 156 by default). Fewer weeks keep the same
   * values for those weeks: the rest of the book does not change.
   */
  metricWeeks?: number;
}

export interface DemoBookPlan {
  seed: number;
  asOfDay: number;
  team: Team;
  metricWeeks: number;
  /** In id order: writing in that order turns a store's primary-key inserts into appends. */
  profiles: readonly AccountProfile[];
}

export function planDemoBook(options: DemoBookOptions): DemoBookPlan {
  const { accounts, seed } = options;
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error(`accounts must be a positive integer, got ${accounts}`);
  if (Number.isNaN(options.asOf.getTime())) throw new Error('asOf is not a valid date');
  const metricWeeks = options.metricWeeks ?? HISTORY_WEEKS;
  if (!Number.isInteger(metricWeeks) || metricWeeks < 1 || metricWeeks > HISTORY_WEEKS) {
    throw new Error(`metricWeeks must be a whole number from 1 to ${HISTORY_WEEKS}, got ${metricWeeks}`);
  }
  const asOfDay = dayOf(options.asOf);
  const team = (options.team ?? buildTeam)(seed, asOfDay);
  const profiles = buildAccountProfiles(seed, accounts, asOfDay, team);
  return { seed, asOfDay, team, metricWeeks, profiles: [...profiles].sort((a, b) => (a.record.id < b.record.id ? -1 : 1)) };
}

/** Emits a planned book: the team first, then its accounts in plan order, a few at a time. */
export class DemoBookGenerator {
  /** Counts of everything emitted so far. */
  readonly summary: DemoBookSummary = emptySummary();
  /** Book-wide escalation counter, so the first five escalations cover levels 1 to 5. */
  private readonly escalationSerial = { next: 0 };
  private nextAccount = 0;

  constructor(readonly plan: DemoBookPlan) {}

  /** Accounts not emitted yet. */
  get remaining(): number {
    return this.plan.profiles.length - this.nextAccount;
  }

  emitUsers(sink: DemoRecordSink): void {
    for (const user of this.plan.team.users) sink.user(user);
    this.summary.users = this.plan.team.users.length;
  }

  /**
   * Emits the complete records of the next `count` accounts (fewer at the end) and returns how many
   * it emitted. Accounts go strictly in plan order: the book-wide escalation counter depends on it.
   */
  emitAccounts(sink: DemoRecordSink, count: number): number {
    const end = Math.min(this.plan.profiles.length, this.nextAccount + count);
    const from = this.nextAccount;
    for (; this.nextAccount < end; this.nextAccount += 1) {
      this.emitAccount(this.plan.profiles[this.nextAccount] as AccountProfile, sink);
    }
    return end - from;
  }

  private emitAccount(profile: AccountProfile, sink: DemoRecordSink): void {
    const { seed, asOfDay, team, metricWeeks } = this.plan;
    const ctx = {
      profile,
      rng: SeededRandom.derive(seed, 2, profile.index),
      level: levelFunction(profile, SeededRandom.derive(seed, 3, profile.index)),
      sink,
      team,
      asOfDay,
      contacts: [],
      summary: this.summary,
      escalationSerial: this.escalationSerial,
    };
    sink.account(profile.record);
    this.summary.accounts += 1;
    emitContacts(ctx);
    this.summary.metrics += emitMetrics(sink, profile, ctx.level, ctx.rng, asOfDay, metricWeeks);
    emitSurveys(ctx);
    emitTouchpointsAndNotes(ctx);
    emitEscalations(ctx);
    emitGoals(ctx);
    emitOnboardingItems(ctx);
    emitFeedback(ctx);
    emitCsmSentiments(ctx);
  }
}
