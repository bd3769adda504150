import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { CsmSentimentRepository } from '../db/repositories/csm-sentiment-repository';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';

/** The CSM's sentiment beside the computed score: recorded with a reason, kept as the account's history. */
export class CsmSentimentService {
  private readonly sentiments: CsmSentimentRepository;
  private readonly accounts: AccountsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.sentiments = new CsmSentimentRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
  }

  ofAccount(accountId: string): IpcResponse<'sentiment.ofAccount'> {
    requireAccount(this.accounts, accountId);
    const history = this.sentiments.history(accountId);
    return { current: history[0] ?? null, history };
  }

  /** Adds a judgement; a repeated request (same id) answers with the one already recorded. */
  record(request: IpcRequest<'sentiment.record'>): IpcResponse<'sentiment.record'> {
    const existing = this.sentiments.get(request.id);
    if (existing) {
      if (existing.accountId !== request.accountId) throw new ServiceError('CONFLICT', `Sentiment id "${request.id}" is already used`, 'id');
      return { sentiment: existing };
    }
    requireAccount(this.accounts, request.accountId);
    const now = this.ctx.now();
    this.sentiments.record(
      { id: request.id, accountId: request.accountId, authorId: this.ctx.localUserId, rating: request.rating, reason: request.reason.trim(), at: now.toISOString() },
      now,
    );
    const sentiment = this.sentiments.get(request.id);
    if (!sentiment) throw new Error(`Sentiment ${request.id} vanished right after it was written`);
    return { sentiment };
  }
}
