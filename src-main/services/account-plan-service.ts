import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { ONBOARDING_CHECKLIST } from '../../src-shared/schedule/onboarding-checklist';
import { derivedId } from '../../src-shared/sync/derived-id';
import { AccountPlanRepository } from '../db/repositories/account-plan-repository';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';
import { requireMayChange } from './write-permission';

/** An account's success plan (goals) and onboarding checklist. */
export class AccountPlanService {
  private readonly plan: AccountPlanRepository;
  private readonly accounts: AccountsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.plan = new AccountPlanRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
  }

  ofAccount(accountId: string): IpcResponse<'plan.ofAccount'> {
    requireAccount(this.accounts, accountId);
    return { goals: this.plan.goals(accountId), checklist: this.plan.checklist(accountId) };
  }

  /**
   * Adds or changes a goal. Marking it done completes it (progress 100, completion stamped once);
   * moving it back out of done clears the stamp.
   */
  saveGoal(request: IpcRequest<'goals.save'>): IpcResponse<'goals.save'> {
    const owner = requireAccount(this.accounts, request.accountId).ownerId;
    const existing = this.plan.goal(request.id);
    if (existing && existing.accountId !== request.accountId) throw new ServiceError('CONFLICT', `Goal id "${request.id}" belongs to another account`, 'id');
    if (existing) requireMayChange(this.ctx.db, this.ctx.localUserId, { accountOwnerId: owner, authorId: null, what: 'This goal' });
    const now = this.ctx.now();
    const done = request.status === 'done';
    this.plan.saveGoal(
      request.id,
      request.accountId,
      {
        title: request.title.trim(),
        target: request.target?.trim() || null,
        dueAt: request.dueAt,
        status: request.status,
        progress: done ? 100 : request.progress,
        completedAt: done ? (existing?.completedAt ?? now.toISOString()) : null,
      },
      now,
    );
    const goal = this.plan.goal(request.id);
    if (!goal) throw new Error(`Goal ${request.id} vanished right after it was written`);
    return { goal };
  }

  setChecklistItem(request: IpcRequest<'onboarding.setItem'>): IpcResponse<'onboarding.setItem'> {
    const owner = requireAccount(this.accounts, request.accountId).ownerId;
    requireMayChange(this.ctx.db, this.ctx.localUserId, { accountOwnerId: owner, authorId: null, what: 'This checklist' });
    const item = ONBOARDING_CHECKLIST.find((i) => i.key === request.itemKey);
    if (!item) throw new ServiceError('VALIDATION', `Unknown checklist item "${request.itemKey}"`, 'itemKey');
    const now = this.ctx.now();
    const doneAt = request.done ? now.toISOString() : null;
    // The same id on every device for a new row, so two devices ticking it make one row.
    this.plan.setChecklistItem(request.accountId, item, doneAt, derivedId(`${request.accountId}:${item.key}`, 'onboarding-item'), now);
    return { accountId: request.accountId, itemKey: item.key, doneAt };
  }
}
