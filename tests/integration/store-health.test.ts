import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, storeFileOf } from '../../src-main/db/open-store';
import { createIpcDispatcher } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { demoDirOf } from '../../src-main/workspace/demo-store';
import { Workspace } from '../../src-main/workspace/workspace';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import { FIXTURE_NOW, makeTempDir, openFixtureStore } from '../helpers/temp-store';

const REPO = join(__dirname, '..', '..');
const TSX = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.remove);
  return temp.dir;
}

function startWorkspace(dataDir: string, demoAccounts = 12): { workspace: Workspace; status: AppStatus } {
  const workspace = new Workspace({ dataDir, demoAccounts, now: () => FIXTURE_NOW });
  cleanups.unshift(() => workspace.close());
  return { workspace, status: workspace.start() };
}

/** The fixture book (Acme, Borealis) written and closed, as a store the app finds on start. */
function fixtureFolder(): { dir: string; acmeId: string } {
  const store = openFixtureStore();
  store.db.close();
  cleanups.push(store.remove);
  return { dir: store.dir, acmeId: store.ids.acmeId };
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Overwrites a few pages in the middle of the file, as a failing disk or a sync tool would. */
function damagePages(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  for (const at of [0.3, 0.5, 0.7]) writeSync(fd, Buffer.alloc(4096 * 2, 0xa5), 0, 4096 * 2, Math.floor((size * at) / 4096) * 4096);
  closeSync(fd);
}

describe('first start and the demo book (its own folder, never mixed into a real store)', () => {
  it('offers the demo book when there is no data, and makes it only when asked', async () => {
    const dir = tempDir();
    const { workspace, status } = startWorkspace(dir);
    expect(status).toMatchObject({ workspace: null, firstRun: true, problem: null });
    expect(await workspace.dispatch('portfolio.list', {})).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
    expect(existsSync(storeFileOf(dir))).toBe(false);

    const opened = await workspace.dispatch('app.openDemo', {});
    expect(opened).toMatchObject({ ok: true, data: { workspace: 'demo', problem: null } });
    const list = await workspace.dispatch('portfolio.list', {});
    expect(list.ok && (list.data as { rows: unknown[] }).rows).toHaveLength(12);
    expect(existsSync(storeFileOf(demoDirOf(dir)))).toBe(true);
    // The user's own store was not created, let alone seeded.
    expect(existsSync(storeFileOf(dir))).toBe(false);
    workspace.close();
    // The next start goes back to the demo book, not to the welcome screen.
    expect(startWorkspace(dir).status.workspace).toBe('demo');
  });

  it('keeps an empty real store empty, and one whose accounts are all tombstoned as it is', async () => {
    const empty = tempDir();
    openStore({ dataDir: empty }).close();
    const first = startWorkspace(empty);
    expect(first.status).toMatchObject({ workspace: 'real', firstRun: false, problem: null });
    const rows = await first.workspace.dispatch('portfolio.list', {});
    expect(rows.ok && (rows.data as { rows: unknown[] }).rows).toEqual([]);

    const { dir } = fixtureFolder();
    const raw = new BetterSqlite3(storeFileOf(dir));
    raw.prepare("UPDATE accounts SET deleted_at = '2026-06-01T00:00:00.000Z'").run();
    raw.close();
    const second = startWorkspace(dir);
    expect(second.status).toMatchObject({ workspace: 'real', problem: null });
    const listed = await second.workspace.dispatch('portfolio.list', {});
    expect(listed.ok && (listed.data as { rows: unknown[] }).rows).toEqual([]);
    expect(existsSync(demoDirOf(dir))).toBe(false);
  });
});

describe('store health at start-up: a clear problem naming the file, never a silent replacement', () => {
  it('reports a zero-length store file and leaves it as it is', async () => {
    const dir = tempDir();
    writeFileSync(storeFileOf(dir), '');
    const { workspace, status } = startWorkspace(dir);
    expect(status.problem).toMatchObject({ code: 'STORE_EMPTY_FILE', file: storeFileOf(dir) });
    const write = await workspace.dispatch('notes.add', { id: uuidv7(), accountId: 'a', body: 'Lost?' });
    expect(write).toMatchObject({ ok: false, error: { code: 'STORE_EMPTY_FILE' } });
    expect(statSync(storeFileOf(dir)).size).toBe(0);
    expect(existsSync(`${storeFileOf(dir)}-wal`)).toBe(false);
  });

  it('finds a damaged page before anything is read or written, and never writes to that file', async () => {
    const { dir, acmeId } = fixtureFolder();
    damagePages(storeFileOf(dir));
    const before = sha256(storeFileOf(dir));
    const { workspace, status } = startWorkspace(dir);
    expect(status.workspace).toBeNull();
    expect(status.problem).toMatchObject({ code: 'STORE_CORRUPT', file: storeFileOf(dir) });
    expect(await workspace.dispatch('notes.add', { id: uuidv7(), accountId: acmeId, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'STORE_CORRUPT' },
    });
    // "Try again" on the same damaged file keeps reporting it and still writes nothing.
    expect(await workspace.dispatch('app.reopen', {})).toMatchObject({ ok: true, data: { problem: { code: 'STORE_CORRUPT' } } });
    workspace.close();
    expect(sha256(storeFileOf(dir))).toBe(before);
  });

  it('shows a second app on the same folder that the store is in use, instead of opening it twice', async () => {
    const { dir } = fixtureFolder();
    expect(startWorkspace(dir).status).toMatchObject({ workspace: 'real', problem: null });
    const second = startWorkspace(dir);
    expect(second.status.problem).toMatchObject({ code: 'STORE_BUSY', file: storeFileOf(dir) });
    expect(second.status.problem?.detail).toMatch(new RegExp(`in use by pid ${process.pid}`));
    expect(await second.workspace.dispatch('portfolio.list', {})).toMatchObject({ ok: false, error: { code: 'STORE_BUSY' } });
  });

  it('keeps the open book when a restore is refused', async () => {
    const { dir } = fixtureFolder();
    const { workspace } = startWorkspace(dir);
    const refused = await workspace.dispatch('backups.restore', { name: 'portfolio-20260101T000000000Z.sqlite' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(workspace.status()).toMatchObject({ workspace: 'real', problem: null });
    const list = await workspace.dispatch('portfolio.list', {});
    expect(list.ok && (list.data as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it('stops writing and tells every window when SQLite finds damage while the app runs', async () => {
    const { dir, acmeId } = fixtureFolder();
    const events: string[] = [];
    const workspace = new Workspace({ dataDir: dir, now: () => FIXTURE_NOW, onEvent: (e) => events.push(e.name) });
    cleanups.unshift(() => workspace.close());
    expect(workspace.start().problem).toBeNull();
    // Damage quick_check cannot see: the full-text index's blocks overwritten with garbage.
    const raw = new BetterSqlite3(storeFileOf(dir));
    const insert = raw.prepare("INSERT INTO notes (id, account_id, body, created_at, updated_at) VALUES (?, ?, 'llamada con el cliente', 'a', 'a')");
    for (let i = 0; i < 50; i += 1) insert.run(`n${i}`, acmeId);
    raw.unsafeMode(true); // lift better-sqlite3's defensive mode so the shadow table can be overwritten
    // A fixed byte, not randomblob(): random bytes sometimes decode as a huge length, and SQLite then
    // reports "out of memory" rather than the damage (this test failed in CI that way).
    const blocks = raw.prepare('SELECT id, length(block) AS len FROM notes_fts_data WHERE id > 1').all() as { id: number; len: number }[];
    for (const { id, len } of blocks) raw.prepare('UPDATE notes_fts_data SET block = ? WHERE id = ?').run(Buffer.alloc(len, 0xa5), id);
    raw.close();
    const answer = await workspace.dispatch('notes.search', { query: 'llamada' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORE_CORRUPT' } });
    expect(events).toContain('app.status');
    expect(workspace.status().problem).toMatchObject({ code: 'STORE_CORRUPT' });
    expect(await workspace.dispatch('notes.add', { id: uuidv7(), accountId: acmeId, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'STORE_CORRUPT' },
    });
  });

  it('reports a store it cannot write at start-up, not on the first save (file permissions really enforced)', () => {
    const { dir, acmeId } = fixtureFolder();
    chmodSync(storeFileOf(dir), 0o444);
    chmodSync(dir, 0o555);
    cleanups.unshift(() => chmodSync(dir, 0o755));
    const script = [TSX, join(REPO, 'tests/integration/fixtures/workspace-status.ts'), dir, acmeId];
    // Root ignores file modes; without the capability that lets it, the modes apply to it as to anyone.
    const dropOverride = ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'];
    const child =
      process.getuid?.() === 0
        ? spawnSync('setpriv', [...dropOverride, process.execPath, ...script], { cwd: REPO, encoding: 'utf8' })
        : spawnSync(process.execPath, script, { cwd: REPO, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const { status, write } = JSON.parse(child.stdout) as { status: AppStatus; write: { error: { code: string } } };
    expect(status.problem).toMatchObject({ code: 'STORE_READONLY', file: storeFileOf(dir) });
    expect(write.error.code).toBe('STORE_READONLY');
  });

  it('names a full disk with its own code and writes nothing', () => {
    const store = openFixtureStore();
    cleanups.push(store.remove);
    const dispatch = createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW }), { log: () => undefined });
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    const result = dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'x'.repeat(60_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_FULL' } });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });

  it('names a store locked by another program with its own code', async () => {
    const { dir } = fixtureFolder();
    const holder = new BetterSqlite3(storeFileOf(dir));
    holder.exec('BEGIN EXCLUSIVE');
    cleanups.unshift(() => holder.close());
    const { status } = startWorkspace(dir);
    expect(status.problem).toMatchObject({ code: 'STORE_BUSY', file: storeFileOf(dir) });
  }, 20_000);
});

describe('two processes starting on the same fresh folder', () => {
  it('both open it, and every migration is applied exactly once', async () => {
    const dir = tempDir();
    const runs = Array.from({ length: 4 }, () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [TSX, join(REPO, 'tests/integration/fixtures/open-store-once.ts'), dir], { cwd: REPO });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      }),
    );
    for (const run of await Promise.all(runs)) expect(run.code, run.stderr).toBe(0);
    const db = new BetterSqlite3(storeFileOf(dir), { readonly: true });
    cleanups.unshift(() => db.close());
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version);
    expect(versions).toEqual([...new Set(versions)]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});
