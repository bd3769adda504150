import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { loginLine } from '../../src-server/demo/demo-logins';
import { DEMO_ACCOUNTS, seedDemoOrganisation, type DemoOrganisationResult } from '../../src-server/demo/demo-organisation';
import { planDemoBook } from '../../src-shared/demo/demo-generator';
import { organisationTeam } from '../../src-shared/demo/demo-team';
import { buildServer } from '../../src-server/http/build-server';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from './server-test-databases';
import { loginToken, WireClient } from './sync-test-client';

const AS_OF = new Date('2026-11-20T00:00:00.000Z');
const ACCOUNTS = 36;
const TABLES = ['accounts', 'contacts', 'metrics', 'surveys', 'touchpoints', 'notes', 'escalations', 'escalation_events', 'csm_sentiments', 'goals', 'onboarding_items', 'feedback'];

/**
 * The demo organisation seeded in-process with a small book (36 accounts, 4 weeks of metrics): its
 * people and reports, each account owned by a CSM, every row in the change log so devices pull it,
 * a second seed that writes nothing, and each printed login signing in over HTTP.
 */
describeOnEachDatabase('demo organisation', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  let first: DemoOrganisationResult;

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string | number }>(sql, params))[0]?.n);

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    await migrateServerDatabase(db);
    first = await seedDemoOrganisation(db, { accounts: ACCOUNTS, asOf: AS_OF, metricWeeks: 4 });
    app = await buildServer({ db, logger: false });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await target?.dispose();
  });

  it('has 1 admin, 2 managers and 6 CSMs, three reporting to each manager', async () => {
    expect(first.seeded).toBe(true);
    const users = await db.query<{ id: string; role: string; manager_id: string | null }>('SELECT id, role, manager_id FROM users');
    const byRole = (role: string) => users.filter((u) => u.role === role);
    expect([byRole('admin').length, byRole('manager').length, byRole('csm').length]).toEqual([1, 2, 6]);
    for (const manager of byRole('manager')) expect(users.filter((u) => u.manager_id === manager.id).map((u) => u.role)).toEqual(['csm', 'csm', 'csm']);
    for (const csm of byRole('csm')) expect(byRole('manager').map((m) => m.id)).toContain(csm.manager_id);
    expect(byRole('admin')[0]?.manager_id).toBeNull();
  });

  it('has every account owned by a CSM, each CSM with a book', async () => {
    expect(await count('SELECT count(*) AS n FROM accounts')).toBe(ACCOUNTS);
    const owners = await db.query<{ role: string; n: string | number }>(
      'SELECT u.role, count(*) AS n FROM accounts a JOIN users u ON u.id = a.owner_id GROUP BY u.id, u.role',
    );
    expect(owners.every((o) => o.role === 'csm')).toBe(true);
    expect(owners).toHaveLength(6);
    expect(owners.reduce((sum, o) => sum + Number(o.n), 0)).toBe(ACCOUNTS);
  });

  it("holds the generator's history, every row announced in the change log", async () => {
    const summary = first.summary;
    expect(summary).not.toBeNull();
    const expected: Record<string, number> = {
      accounts: summary?.accounts ?? -1, contacts: summary?.contacts ?? -1, metrics: summary?.metrics ?? -1, surveys: summary?.surveys ?? -1,
      touchpoints: summary?.touchpoints ?? -1, notes: summary?.notes ?? -1, escalations: summary?.escalations ?? -1,
      escalation_events: summary?.escalationEvents ?? -1, csm_sentiments: summary?.csmSentiments ?? -1, goals: summary?.goals ?? -1, onboarding_items: summary?.onboardingItems ?? -1, feedback: summary?.feedback ?? -1,
    };
    for (const table of TABLES) {
      expect(await count(`SELECT count(*) AS n FROM ${table}`), table).toBe(expected[table]);
      expect(await count('SELECT count(*) AS n FROM change_log WHERE entity = $1', [table]), `${table} in the log`).toBe(expected[table]);
      expect(expected[table], table).toBeGreaterThan(0);
    }
    expect(await count("SELECT count(*) AS n FROM change_log WHERE entity = 'users'")).toBe(9);
    // Four weeks of weekly metrics: no account has older values.
    expect(await count("SELECT count(DISTINCT date) AS n FROM metrics")).toBeLessThanOrEqual(4);
  });

  it('signs in each printed login over HTTP, and a CSM pulls exactly their own book', async () => {
    expect(first.logins).toHaveLength(9);
    for (const login of first.logins) {
      expect(loginLine(login)).toMatch(/^login: \S+@csm-workstation\.demo demo-[a-z]+-2026 (admin|manager|csm)$/);
      await loginToken(baseUrl, login.email, login.password);
    }
    const csm = first.logins.find((l) => l.role === 'csm');
    if (!csm) throw new Error('no CSM login');
    const device = new WireClient(baseUrl, await loginToken(baseUrl, csm.email, csm.password));
    const { pages } = await device.pullAll(0, 5000);
    const [me] = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [csm.email]);
    const own = await db.query<{ id: string }>('SELECT id FROM accounts WHERE owner_id = $1 ORDER BY id', [me?.id]);
    const pulled = pages.flatMap((p) => p.changes).filter((c) => c.entity === 'accounts').map((c) => c.row_id).sort();
    expect(pulled).toEqual(own.map((a) => a.id));
    const notes = pages.flatMap((p) => p.changes).filter((c) => c.entity === 'notes').length;
    expect(notes).toBe(await count('SELECT count(*) AS n FROM notes n JOIN accounts a ON a.id = n.account_id WHERE a.owner_id = $1', [me?.id]));
  });

  it('does not seed a second time, and still returns the logins', async () => {
    const head = await count('SELECT seq AS n FROM sync_counter');
    const again = await seedDemoOrganisation(db, { accounts: ACCOUNTS, asOf: AS_OF, metricWeeks: 4 });
    expect(again.seeded).toBe(false);
    expect(again.logins).toEqual(first.logins);
    expect(await count('SELECT count(*) AS n FROM users')).toBe(9);
    expect(await count('SELECT count(*) AS n FROM accounts')).toBe(ACCOUNTS);
    expect(await count('SELECT seq AS n FROM sync_counter')).toBe(head);
  });

  it("leaves out a demo login whose password an admin has reset", async () => {
    const [csm] = first.logins.filter((l) => l.role === 'csm');
    await db.query("UPDATE users SET password_hash = 'scrypt$N=2,r=1,p=1$AA$AA' WHERE email = $1", [csm?.email]);
    const again = await seedDemoOrganisation(db, { accounts: ACCOUNTS, asOf: AS_OF });
    expect(again.logins.map((l) => l.email)).toEqual(first.logins.map((l) => l.email).filter((e) => e !== csm?.email));
  });
});

describe('the full demo organisation (planned, not written)', () => {
  it('deals its 600 accounts to the six CSMs, a realistic book of about 100 each, and none to the managers', () => {
    const plan = planDemoBook({ accounts: DEMO_ACCOUNTS, seed: 1, asOf: AS_OF, team: organisationTeam() });
    expect(plan.profiles).toHaveLength(600);
    const books = new Map<string, number>();
    for (const profile of plan.profiles) books.set(profile.record.ownerId ?? '', (books.get(profile.record.ownerId ?? '') ?? 0) + 1);
    expect([...books.keys()].sort()).toEqual([...plan.team.csmIds].sort());
    for (const size of books.values()) {
      expect(size).toBeGreaterThanOrEqual(75);
      expect(size).toBeLessThanOrEqual(125);
    }
  });
});
