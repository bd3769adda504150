import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAdminCommand } from '../../src-server/admin-commands';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { findUserByEmail } from '../../src-server/users/user-repository';
import { makeTempDir } from '../helpers/temp-store';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from './server-test-databases';

const ACME = '019a0000-0000-7000-8000-0000000000a1';
const BOLT = '019a0000-0000-7000-8000-0000000000b1';
const CONTACT = '019a0000-0000-7000-8000-0000000000c1';

/** An account row with every column of the registry but the owner. */
const account = (id: string, name: string, ownerId: string) => ({
  id, name, domain: `${name.toLowerCase()}.example`, industry: 'retail', plan: 'professional', arr: 48_000, seats: 40, seats_used: 31,
  plan_feature_count: 25, volume_limit: 100_000, contract_start: '2025-03-01', renewal_date: '2026-03-01', renewals_count: 0,
  lifecycle_stage: 'adoption', owner_id: ownerId, status: 'active', churned_at: null, competitor_evaluation: 0, payment_overdue_days: 0,
  created_at: '2025-02-20T10:00:00.000Z', updated_at: '2025-02-20T10:00:00.000Z',
});

/**
 * `admin import` on each database: JSON and CSV files of accounts, contacts, metrics and surveys,
 * checked row by row against the entity registry, all or nothing, idempotent by id; and each
 * refusal names the row, the field and the value, with nothing written.
 */
