import type { Database } from 'better-sqlite3';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { BookWriterRepository } from '../db/repositories/book-writer-repository';
import { buildAccountProfiles, buildTeam, dateOf, dayOf, type AccountProfile } from './demo-accounts';
import { writeContacts, writeSurveys, writeTouchpointsAndNotes } from './demo-activity';
import { emptySummary, type AccountContext, type DemoBookSummary } from './demo-context';
import { levelFunction, writeMetrics } from './demo-metrics';
import { writeEscalations, writeFeedback, writeGoals, writeOnboardingItems } from './demo-plans';
import { SeededRandom } from './seeded-random';

export type { DemoBookSummary } from './demo-context';

export interface DemoBookOptions {
  accounts: number;
  seed: number;
  /** "Today" of the book; only its UTC calendar day is used. */
  asOf: Date;
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

function writeAccount(ctx: AccountContext): void {
  ctx.writer.insertAccount(ctx.profile.record);
  ctx.summary.accounts += 1;
  writeContacts(ctx);
  ctx.summary.metrics += writeMetrics(ctx.writer, ctx.profile, ctx.level, ctx.rng, ctx.asOfDay);
  writeSurveys(ctx);
  writeTouchpointsAndNotes(ctx);
  writeEscalations(ctx);
  writeGoals(ctx);
  writeOnboardingItems(ctx);
  writeFeedback(ctx);
}

/**
 * Writes a realistic, reproducible book into an empty store: the output depends only on
 * (accounts, seed, asOf), never on the clock or Math.random.
 */
export function generateDemoBook(db: Database, options: DemoBookOptions): DemoBookResult {
  const { accounts, seed } = options;
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error(`accounts must be a positive integer, got ${accounts}`);
  if (Number.isNaN(options.asOf.getTime())) throw new Error('asOf is not a valid date');
  const asOfDay = dayOf(options.asOf);
  const writer = new BookWriterRepository(db);
  const summary = emptySummary();
  const team = buildTeam(seed, asOfDay);
  const profiles = buildAccountProfiles(seed, accounts, asOfDay, team);
  // Writing in id order turns the metrics primary-key inserts into appends.
  const ordered: AccountProfile[] = [...profiles].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
  const escalationSerial = { next: 0 };

  writer.withPageCache(BULK_PAGE_CACHE_KIB, () => {
    writer.inTransaction(() => {
      for (const user of team.users) writer.insertUser(user);
      summary.users = team.users.length;
    });
    for (let from = 0; from < ordered.length; from += CHUNK) {
      const chunk = ordered.slice(from, from + CHUNK);
      writer.inTransaction(() => {
        for (const profile of chunk) {
          const rng = SeededRandom.derive(seed, 2, profile.index);
          writeAccount({
            profile,
            rng,
            level: levelFunction(profile, SeededRandom.derive(seed, 3, profile.index)),
            writer,
            team,
            asOfDay,
            contacts: [],
            summary,
            escalationSerial,
          });
        }
      });
      options.onProgress?.(Math.min(from + CHUNK, ordered.length), ordered.length);
    }
    new AccountInputsRepository(db).refresh(
      ordered.map((p) => p.record.id),
      dateOf(asOfDay),
    );
  });
  return { ...summary, localUserId: team.localUserId };
}
