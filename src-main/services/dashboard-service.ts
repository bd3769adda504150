import { assembleAccountInputs, type AccountFacts } from '../../src-shared/domain/account-inputs';
import { scoreAccount } from '../../src-shared/domain/account-score';
import { accountsBehind, type BuiltDashboard, type DashboardName, type DrillTarget } from '../../src-shared/dashboards/dashboard-model';
import type { DashboardAccount, LabelledOutcome } from '../../src-shared/dashboards/dashboard-sources';
import { executiveDashboard, NPS_QUARTERS } from '../../src-shared/dashboards/executive-dashboard';
import { FEEDBACK_DAYS, operationalDashboard, TOUCHPOINT_WEEKS } from '../../src-shared/dashboards/operational-dashboard';
import { ACTIVITY_DAYS, teamDashboard } from '../../src-shared/dashboards/team-dashboard';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { ONBOARDING_CHECKLIST } from '../../src-shared/schedule/onboarding-checklist';
import { addUtcDays, addUtcMonths, MS_PER_DAY, utcDay, utcMondayOf, utcQuarter } from '../../src-shared/schedule/utc-date';
import { AccountScoresRepository } from '../db/repositories/account-scores-repository';
import { BookListsRepository } from '../db/repositories/book-lists-repository';
import { DashboardRepository } from '../db/repositories/dashboard-repository';
import { ScoreService } from './score-service';
import type { ServiceContext } from './service-context';

/** The Executive, Operational and Team dashboards, built from the local store by src-shared. */
export class DashboardService {
  private readonly repo: DashboardRepository;
  private readonly scoresRepo: AccountScoresRepository;
  private readonly lists: BookListsRepository;
  private readonly scores: ScoreService;

  constructor(private readonly ctx: ServiceContext) {
    this.repo = new DashboardRepository(ctx.db);
    this.scoresRepo = new AccountScoresRepository(ctx.db);
    this.lists = new BookListsRepository(ctx.db);
    this.scores = new ScoreService(ctx);
  }

  view(request: IpcRequest<'dashboard.view'>): IpcResponse<'dashboard.view'> {
    return this.build(request.name).dashboard;
  }

  /** The accounts a figure's value was counted from, by name; NOT_FOUND for a value the dashboard lacks. */
  accounts(request: IpcRequest<'dashboard.accounts'>): IpcResponse<'dashboard.accounts'> {
    const built = this.build(request.name);
    const ids = accountsBehind(built, request.target as DrillTarget);
    if (ids === null) {
      const t = request.target;
      const what = t.kind === 'kpi' ? t.id : `${t.id} / ${t.series} / ${t.category}`;
      throw new ServiceError('NOT_FOUND', `The ${request.name} dashboard has no figure "${what}"`, 'target');
    }
    const wanted = new Set(ids);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    const accounts = this.repo.accounts()
      .filter((a) => wanted.has(a.id))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((a) => ({ id: a.id, name: a.name, arr: a.arr, status: a.status, ownerName: a.ownerName, health: a.health, tier: a.tier, riskBand: a.riskBand, renewalDate: a.renewalDate }));
    return { asOf: built.dashboard.asOf, accounts };
  }

  /** One dashboard with the accounts behind each value. */
  build(name: DashboardName): BuiltDashboard {
    const asOf = this.ctx.now();
    this.scores.ensureFresh(asOf);
    if (name === 'executive') return this.executive(asOf);
    if (name === 'operational') return this.operational(asOf);
    return this.team(asOf);
  }

  private executive(asOf: Date): BuiltDashboard {
    const accounts = this.repo.accounts();
    const firstQuarter = addUtcMonths(utcQuarter(asOf).start, -3 * (NPS_QUARTERS - 1));
    return executiveDashboard({
      asOf,
      accounts,
      surveys: this.repo.surveysSince(firstQuarter.toISOString()),
      outcomes: this.outcomes(accounts, asOf),
      minLabelled: this.ctx.scoringConfig.churnModel.minLabelled,
    });
  }

