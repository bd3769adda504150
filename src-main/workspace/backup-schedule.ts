import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../src-shared/ipc/app-status';
import { backupDue, createBackup, listBackups, restoreBackup } from '../db/backups';
import { acquireStoreLock } from '../db/store-lock';

export interface BackupScheduleOptions {
  dataDir: string;
  now: () => Date;
  /** Time of use between automatic backups (default 4 h). */
  intervalMs?: number;
  report: (message: string) => void;
}

const DEFAULT_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** How often a running app asks whether a backup is due; cheap (one folder listing). */
const CHECK_EVERY_MS = 10 * 60 * 1000;

/**
 * Automatic backups of the user's store (DESIGN §6): one at start-up unless a recent one exists,
 * then every few hours while the app is open; also holds the store's lock so the backup CLI never
 * restores under a running app.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private releaseLock: (() => void) | null = null;
  private running: Promise<BackupInfo> | null = null;
  private readonly intervalMs: number;

  constructor(private readonly options: BackupScheduleOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  }

  start(db: Database): void {
    this.stop();
    this.releaseLock = acquireStoreLock(this.options.dataDir);
    const check = (): void => {
      if (!this.running && backupDue(this.newestAt(), this.options.now(), this.intervalMs)) {
        this.createNow(db).catch((error: unknown) =>
          this.options.report(`Automatic backup failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    };
    check();
    this.timer = setInterval(check, Math.min(CHECK_EVERY_MS, this.intervalMs));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.releaseLock?.();
    this.releaseLock = null;
  }

  list(): BackupInfo[] {
    return listBackups(this.options.dataDir);
  }

  /** A backup now; a second request while one runs gets the running one. */
  createNow(db: Database): Promise<BackupInfo> {
    const running =
      this.running ??
      createBackup(db, this.options.dataDir, this.options.now()).finally(() => {
        this.running = null;
      });
    this.running = running;
    return running;
  }

  /** Resolves once no backup is being written (a restore waits for it). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Puts a backup in place of the (closed) store; the replaced file is kept aside. */
  restore(name: string): void {
    restoreBackup(this.options.dataDir, name, this.options.now());
  }

  private newestAt(): Date | null {
    const newest = this.list()[0];
    return newest ? new Date(newest.createdAt) : null;
  }
}
