import { v7 as uuidv7 } from 'uuid';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { NotesRepository } from '../db/repositories/notes-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import type { ServiceContext } from './service-context';

/** Call notes: written durably before the call returns, searchable in Spanish and English. */
export class NotesService {
  private readonly notes: NotesRepository;
  private readonly accounts: AccountsRepository;
  private readonly touchpoints: TouchpointsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.notes = new NotesRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
  }

  list(request: IpcRequest<'notes.list'>): IpcResponse<'notes.list'> {
    this.requireAccount(request.accountId);
    return { notes: this.notes.listForAccount(request.accountId, request.limit ?? 100) };
  }

  add(request: IpcRequest<'notes.add'>): IpcResponse<'notes.add'> {
    this.requireAccount(request.accountId);
    if (request.touchpointId) {
      const touchpoint = this.touchpoints.get(request.touchpointId);
      if (!touchpoint || touchpoint.accountId !== request.accountId) {
        throw new ServiceError(
          'NOT_FOUND',
          `No touchpoint "${request.touchpointId}" on account "${request.accountId}"`,
          'touchpointId',
        );
      }
    }
    const note = this.notes.add(
      {
        id: uuidv7(),
        accountId: request.accountId,
        touchpointId: request.touchpointId ?? null,
        authorId: this.ctx.localUserId,
        body: request.body,
      },
      this.ctx.now(),
    );
    return { note };
  }

  search(request: IpcRequest<'notes.search'>): IpcResponse<'notes.search'> {
    return { hits: this.notes.search(request.query, request.limit ?? 50) };
  }

  private requireAccount(accountId: string): void {
    if (!this.accounts.get(accountId)) {
      throw new ServiceError('NOT_FOUND', `No account with id "${accountId}"`, 'accountId');
    }
  }
}
