import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storeFileOf } from '../../src-main/db/open-store';
import { sessionFileOf } from '../../src-main/session/session-file';
import { serverKeyOf } from '../../src-main/session/session-paths';
import { tokenFileOf } from '../../src-main/session/secret-store';
import type { SyncClient, SyncClientOptions } from '../../src-main/sync/sync-client';
import { Workspace, type WorkspaceEvent, type WorkspaceOptions } from '../../src-main/workspace/workspace';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import type { IpcResult } from '../../src-shared/ipc/ipc-error';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import { startTeamServer, type TeamServer } from '../helpers/team-server';
import { makeTempDir, openFixtureStore } from '../helpers/temp-store';

const PASSWORD = 'correct horse battery';
let server: TeamServer;
let ana: { id: string; email: string };

beforeAll(async () => {
  server = await startTeamServer();
  ana = await server.addUser({ email: 'ana@example.com', name: 'Ana Ruiz', password: PASSWORD });
}, 60_000);
afterAll(() => server?.close());

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

/** A sync client double: records what the workspace started it with. */
function fakeEngine() {
  const started: SyncClientOptions[] = [];
  const stopped: string[] = [];
  const create = (options: SyncClientOptions): SyncClient => {
    started.push(options);
    const status = (): SyncStatus => ({ phase: 'idle', serverUrl: options.serverUrl, user: options.user, pending: 0, rejected: 0, lastSyncedAt: null, error: null });
    return { start: () => undefined, nudge: () => undefined, syncNow: async () => status(), status, stop: async () => void stopped.push(options.token) };
  };
  return { started, stopped, create };
}

function open(dataDir: string, engine = fakeEngine(), extra: Partial<WorkspaceOptions> = {}) {
  const events: WorkspaceEvent[] = [];
  const workspace = new Workspace({ dataDir, demoAccounts: 5, createSyncClient: engine.create, onEvent: (e) => events.push(e), ...extra });
  cleanups.unshift(() => workspace.close());
  const call = async <T>(operation: string, payload: unknown = {}): Promise<IpcResult<T>> =>
    (await workspace.dispatch(operation, payload)) as IpcResult<T>;
  return { workspace, events, engine, call, status: workspace.start() };
}

