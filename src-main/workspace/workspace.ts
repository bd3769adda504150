import { existsSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { AppStatus, StoreProblem, StoreProblemCode } from '../../src-shared/ipc/app-status';
import type { IpcRequest } from '../../src-shared/ipc/contract';
import { ServiceError, type IpcResult } from '../../src-shared/ipc/ipc-error';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import { isWorkspaceOperation, type WorkspaceOperationName } from '../../src-shared/ipc/operation-names';
import { openApp, type OpenApp } from '../app/open-app';
import { storeFileOf, StoreProblemError } from '../db/open-store';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { storeErrorMessage, storeProblemOf } from '../db/store-errors';
import { acquireStoreLock, StoreInUseError } from '../db/store-lock';
import { parseIpcRequest } from '../ipc/ipc-dispatcher';
import { setAsideStore } from '../session/discard-store';
import { FileSecretStore } from '../session/secret-store';
import { problemsCsv } from '../session/sync-problems';
import { SyncSession } from '../session/sync-session';
import { createSyncClient } from '../sync/create-sync-client';
import { resetSyncIdentity } from '../db/repositories/sync-progress-repository';
import { BackupSchedule } from './backup-schedule';
import { keepScoresFresh } from './score-refresh';
import { demoDirOf, ensureDemoStore } from './demo-store';
import { ipcResultOf } from './ipc-result-of';
import type { WorkspaceOptions } from './workspace-options';

export type { WorkspaceEvent, WorkspaceOptions } from './workspace-options';

/**
 * Which book is open and what is wrong with it. Opens the user's store when it exists (checked
 * whole and writable first), else the demo book when one was made, else nothing: the first start
 * offers the demo book. A damaged, empty, read-only or foreign store is reported, never replaced,
 * and every store operation then answers with that problem instead of touching the file.
 */
export class Workspace {
  private app: OpenApp | null = null;
  /** The damaged file as it was when reported (inode, size, time): reopened only once it changed. */
  private damagedSignature: string | null = null;
  private releaseLock: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stopRescoring: (() => void) | null = null;
  private kind: 'real' | 'demo' | null = null;
  private openedAt: string | null = null;
  private problem: StoreProblem | null = null;
  private readonly now: () => Date;
  /** The folder of the user's book: the data folder signed out, `servers/<key>/<user>/` signed in. */
  private storeDir: string;
  private backups: BackupSchedule;
  private readonly session: SyncSession;

  constructor(private readonly options: WorkspaceOptions) {
    this.now = options.now ?? (() => new Date());
    this.storeDir = options.dataDir;
    this.backups = this.backupsOf(options.dataDir);
    this.session = new SyncSession({
      dataDir: options.dataDir,
      secrets: options.secrets ?? new FileSecretStore(),
      createSyncClient: options.createSyncClient ?? createSyncClient,
      ...(options.auth ? { auth: options.auth } : {}),
      ...(options.clientExtras ? { clientExtras: options.clientExtras } : {}),
      onStatus: (data) => options.onEvent?.({ name: 'sync.status', data }),
      onDataChanged: (accountIds) => options.onEvent?.({ name: 'data.changed', data: { operation: 'sync.pull', accountIds } }),
      report: (message) => options.onProgress?.(message),
    });
  }

  private get storeFile(): string {
    return storeFileOf(this.storeDir);
  }

  private backupsOf(dir: string): BackupSchedule {
    const options = this.options;
    return new BackupSchedule({
      dataDir: dir,
      now: this.now,
      ...(options.backupIntervalMs === undefined ? {} : { intervalMs: options.backupIntervalMs }),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.makeBackup ? { makeBackup: options.makeBackup } : {}),
      report: (message) => options.onProgress?.(message),
      // A copy that fails quick_check means the store it was made from is damaged.
      onStoreDamaged: (error, file) => this.onStoreProblem('STORE_CORRUPT', error, file),
    });
  }

  /** Opens the book a start should open; never throws for a problem with the store file. */
  start(): AppStatus {
    if (this.options.startInDemo) {
      this.problem = null;
      this.useStoreDir(this.session.dir() ?? this.options.dataDir);
      this.openDemo();
    } else this.openUsualBook();
    return this.status();
  }

  /**
   * The signed-in user's synced book (created when missing: it fills from the server), else the
   * local book, else the demo book when one was made, else nothing (the first-start screen).
   */
  private openUsualBook(): void {
    this.problem = null;
    const signedIn = this.session.dir();
    this.useStoreDir(signedIn ?? this.options.dataDir);
    if (existsSync(this.storeFile) || signedIn) this.openReal(signedIn !== null);
    else if (existsSync(storeFileOf(demoDirOf(this.options.dataDir)))) this.openDemo();
  }

  /** Points the workspace at another book folder: its own lock and backups go with it. */
  private useStoreDir(dir: string): void {
    if (dir === this.storeDir) return;
    this.closeStore();
    this.dropLock();
    this.backups.stop();
    this.storeDir = dir;
    this.backups = this.backupsOf(dir);
  }

  status(): AppStatus {
    return {
      workspace: this.kind,
      storeFile: this.storeFile,
      firstRun: this.app === null && this.problem === null && !existsSync(this.storeFile),
      problem: this.problem,
      openedAt: this.openedAt,
    };
  }

  /** One request from a window or tab: checked against the contract, then answered here or by the open store. */
  async dispatch(operation: unknown, payload: unknown): Promise<IpcResult<unknown>> {
    const checked = parseIpcRequest(operation, payload);
    if (!checked.ok) return checked;
    const name = checked.parsed.operation;
    if (isWorkspaceOperation(name)) return this.workspaceOperation(name, checked.parsed.request);
    if (!this.app) {
      const problem = this.problem;
      return problem
        ? { ok: false, error: { code: problem.code, message: `${problem.file}: ${storeErrorMessage(problem.code)}` } }
        : { ok: false, error: { code: 'STORE_UNAVAILABLE', message: 'No book is open: open the demo book first' } };
    }
    return this.app.handle(checked.parsed);
  }

  close(): void {
    void this.session.detach();
    this.closeStore();
    this.backups.stop();
    this.dropLock();
  }

  /**
   * Operations that open, close or replace the book run one at a time, whichever window asked: a
   * restore copying a large backup must not have another tab reopen the store under it.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private workspaceOperation(name: WorkspaceOperationName, request: unknown): Promise<IpcResult<unknown>> {
    switch (name) {
      case 'app.status':
        return Promise.resolve({ ok: true, data: this.status() });
      case 'sync.status':
        return Promise.resolve({ ok: true, data: this.session.status() });
      case 'backups.list':
        return this.guarded(name, async () => ({ backups: this.backups.list() }));
      // A round never overlaps another (the client queues it), so it need not wait for book changes.
      case 'sync.now':
        return this.guarded(name, () => this.session.syncNow());
      case 'sync.problems':
        return this.guarded(name, async () => ({ problems: this.session.problems() }));
      case 'sync.exportProblems':
        return this.guarded(name, async () => problemsCsv(this.session.problems(), this.now()));
      default:
        return this.exclusive(() => this.guarded(name, () => this.changeBook(name, request)));
    }
  }

  /** Signs in and opens that user's synced book (made on the first sign-in; it fills from the server). */
  private async signIn({ serverUrl, email, password }: IpcRequest<'sync.signIn'>): Promise<SyncStatus> {
    const { dir, token } = await this.session.signIn(serverUrl, email, password);
    await this.session.detach();
    this.useStoreDir(dir);
    this.problem = null;
    this.openReal(true, token);
    this.announce();
    return this.session.status();
  }

  /**
   * Signs out and opens the local book. Changes the server has not acknowledged block it unless the
   * user chose to discard them; the synced book stays on disk either way (set aside when discarded).
   */
  private async signOut({ discardUnsynced }: IpcRequest<'sync.signOut'>): Promise<SyncStatus> {
    const session = this.session.current;
    if (!session) return this.session.status();
    const pending = this.session.pending();
    if (pending > 0 && !discardUnsynced) {
      throw new ServiceError(
        'UNSYNCED_CHANGES',
        `${pending} local change(s) have not reached ${session.serverUrl} yet: sync first, or sign out discarding them`,
        undefined,
        { pending },
      );
    }
    await this.session.detach();
    const signedInDir = this.storeDir;
    this.closeStore();
    this.dropLock();
    await this.session.signOut();
    if (pending > 0) {
      const aside = setAsideStore(signedInDir, this.now());
      this.options.onProgress?.(`Signed out discarding ${pending} unsynced change(s); the book was kept in ${aside}`);
    }
    this.openUsualBook();
    this.announce();
    return this.session.status();
  }

  private async changeBook(name: WorkspaceOperationName, request: unknown): Promise<unknown> {
    switch (name) {
      case 'app.openDemo':
        this.openDemo();
        return this.announce();
      case 'app.reopen':
        // A damaged file stays reported until it changes (a restore, a copy put back by hand):
        // reopening it would write to it before the whole-file check finds the damage again.
        if (this.problem?.code !== 'STORE_CORRUPT' || fileSignature(this.problem.file) !== this.damagedSignature) {
          this.closeStore();
          this.start();
        }
        return this.announce();
      case 'backups.create': {
        if (this.kind !== 'real' || !this.app) {
          throw new ServiceError('STORE_UNAVAILABLE', 'Only your own book is backed up; it is not open');
        }
        return { backup: await this.backups.createNow(this.app.db) };
      }
      case 'sync.signIn':
        return this.signIn(request as IpcRequest<'sync.signIn'>);
      case 'sync.signOut':
        return this.signOut(request as IpcRequest<'sync.signOut'>);
      case 'backups.restore': {
        const { name: backupName } = request as IpcRequest<'backups.restore'>;
        const previous = this.kind;
        await this.backups.idle();
        await this.session.detach();
        this.closeStore();
        try {
          await this.backups.restore(backupName);
        } catch (error) {
          // Refused (a damaged backup, a lock): the book that was open opens again, unchanged.
          if (previous === 'demo') this.openDemo();
          else if (existsSync(this.storeFile)) this.openReal();
          throw error;
        }
        this.openReal(false, undefined, true);
        return this.announce();
      }
      default:
        throw new Error(`${name} is not a workspace change`);
    }
  }

  /** Runs a workspace operation and turns whatever it throws into the IPC error shape. */
  private guarded(name: WorkspaceOperationName, work: () => Promise<unknown>): Promise<IpcResult<unknown>> {
    return ipcResultOf(name, work, this.options.onProgress);
  }

  /**
   * The user's store, under the store lock taken before anything opens or writes it. A signed-in
   * book starts syncing once open (`token` when just signed in); `restored` gives it a new identity first.
   */
  private openReal(create = false, token?: string, restored = false): void {
    this.closeStore();
    try {
      this.releaseLock ??= acquireStoreLock(this.storeDir);
    } catch (error) {
      // In use by another app, or a folder that cannot be written (the lock is a file beside the store).
      const code = error instanceof StoreInUseError ? 'STORE_BUSY' : storeProblemOf(error);
      if (!code) throw error;
      this.problem = { code, file: this.storeFile, detail: error instanceof Error ? error.message : String(error) };
      return;
    }
    this.open(this.storeDir, create);
    if (this.kind === 'real' && this.app) {
      this.backups.start(this.app.db);
      if (this.storeDir === this.session.dir()) {
        if (restored) this.resetIdentity(this.app.db);
        this.session.attach(this.app.db, token);
      }
    } else this.dropLock(); // a damaged store, or a demo book where the user's store should be
  }

  private resetIdentity(db: Database): void {
    (this.options.resetSyncIdentity ?? resetSyncIdentity)(db);
  }

  private dropLock(): void {
    this.releaseLock?.();
    this.releaseLock = null;
  }

  private openDemo(): void {
    this.closeStore();
    this.dropLock();
    const demoDir = demoDirOf(this.options.dataDir);
    try {
      ensureDemoStore(demoDir, {
        accounts: this.options.demoAccounts ?? 150,
        now: this.now(),
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        ...(this.options.onProgress ? { onProgress: this.options.onProgress } : {}),
      });
    } catch (error) {
      if (!(error instanceof StoreProblemError)) throw error;
      this.problem = error.problem;
      return;
    }
    this.open(demoDir, true);
  }

  private open(dataDir: string, create: boolean): void {
    this.closeStore();
    try {
      this.app = openApp({
        dataDir,
        create,
        now: this.now,
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        ...(this.options.validateResponses ? { validateResponses: true } : {}),
        ...(this.options.checkBudgetMs === undefined ? {} : { checkBudgetMs: this.options.checkBudgetMs }),
        ...(this.options.onProgress ? { onProgress: this.options.onProgress } : {}),
        ...(dataDir === this.session.dir() && this.session.current ? { localUserId: this.session.current.user.id } : {}),
        onStoreProblem: (code, error) => this.onStoreProblem(code, error),
      });
    } catch (error) {
      if (!(error instanceof StoreProblemError)) throw error;
      if (error.problem.code === 'STORE_CORRUPT') this.markDamaged(error.problem);
      else this.problem = error.problem;
      this.options.onProgress?.(`The store cannot be used: ${error.message}`);
      return;
    }
    this.problem = null;
    this.openedAt = this.now().toISOString();
    this.kind = new SyncStateRepository(this.app.db).isDemoBook() ? 'demo' : 'real';
    this.app.onDataChanged((data) => {
      this.options.onEvent?.({ name: 'data.changed', data });
      if (this.session.attached) this.session.localWrite();
    });
    const opened = this.app;
    this.stopRescoring = keepScoresFresh(opened.ctx, this.now, {
      onStoreProblem: (code, error) => this.onStoreProblem(code, error, opened.db.name),
      report: (message) => this.options.onProgress?.(message),
      onHistoryKept: () => this.options.onEvent?.({ name: 'data.changed', data: { operation: 'scores.history', accountIds: [] } }),
    });
    void this.options.fullCheck?.(opened.db.name).then((findings) => {
      if (findings.length && this.app === opened) this.onStoreProblem('STORE_CORRUPT', new Error(`quick_check: ${findings.join('; ')}`));
    });
  }

  /** A damaged page found while serving a request: stop writing to the file at once and tell every window. */
  private onStoreProblem(code: StoreProblemCode, error: unknown, file = this.app?.db.name): void {
    if (code !== 'STORE_CORRUPT' || !this.app || this.app.db.name !== file) return;
    this.closeStore();
    this.markDamaged({ code, file, detail: error instanceof Error ? error.message : String(error) });
    this.announce();
  }

  private markDamaged(problem: StoreProblem): void {
    this.problem = problem;
    this.damagedSignature = fileSignature(problem.file);
  }

  private closeStore(): void {
    // The graceful paths stopped the client already; a damaged store stops it here, without waiting.
    if (this.session.attached) void this.session.detach();
    this.stopRescoring?.();
    this.stopRescoring = null;
    if (this.kind === 'real') this.backups.stop();
    this.app?.close();
    this.app = null;
    this.kind = null;
    this.openedAt = null;
  }

  private announce(): AppStatus {
    const status = this.status();
    this.options.onEvent?.({ name: 'app.status', data: status });
    return status;
  }
}

/** Identifies one version of a file on disk; null when it is gone. */
function fileSignature(file: string): string | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : null;
}
