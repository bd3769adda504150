import type { Escalation } from '../../src-shared/domain/entities';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { escalationAge } from '../../src-shared/scoring/escalation';
import { derivedId } from '../../src-shared/sync/derived-id';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { BookListsRepository } from '../db/repositories/book-lists-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { UsersRepository } from '../db/repositories/users-repository';
import { ScoreService } from './score-service';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';
import { requireMayChange } from './write-permission';

/** Opening, raising, lowering and resolving escalations, each with the event that says why (DESIGN §4.6). */
export class EscalationsService {
  private readonly escalations: EscalationsRepository;
  private readonly accounts: AccountsRepository;
  private readonly users: UsersRepository;
  private readonly lists: BookListsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.escalations = new EscalationsRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
    this.users = new UsersRepository(ctx.db);
    this.lists = new BookListsRepository(ctx.db);
  }

  open(request: IpcRequest<'escalations.open'>): IpcResponse<'escalations.open'> {
    const existing = this.escalations.get(request.id);
    if (existing) {
      // A repeated request: the same escalation, not a second one; another account's id is a mistake.
      if (existing.accountId !== request.accountId) throw new ServiceError('CONFLICT', `Escalation id "${request.id}" is already used`, 'id');
      return { escalation: existing };
    }
    requireAccount(this.accounts, request.accountId);
    const now = this.ctx.now();
    this.escalations.open(
      {
        id: request.id, accountId: request.accountId, level: request.level, reason: request.reason, severity: request.severity,
        ownerId: this.ctx.localUserId, openedAt: now.toISOString(),
      },
      { id: derivedId(request.id, 'escalation-opened'), actorId: this.ctx.localUserId, why: request.reason },
      now,
    );
    return { escalation: this.mustGet(request.id) };
  }

  change(request: IpcRequest<'escalations.change'>): IpcResponse<'escalations.change'> {
    const current = this.openOne(request.escalationId, request.eventId);
    if (current.status === 'open' && current.level === request.toLevel) {
      throw new ServiceError('CONFLICT', `The escalation is already at level ${request.toLevel}`, 'toLevel');
    }
    return { escalation: this.write(current, { toLevel: request.toLevel, resolve: false }, request.eventId, request.why) };
  }

  resolve(request: IpcRequest<'escalations.resolve'>): IpcResponse<'escalations.resolve'> {
    const current = this.openOne(request.escalationId, request.eventId);
    return { escalation: this.write(current, { toLevel: current.level, resolve: true }, request.eventId, request.why) };
  }

  ofAccount(accountId: string): IpcResponse<'escalations.ofAccount'> {
    requireAccount(this.accounts, accountId);
    const names = new Map<string, string | null>();
    const nameOf = (userId: string | null) => {
      if (userId === null) return null;
      if (!names.has(userId)) names.set(userId, this.users.nameOf(userId) ?? null);
      return names.get(userId) ?? null;
    };
    return {
      escalations: this.escalations.ofAccount(accountId),
      events: this.escalations.eventsOf(accountId).map((event) => ({ ...event, actorName: nameOf(event.actorId) })),
    };
  }

  board(): IpcResponse<'escalations.board'> {
    const asOf = this.ctx.now();
    new ScoreService(this.ctx).ensureFresh(asOf);
    return {
      asOf: asOf.toISOString(),
      escalations: this.lists.openEscalations().map(({ account, escalation }) => {
        const age = escalationAge(new Date(escalation.openedAt), asOf, account.riskBand);
        return { account, escalation, ageHours: age.hours, responseHours: age.responseHours, overdue: age.overdue };
      }),
    };
  }

  /**
   * The escalation a change applies to. A repeat of a change already made (same event id) finds it
   * resolved or moved: it is answered with the escalation as it is, not refused.
   */
  private openOne(id: string, eventId: string): Escalation {
    const current = this.escalations.get(id);
    if (!current) throw new ServiceError('NOT_FOUND', `No escalation with id "${id}"`, 'escalationId');
    if (current.status !== 'open' && !this.escalations.hasEvent(eventId)) {
      throw new ServiceError('CONFLICT', 'This escalation is already resolved', 'escalationId');
    }
    return current;
  }

  private write(current: Escalation, change: { toLevel: number; resolve: boolean }, eventId: string, why: string): Escalation {
    if (this.escalations.hasEvent(eventId)) return current; // already applied
    requireMayChange(this.ctx.db, this.ctx.localUserId, {
      accountOwnerId: this.accounts.get(current.accountId)?.ownerId ?? null,
      authorId: current.ownerId,
      what: 'This escalation',
    });
    const done = this.escalations.change(current.id, { ...change, event: { id: eventId, actorId: this.ctx.localUserId, why } }, this.ctx.now());
    if (!done) throw new ServiceError('CONFLICT', 'This escalation is already resolved', 'escalationId');
    return this.mustGet(current.id);
  }

  private mustGet(id: string): Escalation {
    const escalation = this.escalations.get(id);
    if (!escalation) throw new Error(`Escalation ${id} vanished right after it was written`);
    return escalation;
  }
}
