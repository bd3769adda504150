import { existsSync, statSync } from 'node:fs';
import type { AppStatus, BackupInfo, StoreProblem, StoreProblemCode } from '../../src-shared/ipc/app-status';
import type { IpcRequest } from '../../src-shared/ipc/contract';
import { ServiceError, type IpcResult } from '../../src-shared/ipc/ipc-error';
import { isWorkspaceOperation, type DataChangedEvent, type WorkspaceOperationName } from '../../src-shared/ipc/operation-names';
import { openApp, type OpenApp } from '../app/open-app';
import { storeFileOf, StoreProblemError } from '../db/open-store';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { storeErrorMessage, storeProblemOf } from '../db/store-errors';
import { acquireStoreLock, StoreInUseError } from '../db/store-lock';
import { MS_PER_DAY } from '../../src-shared/schedule/utc-date';
import { parseIpcRequest } from '../ipc/ipc-dispatcher';
import { ScoreService } from '../services/score-service';
import { BackupSchedule } from './backup-schedule';
import { demoDirOf, ensureDemoStore } from './demo-store';

/** Pushes from the workspace to every window or tab. */
export type WorkspaceEvent = { name: 'data.changed'; data: DataChangedEvent } | { name: 'app.status'; data: AppStatus };

export interface WorkspaceOptions {
  /** The user's data folder; the demo book lives in its `demo/` subfolder. */
  dataDir: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Open the demo book at start (`--demo`), creating it when needed. */
  startInDemo?: boolean;
  demoAccounts?: number;
  validateResponses?: boolean;
  /** Time the start-up integrity check may take beyond the core tables (see openStore). */
  checkBudgetMs?: number;
  /** Hours of use between automatic backups of the user's store. */
  backupIntervalMs?: number;
  onEvent?: (event: WorkspaceEvent) => void;
  /**
   * A whole-file quick_check run elsewhere (the store worker runs it in a thread of its own) after a
   * store opened: the start-up check covers the core tables within a time budget, this the rest.
   */
  fullCheck?: (file: string) => Promise<string[]>;
  /** Makes a backup elsewhere (the store worker uses a thread of its own); in this thread otherwise. */
  makeBackup?: (storeFile: string, dataDir: string, at: Date) => Promise<BackupInfo>;
  /** Progress of long work and warnings, for the console. */
  onProgress?: (message: string) => void;
}

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
  private dayTimer: NodeJS.Timeout | null = null;
  private kind: 'real' | 'demo' | null = null;
  private openedAt: string | null = null;
  private problem: StoreProblem | null = null;
  private readonly now: () => Date;
  private readonly storeFile: string;
  private readonly backups: BackupSchedule;

  constructor(private readonly options: WorkspaceOptions) {
    this.now = options.now ?? (() => new Date());
    this.storeFile = storeFileOf(options.dataDir);
    this.backups = new BackupSchedule({
      dataDir: options.dataDir,
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
    this.problem = null;
    if (this.options.startInDemo) this.openDemo();
    else if (existsSync(this.storeFile)) this.openReal();
    else if (existsSync(storeFileOf(demoDirOf(this.options.dataDir)))) this.openDemo();
    return this.status();
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
    if (name === 'app.status') return Promise.resolve({ ok: true, data: this.status() });
    if (name === 'backups.list') return this.guarded(name, async () => ({ backups: this.backups.list() }));
    return this.exclusive(() => this.guarded(name, () => this.changeBook(name, request)));
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
      case 'backups.restore': {
        const { name: backupName } = request as IpcRequest<'backups.restore'>;
        const previous = this.kind;
        await this.backups.idle();
        this.closeStore();
        try {
          await this.backups.restore(backupName);
        } catch (error) {
          // Refused (a damaged backup, a lock): the book that was open opens again, unchanged.
          if (previous === 'demo') this.openDemo();
          else if (existsSync(this.storeFile)) this.openReal();
          throw error;
        }
        this.openReal();
        return this.announce();
      }
      default:
        throw new Error(`${name} is not a workspace change`);
    }
  }

  /** Runs a workspace operation and turns whatever it throws into the IPC error shape. */
  private async guarded(name: WorkspaceOperationName, work: () => Promise<unknown>): Promise<IpcResult<unknown>> {
    try {
      return { ok: true, data: await work() };
    } catch (error) {
      if (error instanceof StoreProblemError) {
        return { ok: false, error: { code: error.problem.code, message: error.message } };
      }
      if (error instanceof ServiceError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      }
      this.options.onProgress?.(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: { code: 'INTERNAL', message: `${name} failed unexpectedly; nothing was changed` } };
    }
  }

  /** The user's store, under the store lock taken before anything opens or writes it. */
  private openReal(): void {
    this.closeStore();
    try {
      this.releaseLock ??= acquireStoreLock(this.options.dataDir);
    } catch (error) {
      // In use by another app, or a folder that cannot be written (the lock is a file beside the store).
      const code = error instanceof StoreInUseError ? 'STORE_BUSY' : storeProblemOf(error);
      if (!code) throw error;
      this.problem = { code, file: this.storeFile, detail: error instanceof Error ? error.message : String(error) };
      return;
    }
    this.open(this.options.dataDir, false);
    if (this.kind === 'real' && this.app) this.backups.start(this.app.db);
    else this.dropLock(); // a damaged store, or a demo book where the user's store should be
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
    this.app.onDataChanged((data) => this.options.onEvent?.({ name: 'data.changed', data }));
    const opened = this.app;
    this.keepScoresFresh(opened);
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

  /**
   * Rescoring the whole book (the calendar day moved, "days since" inputs aged) takes about 100 ms
   * on 5,000 accounts: done at open and just after each UTC midnight, never inside a CSM's request.
   */
  private keepScoresFresh(app: OpenApp): void {
    const rescore = (): void => {
      if (this.app !== app) return;
      const now = this.now().getTime();
      this.dayTimer = setTimeout(rescore, MS_PER_DAY - (now % MS_PER_DAY) + 1000);
      this.dayTimer.unref();
      try {
        new ScoreService(app.ctx).ensureFresh(this.now());
      } catch (error) {
        // A full disk or a lock fails this pass only: the portfolio rescores when next asked.
        const code = storeProblemOf(error);
        if (code) this.onStoreProblem(code, error, app.db.name);
        else this.options.onProgress?.(`Rescoring the book failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    rescore();
  }

  private closeStore(): void {
    if (this.dayTimer) clearTimeout(this.dayTimer);
    this.dayTimer = null;
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
