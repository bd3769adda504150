import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { SIGNED_OUT_STATUS, type SyncProblem, type SyncStatus } from '../../src-shared/ipc/sync-status';
import { SyncProblemsRepository } from '../db/repositories/sync-problems-repository';
import type { SyncClient, SyncClientOptions } from '../sync/sync-client';
import { AuthClient } from './auth-client';
import type { SecretStore } from './secret-store';
import { forgetSession, readSession, writeSession, type RememberedSession } from './session-file';
import { sessionDirOf } from './session-paths';
import { MAX_LISTED_PROBLEMS, toSyncProblem } from './sync-problems';

export interface SyncSessionOptions {
  dataDir: string;
  secrets: SecretStore;
  createSyncClient: (options: SyncClientOptions) => SyncClient;
  auth?: AuthClient;
  /** Every change of what sync.status answers; the workspace pushes it to the windows. */
  onStatus: (status: SyncStatus) => void;
  /** A pull changed these accounts; the workspace pushes `data.changed`. */
  onDataChanged: (accountIds: string[]) => void;
  report: (message: string) => void;
  /** The device name the server records with the token (default: the OS host name). */
  device?: string;
  /** Handed to the sync client (tests, the simulation). */
  clientExtras?: Pick<SyncClientOptions, 'now' | 'random' | 'fetch'>;
}

/**
 * The team-server session: who is signed in where (session.json), their token (the SecretStore),
 * and the sync client of their book while it is open. The workspace decides which book is open and
 * attaches the session to it only when it is that user's synced book, never the demo or local book.
 */
export class SyncSession {
  private remembered: RememberedSession | null;
  private client: SyncClient | null = null;
  private db: Database | null = null;
  /** Bumped on every attach and detach, so a token read that finishes late starts nothing. */
  private generation = 0;
  private problem: SyncStatus['error'] = null;
  private readonly auth: AuthClient;

  constructor(private readonly options: SyncSessionOptions) {
    this.remembered = readSession(options.dataDir, options.report);
    this.auth = options.auth ?? new AuthClient();
  }

  get current(): RememberedSession | null {
    return this.remembered;
  }

  /** The signed-in user's book folder, or null when signed out. */
  dir(): string | null {
    return this.remembered ? sessionDirOf(this.options.dataDir, this.remembered.serverUrl, this.remembered.user.id) : null;
  }

  /**
   * Signs in: the server's versions and the password are checked first; only then is the token kept
   * and the session remembered (nothing is written for a refused sign-in). Returns the token so the
   * book can start syncing without reading it back.
   */
  async signIn(serverUrl: string, email: string, password: string): Promise<{ dir: string; token: string }> {
    if (this.remembered) throw new ServiceError('CONFLICT', `Already signed in as ${this.remembered.user.email}; sign out first`);
    const { token, user } = await this.auth.login(serverUrl, { email, password, device: this.options.device ?? deviceName() });
    const dir = sessionDirOf(this.options.dataDir, serverUrl, user.id);
    await this.options.secrets.write(dir, token);
    writeSession(this.options.dataDir, { serverUrl, user });
    this.remembered = { serverUrl, user };
    this.problem = null;
    return { dir, token };
  }

  /** Revokes the token (best effort), deletes it and forgets the session. Detach first. */
  async signOut(): Promise<void> {
    const session = this.remembered;
    const dir = this.dir();
    if (!session || !dir) return;
    const token = await this.options.secrets.read(dir).catch(() => null);
    if (token && !(await this.auth.logout(session.serverUrl, token))) {
      this.options.report(`Signing out: ${session.serverUrl} could not be told; the token was deleted here anyway.`);
    }
    await this.options.secrets.remove(dir);
    forgetSession(this.options.dataDir);
    this.remembered = null;
    this.problem = null;
    this.emit();
  }

  /** Starts syncing the open signed-in book; `token` when the caller has it (just signed in). */
  attach(db: Database, token?: string): void {
    const session = this.remembered;
    const dir = this.dir();
    if (!session || !dir) return;
    this.db = db;
    const generation = ++this.generation;
    if (token !== undefined) return this.startClient(db, session, token);
    // The token comes from the host (the OS keychain in Electron): the book is usable meanwhile.
    void this.options.secrets
      .read(dir)
      .catch((error: unknown) => {
        this.options.report(`The sign-in token could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .then((found) => {
        if (generation !== this.generation) return;
        if (found) return this.startClient(db, session, found);
        this.problem = { code: 'UNAUTHENTICATED', message: 'The sign-in token of this computer is missing; sign out and sign in again.' };
        this.emit();
      });
    this.emit();
  }

  private startClient(db: Database, session: RememberedSession, token: string): void {
    this.client = this.options.createSyncClient({
      db,
      serverUrl: session.serverUrl,
      token,
      user: session.user,
      onStatus: () => this.emit(),
      onDataChanged: (accountIds) => this.options.onDataChanged(accountIds),
      ...this.options.clientExtras,
    });
    this.client.start();
    this.emit();
  }

  /** Stops the sync client (waiting for a round in progress) before its book closes. */
  async detach(): Promise<void> {
    this.generation += 1;
    const client = this.client;
    this.client = null;
    this.db = null;
    await client?.stop();
  }

  get attached(): boolean {
    return this.db !== null;
  }

  /** A local write committed: sync soon, and tell the windows the pending count moved. */
  localWrite(): void {
    this.client?.nudge();
    if (this.db) this.emit();
  }

  async syncNow(): Promise<SyncStatus> {
    if (this.client) await this.client.syncNow();
    return this.status();
  }

  /** Local changes the server has not acknowledged, in the attached book (0 when none is open). */
  pending(): number {
    return this.db ? new SyncProblemsRepository(this.db).counts().pending : 0;
  }

  problems(): SyncProblem[] {
    return this.db ? new SyncProblemsRepository(this.db).rejected(MAX_LISTED_PROBLEMS).map(toSyncProblem) : [];
  }

  status(): SyncStatus {
    const session = this.remembered;
    if (!session) return SIGNED_OUT_STATUS;
    // Attached without a client yet: its token is on the way and the first round follows at once.
    const waiting = this.db ? 'syncing' : 'offline';
    const base: SyncStatus = this.client?.status() ?? {
      ...SIGNED_OUT_STATUS,
      phase: this.problem ? 'error' : waiting,
      serverUrl: session.serverUrl,
      user: session.user,
      error: this.problem,
    };
    // The counts come from the store itself: a note saved a moment ago is pending before the
    // client's next round recounts.
    const counts = this.db ? new SyncProblemsRepository(this.db).counts() : { pending: base.pending, rejected: base.rejected };
    return { ...base, serverUrl: session.serverUrl, user: session.user, ...counts };
  }

  private emit(): void {
    try {
      this.options.onStatus(this.status());
    } catch (error) {
      // A closed store between a client's round and this push: the next change reports again.
      this.options.report(`Sync status not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The name the server lists this device under (admins revoke tokens by it). */
function deviceName(): string {
  return hostname().trim().slice(0, 200) || 'CSM Workstation';
}