  private operational(asOf: Date): BuiltDashboard {
    const today = utcDay(asOf);
    const firstWeek = addUtcDays(utcMondayOf(asOf), -7 * (TOUCHPOINT_WEEKS - 1));
    const onboardingDays = this.ctx.scoringConfig.schedule.onboardingDays;
    const since = new Date(asOf.getTime() - onboardingDays * MS_PER_DAY);
    const facts = this.facts();
    return operationalDashboard({
      asOf,
      touchpoints: this.repo.touchpointsBetween(firstWeek.toISOString(), addUtcDays(utcMondayOf(asOf), 7).toISOString()),
      overdueAccountIds: this.repo.overdueAccountIds(today.toISOString()),
      openEscalations: this.repo.openEscalations(),
      onboarding: this.lists
        .onboardingBetween(since.toISOString(), asOf.toISOString())
        .map((o) => ({ accountId: o.account.id, checklistDone: Math.min(o.checklistDone, ONBOARDING_CHECKLIST.length) })),
      feedback: this.repo.feedbackSince(addUtcDays(today, -FEEDBACK_DAYS).toISOString()),
      contacts: this.repo.currentContacts(),
      training: this.repo.accounts()
        .filter((a) => a.status === 'active')
        .map((a) => {
          const f = facts.get(a.id);
          const sessions = f?.facts ? assembleAccountInputs(f.facts, asOf).health.training_sessions : undefined;
          return { accountId: a.id, sessions: sessions ?? null };
        }),
    });
  }

  private team(asOf: Date): BuiltDashboard {
    const activity = this.repo.activitySince(addUtcDays(utcDay(asOf), -ACTIVITY_DAYS).toISOString());
    return teamDashboard({
      asOf,
      accounts: this.repo.accounts(),
      overdueAccountIds: this.repo.overdueAccountIds(utcDay(asOf).toISOString()),
      openEscalationAccountIds: this.repo.openEscalations().map((e) => e.accountId),
      activity: [...activity.entries()].map(([accountId, a]) => ({ accountId, ...a })),
      goals: this.repo.goals(),
    });
  }

  /** Each account's cached facts and risk flags. */
  private facts(): Map<string, { facts: AccountFacts | null; flags: { paymentOverdueDays: number; competitorEvaluation: boolean } }> {
    return new Map(this.scoresRepo.sources().map((s) => [s.accountId, { facts: s.currentJson ? (JSON.parse(s.currentJson) as AccountFacts) : null, flags: s }]));
  }

  /**
   * The churn model's labelled outcomes: churned accounts, and active ones that renewed at least
   * once. Features are each account's latest known inputs, read as of its churn day for a churned
   * account (its data stops there).
   */
  private outcomes(accounts: readonly DashboardAccount[], asOf: Date): LabelledOutcome[] {
    const renewed = new Set(this.repo.renewedAccountIds());
    const facts = this.facts();
    const config = this.ctx.scoringConfig;
    return accounts.flatMap((a): LabelledOutcome[] => {
      const churned = a.status === 'churned';
      if (!churned && !renewed.has(a.id)) return [];
      const f = facts.get(a.id);
      if (!f) return [{ accountId: a.id, churned, features: null }];
      const at = churned && a.churnedAt ? new Date(a.churnedAt) : asOf;
      const { inputs, health } = scoreAccount(f.facts, null, f.flags, at, config);
      const h = inputs.health;
      const values = [h.login_frequency, h.feature_adoption, h.support_tickets, f.flags.paymentOverdueDays, health.categories.engagement.score, h.roi_achievement];
      if (values.some((v) => v === undefined || v === null)) return [{ accountId: a.id, churned, features: null }];
      const [usage_frequency = 0, feature_adoption = 0, support_tickets = 0, payment_delays = 0, engagement_score = 0, roi_achievement = 0] = values as number[];
      return [{ accountId: a.id, churned, features: { usage_frequency, feature_adoption, support_tickets, payment_delays, engagement_score, roi_achievement } }];
    });
  }
}
