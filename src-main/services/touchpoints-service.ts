import { scoreAccount } from '../../src-shared/domain/account-score';
import type { Touchpoint } from '../../src-shared/domain/entities';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { checkInTitle, firstCheckInDue, nextCheckIn } from '../../src-shared/schedule/cadence';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { loyaltyFor } from '../../src-shared/scoring/loyalty';
import { derivedId } from '../../src-shared/sync/derived-id';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';
import { requireMayChange } from './write-permission';

/** A date-only bound ("2026-06-20") covers that whole UTC day; a timestamp is compared as an instant. */
function toStoredBound(value: string | undefined, edge: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  if (value.length === 10) return edge === 'from' ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`;
  return new Date(value).toISOString();
}

/** Touchpoint list, completion and rescheduling, with the state rules a CSM expects. */
export class TouchpointsService {
  private readonly touchpoints: TouchpointsRepository;
  private readonly accounts: AccountsRepository;
  private readonly inputs: AccountInputsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.touchpoints = new TouchpointsRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
  }

  list(request: IpcRequest<'touchpoints.list'>): IpcResponse<'touchpoints.list'> {
    // Stored due dates are UTC ISO strings: bounds are normalized the same way before comparing.
    return {
      touchpoints: this.touchpoints.list({
        ...request,
        from: toStoredBound(request.from, 'from'),
        to: toStoredBound(request.to, 'to'),
        limit: request.limit ?? 200,
      }),
    };
  }

  /**
   * Marks a touchpoint done. Completing a check-in (recurring or one of onboarding's) plans the next
   * recurring one in the same transaction, so the chain starts after onboarding and never breaks.
   */
  complete(request: IpcRequest<'touchpoints.complete'>): IpcResponse<'touchpoints.complete'> {
    const now = this.ctx.now();
    const touchpoint = this.touchpoints.inTransaction(() => {
      this.requireMayChangeTouchpoint(request.touchpointId);
      const done = this.touchpoints.complete(request.touchpointId, request.outcome ?? null, request.sentiment ?? null, now);
      if (!done) throw this.notPlanned(request.touchpointId, 'complete');
      if (done.kind === 'check_in') this.planNextCheckIn(done, now);
      return done;
    });
    return { touchpoint };
  }

  /**
   * Skips a touchpoint with its reason. A skipped check-in plans the next one like a completed one:
   * the cadence goes on from today rather than leaving the account without a check-in.
   */
  skip(request: IpcRequest<'touchpoints.skip'>): IpcResponse<'touchpoints.skip'> {
    const now = this.ctx.now();
    const touchpoint = this.touchpoints.inTransaction(() => {
      this.requireMayChangeTouchpoint(request.touchpointId);
      const skipped = this.touchpoints.skip(request.touchpointId, request.reason, now);
      if (!skipped) throw this.notPlanned(request.touchpointId, 'skip');
      if (skipped.kind === 'check_in') this.planNextCheckIn(skipped, now);
      return skipped;
    });
    return { touchpoint };
  }

  /** Plans a touchpoint by hand; a repeated request (same id) answers with the one already planned. */
  create(request: IpcRequest<'touchpoints.create'>): IpcResponse<'touchpoints.create'> {
    const existing = this.touchpoints.get(request.id);
    if (existing) {
      if (existing.accountId !== request.accountId) throw new ServiceError('CONFLICT', `Touchpoint id "${request.id}" is already used`, 'id');
      return { touchpoint: existing };
    }
    requireAccount(this.accounts, request.accountId);
    const contactId = request.contactId ?? null;
    if (contactId !== null) {
      const contact = this.accounts.contacts(request.accountId).find((c) => c.id === contactId);
      if (!contact) throw new ServiceError('VALIDATION', `Contact "${contactId}" is not a contact of this account`, 'contactId');
      if (contact.departedAt) throw new ServiceError('VALIDATION', `${contact.name} has left the account: pick a current contact`, 'contactId');
    }
    const touchpoint = this.touchpoints.insertPlanned(
      {
        id: request.id, accountId: request.accountId, kind: request.kind, origin: 'manual', title: request.title.trim(),
        dueAt: new Date(request.dueAt).toISOString(), contactId,
      },
      this.ctx.now(),
    );
    return { touchpoint };
  }

  reschedule(request: IpcRequest<'touchpoints.reschedule'>): IpcResponse<'touchpoints.reschedule'> {
    this.requireMayChangeTouchpoint(request.touchpointId);
    const moved = this.touchpoints.reschedule(request.touchpointId, new Date(request.dueAt).toISOString(), this.ctx.now());
    if (!moved) throw this.notPlanned(request.touchpointId, 'reschedule');
    return { touchpoint: moved };
  }

  /**
   * Next recurring check-in (DESIGN §4.4): the shorter of the tier and loyalty intervals after today's,
   * and never before onboarding ends. Its id derives from the check-in just completed, so two devices
   * completing it plan the same row, not two.
   */
  private planNextCheckIn(completed: Touchpoint, now: Date): void {
    const accountId = completed.accountId;
    const account = this.accounts.get(accountId);
    if (!account || account.status !== 'active' || this.touchpoints.hasPlanned(accountId, 'check_in', 'cadence')) return;
    const config = this.ctx.scoringConfig;
    const { health } = scoreAccount(this.inputs.current(accountId) ?? null, null, account, now, config);
    const loyalty = loyaltyFor(new Date(account.contractStart), now, config).level;
    const next = nextCheckIn({ lastCompletedCheckIn: now, tier: health.tier, loyalty, asOf: now }, config);
    const first = firstCheckInDue(new Date(account.contractStart), config);
    const dueAt = next.dueAt > first ? next.dueAt : first;
    this.touchpoints.insertPlanned(
      { id: derivedId(completed.id, 'next-check-in'), accountId, kind: 'check_in', origin: 'cadence', title: checkInTitle(next.intervalDays), dueAt: dueAt.toISOString() },
      now,
    );
  }

  /** Touchpoints of a report's account are the CSM's: a manager reads them (the server refuses changes too). */
  private requireMayChangeTouchpoint(id: string): void {
    const touchpoint = this.touchpoints.get(id);
    if (!touchpoint) return; // the write itself answers NOT_FOUND
    const accountOwnerId = this.accounts.get(touchpoint.accountId)?.ownerId ?? null;
    requireMayChange(this.ctx.db, this.ctx.localUserId, { accountOwnerId, authorId: null, what: 'This touchpoint' });
  }

  private notPlanned(id: string, action: string): ServiceError {
    const current: Touchpoint | undefined = this.touchpoints.get(id);
    if (!current) return new ServiceError('NOT_FOUND', `No touchpoint with id "${id}"`, 'touchpointId');
    return new ServiceError('CONFLICT', `Cannot ${action} touchpoint "${displayTitle(current.title, 'en')}": it is already ${current.status}`, 'touchpointId');
  }
}
