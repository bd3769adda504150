import { isOnboarding, scoreAccount } from '../../src-shared/domain/account-score';
import type { IpcResponse, PortfolioRow } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { isOverdue } from '../../src-shared/schedule/work-queue';
import { MS_PER_DAY } from '../../src-shared/schedule/utc-date';
import { AccountsRepository, type PortfolioRecord } from '../db/repositories/accounts-repository';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import { ScoreService } from './score-service';
import type { ServiceContext } from './service-context';

/** The portfolio and account views: stored facts plus engine-computed health, tier and risk. */
export class PortfolioService {
  private readonly accounts: AccountsRepository;
  private readonly inputs: AccountInputsRepository;
  private readonly touchpoints: TouchpointsRepository;
  private readonly scores: ScoreService;

  constructor(private readonly ctx: ServiceContext) {
    this.accounts = new AccountsRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
    this.scores = new ScoreService(ctx);
  }

  list(): IpcResponse<'portfolio.list'> {
    const asOf = this.ctx.now();
    // Scores are cached per day and config; a new day or an admin's edit rescores everything first,
    // an account whose inputs were written is rescored alone.
    this.scores.ensureFresh(asOf);
    const rows = this.accounts.portfolio().map((record) => this.toRow(record, asOf));
    return { asOf: asOf.toISOString(), rows, scoringConfigProblem: this.ctx.scoringConfigProblem };
  }

  /** The rows of the accounts a change named, so a view refreshes those instead of the whole book. */
  rows(accountIds: readonly string[]): IpcResponse<'portfolio.rows'> {
    const asOf = this.ctx.now();
    this.scores.ensureFresh(asOf);
    return { asOf: asOf.toISOString(), rows: this.accounts.portfolioFor(accountIds).map((record) => this.toRow(record, asOf)) };
  }

  private toRow(record: PortfolioRecord, asOf: Date): PortfolioRow {
    // Explicit fields rather than object rest/spread: on 5,000 rows the generic copy costs ~30 ms.
    return {
      id: record.id,
      name: record.name,
      industry: record.industry,
      plan: record.plan,
      arr: record.arr,
      renewalDate: record.renewalDate,
      status: record.status,
      escalationLevel: record.escalationLevel,
      ownerId: record.ownerId,
      ownerName: record.ownerName,
      onboarding: record.status === 'active' && isOnboarding(record.contractStart, asOf, this.ctx.scoringConfig.schedule.onboardingDays),
      health: record.score?.health ?? null,
      tier: record.score?.tier ?? 'unscored',
      riskPoints: record.score?.riskPoints ?? 0,
      riskBand: record.score?.riskBand ?? 'none',
      nextTouchpoint: record.nextTouchpoint && {
        id: record.nextTouchpoint.id,
        kind: record.nextTouchpoint.kind,
        title: record.nextTouchpoint.title,
        dueAt: record.nextTouchpoint.dueAt,
        overdue: isOverdue({ dueAt: new Date(record.nextTouchpoint.dueAt), status: 'planned' }, asOf),
      },
    };
  }

  detail(accountId: string): IpcResponse<'account.detail'> {
    const account = this.accounts.get(accountId);
    if (!account) throw new ServiceError('NOT_FOUND', `No account with id "${accountId}"`, 'accountId');
    const asOf = this.ctx.now();
    // Inputs written since the last read (a pulled metric, an import) are taken in first, so the
    // panel and the portfolio row score the same facts.
    this.scores.ensureFresh(asOf);
    const config = this.ctx.scoringConfig;
    // The trend needs the facts as they stood a window ago: read from history for this one account.
    const before = this.inputs.factsAt(accountId, new Date(asOf.getTime() - config.health.trendWindowDays * MS_PER_DAY));
    const score = scoreAccount(this.inputs.current(accountId) ?? null, before, account, asOf, config);
    return {
      asOf: asOf.toISOString(),
      scoringConfig: config,
      account,
      contacts: this.accounts.contacts(accountId),
      health: score.health,
      healthThirtyDaysAgo: score.healthThirtyDaysAgo,
      risk: score.risk,
      openEscalations: this.accounts.openEscalations(accountId),
      upcomingTouchpoints: this.touchpoints.upcoming(accountId, 20),
    };
  }
}
