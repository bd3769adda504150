import type { FastifyInstance } from 'fastify';
import type { Database as StoreDb } from 'better-sqlite3';
import { runAdminCommand } from '../../src-server/admin-commands';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { buildServer } from '../../src-server/http/build-server';
import { openStore } from '../../src-main/db/open-store';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { createSyncClient, type SyncTimers } from '../../src-main/sync/create-sync-client';
import type { SyncClient } from '../../src-main/sync/sync-client';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import { makeTempDir } from '../helpers/temp-store';
export { ManualTimers } from '../helpers/manual-timers';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './server-test-databases';
import { loginToken } from './sync-test-client';

export const PASSWORD = 'engine-test-pass';

/** The real sync server on a fresh database, listening on loopback, with an admin CLI and logins. */
export class TestServer {
  baseUrl = '';
  db!: Database;
  private app!: FastifyInstance;
  private target!: TestDatabase;

  async start(kind: DatabaseKind): Promise<void> {
    this.target = await createTestDatabase(kind);
    this.db = await this.target.open();
    await migrateServerDatabase(this.db);
    this.app = await buildServer({ db: this.db, logger: false });
    this.baseUrl = await this.app.listen({ port: 0, host: '127.0.0.1' });
  }

  admin(...argv: string[]): Promise<string> {
    return runAdminCommand(this.db, argv, { readPassword: async () => PASSWORD });
  }

  async createUser(email: string, role: 'csm' | 'manager', manager?: string): Promise<void> {
    await this.admin('create-user', '--email', email, '--name', email.split('@')[0]!, '--role', role, ...(manager ? ['--manager', manager] : []));
  }

  createAccount(name: string, ownerEmail: string): Promise<string> {
    return this.admin('create-account', '--name', name, '--plan', 'professional', '--arr', '50000', '--owner', ownerEmail);
  }

  async signIn(email: string): Promise<{ token: string; user: NonNullable<SyncStatus['user']> }> {
    const token = await loginToken(this.baseUrl, email, PASSWORD);
    const me = await fetch(`${this.baseUrl}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    return { token, user: ((await me.json()) as { user: NonNullable<SyncStatus['user']> }).user };
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.db?.close();
    await this.target?.dispose();
  }
}

/** One wall clock for every device of a test run, so the edit made later in a test has the later HLC. */
let wallClock = Date.parse('2026-11-20T10:00:00.000Z');

/** Timers that never fire: rounds run only when a test calls syncNow(), so every step is explicit. */
export const HELD_TIMERS: SyncTimers = { set: () => 0, clear: () => undefined };

/**
 * A signed-in device: its own real SQLite store and a real sync engine talking to the server over
 * HTTP through `network`, which a test can switch off or make lose answers.
 */
export class Device {
  readonly db: StoreDb;
  readonly notes: NotesRepository;
  readonly client: SyncClient;
  readonly changed: string[][] = [];
  readonly statuses: SyncStatus[] = [];
  online = true;
  /** Called before each request goes out; may throw to drop it, or act (a user typing mid-pull). */
  beforeRequest: ((url: string, init?: RequestInit) => void) | null = null;
  /** Called after the server answered; throwing loses the answer (the request still took effect). */
  afterAnswer: ((url: string) => void) | null = null;
  requests = 0;
  private readonly temp = makeTempDir('csm-engine-device-');

  constructor(server: TestServer, readonly session: { token: string; user: NonNullable<SyncStatus['user']> }, options: { timers?: SyncTimers } = {}) {
    this.db = openStore({ dataDir: this.temp.dir });
    this.notes = new NotesRepository(this.db);
    this.client = createSyncClient({
      db: this.db,
      serverUrl: server.baseUrl.replace(/\/$/, ''),
      token: session.token,
      user: session.user,
      onStatus: (status) => this.statuses.push(status),
      onDataChanged: (accountIds) => this.changed.push(accountIds),
      now: () => this.now(),
      random: () => 0.5,
      fetch: (input, init) => this.fetch(String(input), init),
      timers: options.timers ?? HELD_TIMERS,
    });
  }

  /** A later moment on each call (of any device), so edits get clocks in the order they are made. */
  now(): Date {
    wallClock += 1000;
    return new Date(wallClock);
  }

  private async fetch(url: string, init?: RequestInit): Promise<Response> {
    this.requests++;
    if (!this.online) throw new TypeError('fetch failed: network is down');
    this.beforeRequest?.(url, init);
    const response = await fetch(url, init);
    this.afterAnswer?.(url);
    return response;
  }

  addNote(id: string, accountId: string, body: string): void {
    this.notes.insertIfNew({ id, accountId, touchpointId: null, authorId: this.session.user.id, body }, this.now());
    this.client.nudge();
  }

  editNote(id: string, body: string): void {
    this.notes.updateBody(id, body, this.now());
    this.client.nudge();
  }

  noteBody(id: string): string | undefined {
    return this.notes.find(id)?.note.body;
  }

  accountNames(): string[] {
    return (this.db.prepare('SELECT name FROM accounts ORDER BY name').all() as Array<{ name: string }>).map((row) => row.name);
  }

  rowCount(table: string, accountId: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`).get(accountId) as { n: number }).n;
  }

  outbox(): Array<{ status: string; code: string | null }> {
    return (this.db.prepare('SELECT status, rejection_json FROM outbox ORDER BY id').all() as Array<{ status: string; rejection_json: string | null }>).map(
      (row) => ({ status: row.status, code: row.rejection_json ? (JSON.parse(row.rejection_json) as { code: string }).code : null }),
    );
  }

  async close(): Promise<void> {
    await this.client.stop();
    this.db.close();
    this.temp.remove();
  }
}