describeOnEachDatabase('admin import', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let ana = '';
  const files = makeTempDir('csm-import-');

  const admin = (...argv: string[]) => runAdminCommand(db, argv, { readPassword: async () => 'import-test-pass' });
  const file = (name: string, content: unknown) => {
    const path = join(files.dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const importFile = (kindName: string, path: string) => admin('import', '--kind', kindName, '--file', path);
  const head = async () => Number((await db.query<{ seq: string }>('SELECT seq FROM sync_counter'))[0]?.seq);
  const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

  /** Runs an import that must be refused: returns the message after checking nothing was written. */
  async function refused(kindName: string, path: string): Promise<string> {
    const [before, rows] = [await head(), await count(kindName)];
    const error = await importFile(kindName, path).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('AdminCommandError');
    expect(await head()).toBe(before);
    expect(await count(kindName)).toBe(rows);
    expect(error?.message).toMatch(/nothing was imported$|^import .*: (--file|the file|a JSON|row \d+: CSV|cannot read)/);
    return error?.message ?? '';
  }

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    await migrateServerDatabase(db);
    await admin('create-user', '--email', 'maria@example.com', '--name', 'Maria', '--role', 'manager');
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm', '--manager', 'maria@example.com');
    ana = (await findUserByEmail(db, 'ana@example.com'))?.id as string;
  });
  afterAll(async () => {
    await db?.close();
    await target?.dispose();
    files.remove();
  });

  it('imports accounts from JSON through the change log, and the same file again changes nothing', async () => {
    const path = file('accounts.json', [account(ACME, 'Acme', ana), account(BOLT, 'Bolt', ana)]);
    const before = await head();
    expect(await importFile('accounts', path)).toBe(`imported accounts from ${path}: 2 new, 0 changed, 0 unchanged`);
    expect(await head()).toBe(before + 2);
    const logged = await db.query<{ row_id: string }>("SELECT row_id FROM change_log WHERE entity = 'accounts' ORDER BY row_id");
    expect(logged.map((r) => r.row_id)).toEqual([ACME, BOLT]);
    const [acme] = await db.query<Record<string, unknown>>('SELECT name, arr, owner_id, competitor_evaluation FROM accounts WHERE id = $1', [ACME]);
    expect(acme).toMatchObject({ name: 'Acme', owner_id: ana });
    expect(Number(acme?.arr)).toBe(48_000);

    expect(await importFile('accounts', path)).toBe(`imported accounts from ${path}: 0 new, 0 changed, 2 unchanged`);
    expect(await head()).toBe(before + 2);
  });

  it('updates only the columns a file gives, and stamps the change', async () => {
    const path = file('arr.csv', `id,arr\n${ACME},60000\n${BOLT},48000\n`);
    expect(await importFile('accounts', path)).toBe(`imported accounts from ${path}: 0 new, 1 changed, 1 unchanged`);
    const [acme] = await db.query<Record<string, unknown>>('SELECT name, arr, seats, updated_at FROM accounts WHERE id = $1', [ACME]);
    expect([acme?.name, Number(acme?.arr), Number(acme?.seats)]).toEqual(['Acme', 60_000, 40]);
    expect(acme?.updated_at).not.toBe('2025-02-20T10:00:00.000Z');
  });

  it('imports contacts from CSV (quoted commas, empty cells as null), then metrics and surveys', async () => {
    const contacts = file(
      'contacts.csv',
      '\uFEFFid,account_id,name,email,role,is_champion,departed_at,certification_level\r\n' +
        `${CONTACT},${ACME},"Pérez, Ana",ana.perez@acme.example,CEO,1,,2\r\n`,
    );
    expect(await importFile('contacts', contacts)).toMatch(/: 1 new, 0 changed, 0 unchanged$/);
    const [row] = await db.query<Record<string, unknown>>('SELECT name, departed_at, is_champion, certification_level FROM contacts WHERE id = $1', [CONTACT]);
    expect(row).toMatchObject({ name: 'Pérez, Ana', departed_at: null });
    expect([Number(row?.is_champion), Number(row?.certification_level)]).toEqual([1, 2]);
    expect(await importFile('contacts', contacts)).toMatch(/: 0 new, 0 changed, 1 unchanged$/);

    const metrics = file('metrics.csv', `account_id,key,date,value\n${ACME},login_frequency,2026-11-16,3.5\n${ACME},support_tickets,2026-11-16,2\n`);
    expect(await importFile('metrics', metrics)).toMatch(/: 2 new, 0 changed, 0 unchanged$/);
    expect(await importFile('metrics', file('metrics2.json', [{ account_id: ACME, key: 'login_frequency', date: '2026-11-16', value: 4 }]))).toMatch(/: 0 new, 1 changed, 0 unchanged$/);
    const logged = await db.query("SELECT 1 FROM change_log WHERE entity = 'metrics' AND row_id = $1", [`${ACME}|login_frequency|2026-11-16`]);
    expect(logged).toHaveLength(1);

    const surveys = file('surveys.json', [{ id: '019a0000-0000-7000-8000-0000000000d1', account_id: ACME, contact_id: CONTACT, kind: 'nps', score: 9, answered_at: '2026-11-10T09:00:00.000Z', comment: null }]);
    expect(await importFile('surveys', surveys)).toMatch(/: 1 new, 0 changed, 0 unchanged$/);
    expect(await importFile('surveys', surveys)).toMatch(/: 0 new, 0 changed, 1 unchanged$/);
  });

  it('refuses a value of the wrong type, naming the row, the field and the value, even after good rows', async () => {
    const message = await refused('accounts', file('bad-arr.json', [account('019a0000-0000-7000-8000-0000000000e1', 'Echo', ana), { ...account('019a0000-0000-7000-8000-0000000000e2', 'Fox', ana), arr: '12k' }]));
    expect(message).toMatch(/row 2: arr: .*\(value: "12k"\); nothing was imported$/);
  });

  it('refuses an unknown column, a value outside the enum, a CSV number that is not one, and a flag that is not 0 or 1', async () => {
    expect(await refused('accounts', file('colour.json', [{ ...account('019a0000-0000-7000-8000-0000000000e3', 'Golf', ana), colour: 'red' }]))).toMatch(/row 1: colour: not a column of accounts \(value: "red"\)/);
    expect(await refused('accounts', file('plan.json', [{ ...account('019a0000-0000-7000-8000-0000000000e4', 'Hotel', ana), plan: 'gold' }]))).toMatch(/row 1: plan: .*\(value: "gold"\)/);
    expect(await refused('accounts', file('seats.csv', `id,seats\n${ACME},forty\n`))).toMatch(/row 1: seats: .*\(value: "forty"\)/);
    expect(await refused('contacts', file('flag.json', [{ id: CONTACT, is_champion: true }]))).toMatch(/row 1: is_champion: expected 0 or 1 \(value: true\)/);
  });

  it('refuses a new row without a required column, and a duplicate row in the file', async () => {
    expect(await refused('accounts', file('new-partial.csv', 'id,arr\n019a0000-0000-7000-8000-0000000000e5,100\n'))).toMatch(/row 1: name: required for a new accounts row \(value: absent\)/);
    const twice = [{ account_id: ACME, key: 'api_calls', date: '2026-11-16', value: 1 }, { account_id: ACME, key: 'api_calls', date: '2026-11-16', value: 2 }];
    expect(await refused('metrics', file('twice.json', twice))).toMatch(/row 2: account_id, key, date: the same row as row 1/);
  });

  it('refuses rows that point at nothing: an owner who is not a CSM or manager, an unknown account, a contact of another account', async () => {
    expect(await refused('accounts', file('owner.json', [account('019a0000-0000-7000-8000-0000000000e6', 'India', 'nobody')]))).toMatch(/row 1: owner_id: not the id of a CSM or manager \(value: "nobody"\)/);
    expect(await refused('metrics', file('no-account.csv', `account_id,key,date,value\n${ACME},api_calls,2026-11-16,1\nmissing-account,api_calls,2026-11-16,1\n`))).toMatch(/row 2: account_id: no such account \(value: "missing-account"\)/);
    const survey = { id: '019a0000-0000-7000-8000-0000000000d2', account_id: BOLT, contact_id: CONTACT, kind: 'csat', score: 4, answered_at: '2026-11-10T09:00:00.000Z', comment: null };
    expect(await refused('surveys', file('contact.json', [survey]))).toMatch(/row 1: contact_id: not a contact of the survey's account/);
    expect(await refused('contacts', file('move.csv', `id,account_id\n${CONTACT},${BOLT}\n`))).toMatch(/row 1: account_id: a contacts row cannot move to another account/);
  });

  it('refuses a day that does not exist, a file that is not an array, a CSV row of the wrong width, and another file type', async () => {
    expect(await refused('metrics', file('day.json', [{ account_id: ACME, key: 'api_calls', date: '2026-02-30', value: 1 }]))).toMatch(/row 1: date: no such day \(value: "2026-02-30"\)/);
    expect(await refused('metrics', file('object.json', { rows: [] }))).toMatch(/a JSON import is an array of rows/);
    expect(await refused('metrics', file('wide.csv', `account_id,key,date,value\n${ACME},api_calls,2026-11-16,1,extra\n`))).toMatch(/row 1: CSV: Too many fields/);
    expect(await refused('metrics', file('rows.txt', 'x'))).toMatch(/--file must be a \.json or \.csv file/);
  });
});
