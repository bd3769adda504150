import type { DemoBookSummary } from '../../src-shared/demo/demo-context';
import { DemoBookGenerator, planDemoBook } from '../../src-shared/demo/demo-generator';
import { collectingSink, emptyDemoRecords, type DemoRecords } from '../../src-shared/demo/demo-record-collector';
import { organisationTeam } from '../../src-shared/demo/demo-team';
import type { EntityName } from '../../src-shared/sync/entity-registry';
import { entityRowOf } from '../../src-shared/sync/entity-record-rows';
import { hashPassword } from '../auth/passwords';
import type { Database, Queryable } from '../db/database';
import { commitWrites, type RowWrite } from '../sync/change-log';
import { insertUsersWithIds } from '../users/user-repository';
import { byRoleThenEmail, demoPassword, existingDemoLogins, type DemoLogin } from './demo-logins';

/**
 * `npm run server -- --demo`: seeds the demo organisation (1 admin, 2 managers, 6 CSMs, 600 accounts
 * with the demo generator's history) into a database that has no users yet. The records come from
 * the shared generator (src-shared/demo); this is the server's one writer of them, and every row
 * goes through the synced-write path (commitWrites), so devices pull the organisation like any change.
 */

export interface DemoOrganisationOptions {
  /** 600 by default; tests seed fewer. */
  accounts?: number;
  seed?: number;
  /** "Today" of the history; today (UTC) by default, so a fresh demo always looks current. */
  asOf?: Date;
  /**
   * Accounts per change-log transaction unit. A pull page never splits one, so a unit bounds the
   * page a device downloads (an account is ~2,000 rows, most of them weekly metrics).
   */
  accountsPerCommit?: number;
  /** Weeks of weekly metrics per account (DEMO_METRIC_WEEKS by default; the generator has 156). */
  metricWeeks?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoOrganisationResult {
  /** False when the database already had users: nothing was written. */
  seeded: boolean;
  logins: DemoLogin[];
  summary: DemoBookSummary | null;
}

export const DEMO_ACCOUNTS = 600;
/**
 * Half a year of weekly metrics: what the app reads (today's values, the trend 30 days back, two
 * quarters for a business review) at a sixth of the generator's three years, which would be 1.1
 * million metric rows and as many change-log entries, over a minute on PGlite.
 */
export const DEMO_METRIC_WEEKS = 26;
const DEFAULT_ACCOUNTS_PER_COMMIT = 2;
// Any fixed number: the seed runs under this lock, so two servers started with --demo seed once.
const SEED_LOCK = 0x64656d6f;

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

async function hasUsers(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users LIMIT 1')).length > 0;
}

/**
 * One change-log unit's writes, parents before children (accounts before their rows, escalations
 * before their events). Rows a CSM may edit name their creator as a push would: a note its author,
 * an event its actor, anything else the account's owner.
 */
function rowWrites(records: DemoRecords): RowWrite[] {
  const ownerOf = new Map(records.accounts.map((a) => [a.id, a.ownerId]));
  const owner = (record: { accountId: string }) => ownerOf.get(record.accountId) ?? null;
  const writes: RowWrite[] = [];
  const add = <T extends object>(entity: EntityName, list: readonly T[], createdBy?: (record: T) => string | null): void => {
    for (const record of list) {
      writes.push({ entity, row: entityRowOf(entity, record), op: 'upsert', ...(createdBy ? { createdBy: createdBy(record) } : {}) });
    }
  };
  add('accounts', records.accounts);
  add('contacts', records.contacts);
  add('metrics', records.metrics);
  add('surveys', records.surveys);
  add('touchpoints', records.touchpoints, owner);
  add('notes', records.notes, (n) => n.authorId ?? owner(n));
  add('escalations', records.escalations, owner);
  add('escalation_events', records.escalationEvents, (e) => e.actorId ?? owner(e));
  add('csm_sentiments', records.csmSentiments, (s) => s.authorId ?? owner(s));
  add('goals', records.goals, owner);
  add('onboarding_items', records.onboardingItems, owner);
  add('feedback', records.feedback, owner);
  return writes;
}

/**
 * Seeds the organisation in one database transaction (a crash leaves no half organisation, and
 * the next start seeds again), or, when the database already has users, writes nothing and
 * returns the demo logins that still work.
 */
export async function seedDemoOrganisation(db: Database, options: DemoOrganisationOptions = {}): Promise<DemoOrganisationResult> {
  if (await hasUsers(db)) return { seeded: false, logins: await existingDemoLogins(db), summary: null };
  const plan = planDemoBook({
    accounts: options.accounts ?? DEMO_ACCOUNTS, seed: options.seed ?? 1, asOf: options.asOf ?? todayUtc(),
    team: organisationTeam(),
    metricWeeks: options.metricWeeks ?? DEMO_METRIC_WEEKS,
  });
  const logins = plan.team.users.map((u) => ({ email: u.email, password: demoPassword(u.name), role: u.role }));
  const hashes = await Promise.all(logins.map((login) => hashPassword(login.password)));
  const perCommit = options.accountsPerCommit ?? DEFAULT_ACCOUNTS_PER_COMMIT;
  const generator = new DemoBookGenerator(plan);
  const total = plan.profiles.length;

  const seeded = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await hasUsers(tx)) return false;
    await insertUsersWithIds(
      tx,
      plan.team.users.map((u, i) => ({ id: u.id, email: u.email, name: u.name, role: u.role, managerId: u.managerId, passwordHash: hashes[i] as string, createdAt: u.createdAt })),
    );
    generator.summary.users = plan.team.users.length;
    while (generator.remaining > 0) {
      const records = emptyDemoRecords();
      generator.emitAccounts(collectingSink(records), perCommit);
      await commitWrites(tx, rowWrites(records));
      options.onProgress?.(total - generator.remaining, total);
    }
    return true;
  });
  if (!seeded) return { seeded: false, logins: await existingDemoLogins(db), summary: null };
  // Hundreds of thousands of rows just arrived: give the planner their statistics now rather than
  // whenever autovacuum (if it runs at all) gets to them.
  await db.query('ANALYZE');
  return { seeded: true, logins: logins.sort(byRoleThenEmail), summary: generator.summary };
}
