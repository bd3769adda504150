import type { Database } from 'better-sqlite3';
import type { CsmSentiment } from '../../../src-shared/domain/entities';
import { insertSql, prepareCached } from '../entity-sql';
import { OutboxRepository } from './outbox-repository';

interface SentimentRow {
  id: string;
  account_id: string;
  author_id: string | null;
  author_name: string | null;
  rating: CsmSentiment['rating'];
  reason: string;
  at: string;
}

const toSentiment = (row: SentimentRow): CsmSentiment => ({
  id: row.id, accountId: row.account_id, authorId: row.author_id, authorName: row.author_name, rating: row.rating, reason: row.reason, at: row.at,
});

const SELECT = `SELECT s.id, s.account_id, s.author_id, u.name AS author_name, s.rating, s.reason, s.at
  FROM csm_sentiments s LEFT JOIN users u ON u.id = s.author_id`;

/** The CSM's sentiments on accounts: appended, never edited; the newest of an account is its current one. */
export class CsmSentimentRepository {
  private readonly outbox: OutboxRepository;
  private readonly getStmt;
  private readonly historyStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.getStmt = db.prepare<[string], SentimentRow>(`${SELECT} WHERE s.id = ? AND s.deleted_at IS NULL`);
    // Ties on `at` (two devices in one millisecond) break on the id, the same on every device.
    this.historyStmt = db.prepare<[string], SentimentRow>(`${SELECT} WHERE s.account_id = ? AND s.deleted_at IS NULL ORDER BY s.at DESC, s.id DESC`);
  }

  get(id: string): CsmSentiment | undefined {
    const row = this.getStmt.get(id);
    return row ? toSentiment(row) : undefined;
  }

  /** Every sentiment of an account, newest (the current one) first. */
  history(accountId: string): CsmSentiment[] {
    return this.historyStmt.all(accountId).map(toSentiment);
  }

  /** Stores a new sentiment and queues it for the team server, in one transaction. */
  record(sentiment: Omit<CsmSentiment, 'authorName'>, now: Date): void {
    const fields = { account_id: sentiment.accountId, author_id: sentiment.authorId, rating: sentiment.rating, reason: sentiment.reason, at: sentiment.at };
    const insert = prepareCached(this.db, insertSql('csm_sentiments', { columns: Object.keys(fields) }));
    this.db.transaction(() => {
      insert.run({ id: sentiment.id, ...fields });
      this.outbox.enqueue('csm_sentiments', sentiment.id, sentiment.accountId, 'upsert', fields, now);
    })();
  }
}