function newDataDir(): string {
  const temp = makeTempDir('csm-session-');
  cleanups.push(temp.remove);
  return temp.dir;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('signing in to a team server (real server on PGlite)', () => {
  it('a wrong password is BAD_CREDENTIALS and nothing is written', async () => {
    const dataDir = newDataDir();
    const { call } = open(dataDir);
    const result = await call('sync.signIn', { serverUrl: server.url, email: ana.email, password: 'nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(existsSync(sessionFileOf(dataDir))).toBe(false);
    expect(existsSync(join(dataDir, 'servers'))).toBe(false);
  });

  it('a bad address names the field; a closed port is SERVER_UNREACHABLE', async () => {
    const { call } = open(newDataDir());
    for (const serverUrl of ['ftp://example.com', 'http://ana:secret@example.com', 'not a url']) {
      const result = await call('sync.signIn', { serverUrl, email: ana.email, password: PASSWORD });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'serverUrl' } });
    }
    const unreachable = await call('sync.signIn', { serverUrl: 'http://127.0.0.1:9', email: ana.email, password: PASSWORD });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
  });

  it('the right password opens a new store under servers/, remembers the session, keeps the token 0600 and starts syncing', async () => {
    const dataDir = newDataDir();
    const { call, engine, events } = open(dataDir);
    const signedIn = await call<SyncStatus>('sync.signIn', { serverUrl: `${server.url}/`, email: ana.email, password: PASSWORD });
    expect(signedIn).toMatchObject({ ok: true, data: { serverUrl: server.url, user: { id: ana.id, name: 'Ana Ruiz', role: 'csm' } } });
    const dir = join(dataDir, 'servers', serverKeyOf(server.url), ana.id);
    expect(serverKeyOf(server.url)).toMatch(/^127\.0\.0\.1_\d+$/);
    const app = (await call<AppStatus>('app.status')) as { ok: true; data: AppStatus };
    expect(app.data).toMatchObject({ workspace: 'real', storeFile: storeFileOf(dir), problem: null });
    expect(existsSync(storeFileOf(dir))).toBe(true);
    expect(existsSync(storeFileOf(dataDir))).toBe(false); // the local book is not made

    const remembered = JSON.parse(readFileSync(sessionFileOf(dataDir), 'utf8'));
    expect(remembered).toEqual({ serverUrl: server.url, user: { id: ana.id, email: ana.email, name: 'Ana Ruiz', role: 'csm' } });
    const token = readFileSync(tokenFileOf(dir), 'utf8');
    expect(readFileSync(sessionFileOf(dataDir), 'utf8')).not.toContain(token);
    expect(statSync(tokenFileOf(dir)).mode & 0o777).toBe(0o600);

    expect(engine.started).toHaveLength(1);
    expect(engine.started[0]).toMatchObject({ serverUrl: server.url, token, user: { id: ana.id } });
    expect(events.some((e) => e.name === 'sync.status' && e.data.user?.id === ana.id)).toBe(true);
    expect(events.some((e) => e.name === 'app.status' && e.data.storeFile === storeFileOf(dir))).toBe(true);
    // The token works on the server.
    const me = await fetch(`${server.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });

  it('starts into the remembered session after a restart, and reads the token to sync', async () => {
    const dataDir = newDataDir();
    const first = open(dataDir);
    await first.call('sync.signIn', { serverUrl: server.url, email: ana.email, password: PASSWORD });
    first.workspace.close();

    const second = open(dataDir);
    const dir = join(dataDir, 'servers', serverKeyOf(server.url), ana.id);
    expect(second.status).toMatchObject({ workspace: 'real', storeFile: storeFileOf(dir) });
    await tick();
    expect(second.engine.started).toHaveLength(1);
    expect(second.engine.started[0]?.token).toBe(readFileSync(tokenFileOf(dir), 'utf8'));
    expect(await second.call('sync.status')).toMatchObject({ ok: true, data: { user: { id: ana.id }, phase: 'idle' } });
  });

  it('sign-out with pending changes is refused with the count, then discards them on request', async () => {
    const dataDir = newDataDir();
    const { call, engine } = open(dataDir);
    const signedIn = await call<SyncStatus>('sync.signIn', { serverUrl: server.url, email: ana.email, password: PASSWORD });
    expect(signedIn.ok).toBe(true);
    const dir = join(dataDir, 'servers', serverKeyOf(server.url), ana.id);
    const token = readFileSync(tokenFileOf(dir), 'utf8');
    // A change waiting in the outbox, written beside the open store (WAL allows a second connection).
    const side = new BetterSqlite3(storeFileOf(dir));
    side
      .prepare(`INSERT INTO outbox (entity, row_id, account_id, op, fields_json, hlc, created_at) VALUES ('notes', 'n1', 'a1', 'upsert', '{}', '000000000000001-000000-c', ?)`)
      .run(new Date().toISOString());
    side.close();

    expect(await call('sync.status')).toMatchObject({ ok: true, data: { pending: 1 } });
    const refused = await call('sync.signOut', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSYNCED_CHANGES', pending: 1 } });
    expect(existsSync(sessionFileOf(dataDir))).toBe(true);

    const out = await call<SyncStatus>('sync.signOut', { discardUnsynced: true });
    expect(out).toMatchObject({ ok: true, data: { phase: 'signed-out', user: null } });
    expect(engine.stopped).toEqual([token]);
    expect(existsSync(sessionFileOf(dataDir))).toBe(false);
    expect(existsSync(tokenFileOf(dir))).toBe(false);
    expect(existsSync(storeFileOf(dir))).toBe(false);
    expect(readdirSync(join(dir, 'discarded')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    // The server revoked the token (logout is best effort, and here the server is up).
    expect((await fetch(`${server.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // Signed out with no local book: the first-start screen.
    expect(await call('app.status')).toMatchObject({ ok: true, data: { workspace: null, storeFile: storeFileOf(dataDir) } });
  });

  it('signing out keeps the synced book on disk and opens the local book; signing in again continues from it', async () => {
    const local = openFixtureStore();
    local.db.close();
    cleanups.push(local.remove);
    const { call } = open(local.dir);
    await call('sync.signIn', { serverUrl: server.url, email: ana.email, password: PASSWORD });
    const dir = join(local.dir, 'servers', serverKeyOf(server.url), ana.id);
    const marker = new BetterSqlite3(storeFileOf(dir));
    marker.prepare("INSERT INTO sync_state (key, value) VALUES ('test_marker', 'kept')").run();
    marker.close();

    expect(await call('sync.signOut', {})).toMatchObject({ ok: true, data: { phase: 'signed-out' } });
    expect(await call('app.status')).toMatchObject({ ok: true, data: { workspace: 'real', storeFile: storeFileOf(local.dir) } });
    expect(await call('portfolio.list')).toMatchObject({ ok: true });
    expect(existsSync(storeFileOf(dir))).toBe(true);

    await call('sync.signIn', { serverUrl: server.url, email: ana.email, password: PASSWORD });
    const again = new BetterSqlite3(storeFileOf(dir), { readonly: true });
    expect(again.prepare("SELECT value FROM sync_state WHERE key = 'test_marker'").get()).toEqual({ value: 'kept' });
    again.close();
  });

  it('restoring a backup of the synced book gives it a new sync identity before syncing again', async () => {
    const dataDir = newDataDir();
    const resets: string[] = [];
    const { call, engine } = open(dataDir, fakeEngine(), { resetSyncIdentity: (db) => void resets.push(db.name) });
    await call('sync.signIn', { serverUrl: server.url, email: ana.email, password: PASSWORD });
    const backup = (await call<{ backup: { name: string } }>('backups.create')) as { ok: true; data: { backup: { name: string } } };
    expect(backup.ok).toBe(true);
    expect(await call('backups.restore', { name: backup.data.backup.name })).toMatchObject({ ok: true });
    const dir = join(dataDir, 'servers', serverKeyOf(server.url), ana.id);
    expect(resets).toEqual([storeFileOf(dir)]);
    expect(existsSync(join(dir, 'backups'))).toBe(true);
    await tick();
    expect(engine.started).toHaveLength(2);
    expect(engine.stopped).toHaveLength(1);
  });

  it('the demo book never syncs, even with a remembered session', async () => {
    const dataDir = newDataDir();
    const first = open(dataDir);
    await first.call('sync.signIn', { serverUrl: server.url, email: ana.email, password: PASSWORD });
    first.workspace.close();
    const demo = open(dataDir, fakeEngine(), { startInDemo: true });
    expect(demo.status).toMatchObject({ workspace: 'demo' });
    await tick();
    expect(demo.engine.started).toEqual([]);
    expect(await demo.call('sync.now')).toMatchObject({ ok: true });
    expect(demo.engine.started).toEqual([]);
  });

  it('a garbled session.json is ignored: the app starts signed out', async () => {
    const dataDir = newDataDir();
    writeFileSync(sessionFileOf(dataDir), '{not json');
    const { call, status } = open(dataDir);
    expect(status.workspace).toBeNull();
    expect(await call('sync.status')).toMatchObject({ ok: true, data: { phase: 'signed-out' } });
  });
});
