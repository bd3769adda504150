import type { Database } from 'better-sqlite3';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { BookWriterRepository } from '../db/repositories/book-writer-repository';
import type { DemoBookSummary } from '../../src-shared/demo/demo-context';
import { dateOf } from '../../src-shared/demo/demo-days';
import { DemoBookGenerator, planDemoBook } from '../../src-shared/demo/demo-generator';
import type { DemoRecordSink } from '../../src-shared/demo/demo-records';
import type { Team } from '../../src-shared/demo/demo-team';

export type { DemoBookSummary } from '../../src-shared/demo/demo-context';

/**
 * The local store's writer of a demo book: the generator (src-shared/demo, pure) makes the records,
 * this puts them into SQLite through BookWriterRepository.
 */

export interface DemoBookOptions {
  accounts: number;
  seed: number;
  /** "Today" of the book; only its UTC calendar day is used. */
  asOf: Date;
  /** Whose book it is: the local CSM's own (default), or an organisation's (several owners). */
  team?: (seed: number, asOfDay: number) => Team;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoBookResult extends DemoBookSummary {
  /** The first CSM: the user the desktop app runs as in the demo. */
  localUserId: string;
}

/** Accounts per transaction: big enough to amortise commits, small enough to report progress. */
const CHUNK = 250;
/** Page cache while writing (128 MiB): the metrics and touchpoint indexes outgrow the default. */
const BULK_PAGE_CACHE_KIB = 131_072;

function sqliteSink(writer: BookWriterRepository): DemoRecordSink {
  return {
    user: (u) => writer.insertUser(u),
    account: (a) => writer.insertAccount(a),
    contact: (c) => writer.insertContact(c),
    metric: (accountId, key, date, value) => writer.insertMetricValues(accountId, key, date, value),
    survey: (s) => writer.insertSurvey(s),
    touchpoint: (t) => writer.insertTouchpoint(t),
    note: (n) => writer.insertNote(n),
    escalation: (e) => writer.insertEscalation(e),
    escalationEvent: (e) => writer.insertEscalationEvent(e),
    csmSentiment: (s) => writer.insertCsmSentiment(s),
    goal: (g) => writer.insertGoal(g),
    onboardingItem: (o) => writer.insertOnboardingItem(o),
    feedback: (f) => writer.insertFeedback(f),
  };
}

/**
 * Writes a realistic, reproducible book into an empty store: the output depends only on
 * (accounts, seed, asOf), never on the clock or Math.random.
 */
export function generateDemoBook(db: Database, options: DemoBookOptions): DemoBookResult {
  const plan = planDemoBook(options);
  const generator = new DemoBookGenerator(plan);
  const writer = new BookWriterRepository(db);
  const sink = sqliteSink(writer);
  const total = plan.profiles.length;

  writer.withPageCache(BULK_PAGE_CACHE_KIB, () => {
    writer.inTransaction(() => generator.emitUsers(sink));
    while (generator.remaining > 0) {
      writer.inTransaction(() => generator.emitAccounts(sink, CHUNK));
      options.onProgress?.(total - generator.remaining, total);
    }
    new AccountInputsRepository(db).refresh(
      plan.profiles.map((p) => p.record.id),
      dateOf(plan.asOfDay),
    );
  });
  return { ...generator.summary, localUserId: plan.team.localUserId };
}
