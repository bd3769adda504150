import type { AccountInputs } from '../../src-shared/domain/account-inputs';
import { isOnboarding, scoreAccount } from '../../src-shared/domain/account-score';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { isOverdue } from '../../src-shared/schedule/work-queue';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import type { ServiceContext } from './service-context';

function parseInputs(json: string | null): AccountInputs | null {
  return json ? (JSON.parse(json) as AccountInputs) : null;
}

/** The portfolio and account views: stored facts plus engine-computed health, tier and risk. */
export class PortfolioService {
  private readonly accounts: AccountsRepository;
  private readonly inputs: AccountInputsRepository;
  private readonly touchpoints: TouchpointsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.accounts = new AccountsRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
  }

  list(): IpcResponse<'portfolio.list'> {
    const asOf = this.ctx.now();
    const config = this.ctx.scoringConfig;
    const rows = this.accounts.portfolio().map(({ account, currentInputsJson, nextTouchpoint, escalationLevel }) => {
      // The trend is not shown in the table, so only the current inputs are scored here.
      const { health, risk } = scoreAccount(parseInputs(currentInputsJson), null, account, config);
      return {
        id: account.id,
        name: account.name,
        industry: account.industry,
        plan: account.plan,
        arr: account.arr,
        renewalDate: account.renewalDate,
        status: account.status,
        onboarding: account.status === 'active' && isOnboarding(account.contractStart, asOf, config.schedule.onboardingDays),
        health: health.score,
        tier: health.tier,
        riskPoints: risk.points,
        riskBand: risk.band,
        nextTouchpoint: nextTouchpoint
          ? {
              ...nextTouchpoint,
              kind: nextTouchpoint.kind as NonNullable<IpcResponse<'portfolio.list'>['rows'][number]['nextTouchpoint']>['kind'],
              overdue: isOverdue({ dueAt: new Date(nextTouchpoint.dueAt), status: 'planned' }, asOf),
            }
          : null,
        escalationLevel,
      };
    });
    return { asOf: asOf.toISOString(), rows };
  }

  detail(accountId: string): IpcResponse<'account.detail'> {
    const account = this.accounts.get(accountId);
    if (!account) throw new ServiceError('NOT_FOUND', `No account with id "${accountId}"`, 'accountId');
    const cached = this.inputs.get(accountId);
    const score = scoreAccount(cached?.current ?? null, cached?.previous ?? null, account, this.ctx.scoringConfig);
    return {
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
