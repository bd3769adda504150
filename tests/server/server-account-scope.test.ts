import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AdminCommandError, runAdminCommand } from '../../src-server/admin-commands';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { buildServer } from '../../src-server/http/build-server';
import { accountIdsInScope, isAccountInScope } from '../../src-server/scope/account-scope';
import { findUserByEmail } from '../../src-server/users/user-repository';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from './server-test-databases';

const PASSWORD = 'scope-test-pass';
const noStdin = { readPassword: async () => PASSWORD };

/**
 * A small team: manager Maria with CSMs Ana and Ben, manager Max with CSM Cy, and an admin. Maria
 * keeps one account herself. Accounts are made and reassigned with the admin commands, and the
 * book each person sees is read over real HTTP.
 */
describeOnEachDatabase('account scope: admin create-account / assign and GET /v1/accounts', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  const accounts: Record<string, string> = {};

  const admin = (...argv: string[]) => runAdminCommand(db, argv, noStdin);
  const userId = async (email: string) => (await findUserByEmail(db, email))?.id as string;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    await migrateServerDatabase(db);
    app = await buildServer({ db, logger: false });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

    await admin('create-user', '--email', 'maria@example.com', '--name', 'Maria', '--role', 'manager');
    await admin('create-user', '--email', 'max@example.com', '--name', 'Max', '--role', 'manager');
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm', '--manager', 'maria@example.com');
    await admin('create-user', '--email', 'ben@example.com', '--name', 'Ben', '--role', 'csm', '--manager', 'maria@example.com');
    await admin('create-user', '--email', 'cy@example.com', '--name', 'Cy', '--role', 'csm', '--manager', 'max@example.com');
    await admin('create-user', '--email', 'root@example.com', '--name', 'Root', '--role', 'admin');
    const book: [string, string][] = [['Acme', 'ana'], ['Bolt', 'ana'], ['Crane', 'ben'], ['Delta', 'cy'], ['Echo', 'maria']];
    for (const [name, owner] of book) {
      accounts[name] = await admin('create-account', '--name', name, '--plan', 'professional', '--arr', '50000', '--owner', `${owner}@example.com`);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await target?.dispose();
  });

  async function tokenOf(email: string): Promise<string> {
    const response = await fetch(`${baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, device: 'scope test' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }
  async function namesSeenBy(email: string): Promise<string[]> {
    const response = await fetch(`${baseUrl}/v1/accounts`, { headers: { authorization: `Bearer ${await tokenOf(email)}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accounts: { id: string; name: string; owner_id: string | null }[] };
    for (const account of body.accounts) expect(Object.keys(account).sort()).toEqual(['id', 'name', 'owner_id']);
    return body.accounts.map((account) => account.name);
  }

  it('create-account prints the new id and fills the other columns with the documented defaults', async () => {
    const id = await admin('create-account', '--name', 'Fable', '--plan', 'starter', '--arr', '12000', '--owner', 'cy@example.com', '--contract-start', '2024-02-29');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await db.query(
      `SELECT name, plan, arr::int AS arr, owner_id, contract_start, renewal_date, plan_feature_count::int AS features, volume_limit::int AS volume,
              seats::int AS seats, lifecycle_stage, status, competitor_evaluation, deleted_at FROM accounts WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      name: 'Fable', plan: 'starter', arr: 12000, owner_id: await userId('cy@example.com'), contract_start: '2024-02-29', renewal_date: '2025-02-28',
      features: 10, volume: 10000, seats: 0, lifecycle_stage: 'onboarding', status: 'active', competitor_evaluation: 0, deleted_at: null,
    });
    accounts.Fable = id;
  });

  it('refuses mistakes with one clear line', async () => {
    const refusal = (argv: string[]) => admin(...argv).then(() => 'accepted', (error: Error) => (error instanceof AdminCommandError ? error.message : `unexpected ${error}`));
    const create = (...flags: string[]) => ['create-account', '--name', 'X', '--plan', 'starter', '--arr', '1', '--owner', 'ana@example.com', ...flags];
    expect(await refusal(['create-account', '--name', 'X', '--plan', 'gold', '--arr', '1', '--owner', 'ana@example.com'])).toMatch(/^--plan: /);
    expect(await refusal(['create-account', '--name', 'X', '--plan', 'starter', '--arr=-5', '--owner', 'ana@example.com'])).toBe('--arr must be a whole number >= 0, not -5');
    // Without `=` Node's parser reads a leading dash as a flag; its explanation comes out on one line.
    expect(await refusal(['create-account', '--name', 'X', '--plan', 'starter', '--arr', '-5', '--owner', 'ana@example.com'])).toMatch(/^Option '--arr' argument is ambiguous\. Did you forget[^\n]+$/);
    expect(await refusal(['create-account', '--name', 'X', '--plan', 'starter', '--arr', '1.5', '--owner', 'ana@example.com'])).toBe('--arr must be a whole number >= 0, not 1.5');
    expect(await refusal(['create-account', '--name', 'X', '--plan', 'starter', '--arr', '1', '--owner', 'nobody@example.com'])).toBe('no user with email nobody@example.com');
    expect(await refusal(['create-account', '--name', 'X', '--plan', 'starter', '--arr', '1', '--owner', 'root@example.com'])).toBe(
      "root@example.com is an admin; an account's owner must be a csm or a manager",
    );
    expect(await refusal(create('--contract-start', '2026-02-30'))).toBe('--contract-start must be a date YYYY-MM-DD, not 2026-02-30');
    expect(await refusal(create('--renewal-date', '26-01-01'))).toBe('--renewal-date must be a date YYYY-MM-DD, not 26-01-01');
    expect(await refusal(create('--contract-start', '2026-05-01', '--renewal-date', '2026-04-01'))).toMatch(/is before the contract start/);
    expect(await refusal(['create-account', '--plan', 'starter', '--arr', '1', '--owner', 'ana@example.com'])).toBe('--name is required');
    expect(await refusal(['assign', '--account', 'no-such-id', '--owner', 'ana@example.com'])).toBe('no account with id no-such-id');
    expect(await refusal(['assign', '--account', accounts.Acme as string, '--owner', 'root@example.com'])).toMatch(/is an admin/);
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
    expect(count[0]?.n).toBe(6);
  });

  it('a CSM sees their own accounts, a manager theirs and their reports\', an admin every one', async () => {
    expect(await namesSeenBy('ana@example.com')).toEqual(['Acme', 'Bolt']);
    expect(await namesSeenBy('ben@example.com')).toEqual(['Crane']);
    expect(await namesSeenBy('cy@example.com')).toEqual(['Delta', 'Fable']);
    expect(await namesSeenBy('maria@example.com')).toEqual(['Acme', 'Bolt', 'Crane', 'Echo']);
    expect(await namesSeenBy('max@example.com')).toEqual(['Delta', 'Fable']);
    expect(await namesSeenBy('root@example.com')).toEqual(['Acme', 'Bolt', 'Crane', 'Delta', 'Echo', 'Fable']);
  });

  it('without a token the list is refused', async () => {
    const response = await fetch(`${baseUrl}/v1/accounts`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  });

  it('after assign the old owner (and their manager) no longer see the account; the new owner and theirs do', async () => {
    expect(await admin('assign', '--account', accounts.Bolt as string, '--owner', 'cy@example.com')).toBe(`account Bolt (${accounts.Bolt}) now owned by cy@example.com`);
    expect(await namesSeenBy('ana@example.com')).toEqual(['Acme']);
    expect(await namesSeenBy('maria@example.com')).toEqual(['Acme', 'Crane', 'Echo']);
    expect(await namesSeenBy('cy@example.com')).toEqual(['Bolt', 'Delta', 'Fable']);
    expect(await namesSeenBy('max@example.com')).toEqual(['Bolt', 'Delta', 'Fable']);
  });

  it('deleted accounts are in nobody\'s scope; a deleted owner\'s accounts only in the admin\'s', async () => {
    const ana = { id: await userId('ana@example.com'), role: 'csm' as const };
    const maria = { id: await userId('maria@example.com'), role: 'manager' as const };
    const root = { id: await userId('root@example.com'), role: 'admin' as const };
    expect(await isAccountInScope(db, ana, accounts.Acme as string)).toBe(true);
    expect(await isAccountInScope(db, ana, accounts.Crane as string)).toBe(false);
    expect(await isAccountInScope(db, ana, 'no-such-id')).toBe(false);

    await db.query('UPDATE accounts SET deleted_at = $2 WHERE id = $1', [accounts.Echo, new Date().toISOString()]);
    expect(await isAccountInScope(db, maria, accounts.Echo as string)).toBe(false);
    expect(await accountIdsInScope(db, root)).not.toContain(accounts.Echo);

    await db.query('UPDATE users SET deleted_at = now() WHERE id = $1', [await userId('ben@example.com')]);
    expect(await isAccountInScope(db, maria, accounts.Crane as string)).toBe(false);
    expect(await isAccountInScope(db, root, accounts.Crane as string)).toBe(true);
    expect(await accountIdsInScope(db, maria)).toEqual([accounts.Acme]);
  });
});
