import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../src-shared/ipc/app-status';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { restoreBackup } from '../db/backup-restore';
import { backupDue, createBackup, DEFAULT_BACKUP_INTERVAL_MS, listBackups } from '../db/backups';

export interface BackupScheduleOptions {
  dataDir: string;
  now: () => Date;
  /** Time of use between automatic backups (default 4 h). */
  intervalMs?: number;
  /** better-sqlite3's addon for Electron; the backup's checks open connections of their own. */
  nativeBinding?: string;
  /** Makes the backup elsewhere (a thread of its own); through the open connection otherwise. */
  makeBackup?: (storeFile: string, dataDir: string, at: Date) => Promise<BackupInfo>;
  report: (message: string) => void;
  /** A backup found the store it was made from (`file`) damaged: its copy failed quick_check. */
  onStoreDamaged: (error: unknown, file: string) => void;
}

/** How often a running app asks whether a backup is due; cheap (one folder listing). */
const CHECK_EVERY_MS = 10 * 60 * 1000;

/**
 * Automatic backups of the user's store (DESIGN §6): one at start-up unless a recent one exists,
 * then every few hours while the app is open.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo> | null = null;
  private readonly intervalMs: number;

  constructor(private readonly options: BackupScheduleOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS;
  }

  start(db: Database): void {
    this.stop();
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
  }

  list(): BackupInfo[] {
    return listBackups(this.options.dataDir);
  }

  /**
   * A backup of the store as it is now. One already running may have started before the user's
   * latest changes, so a request made meanwhile waits for it and then makes its own.
   */
  createNow(db: Database): Promise<BackupInfo> {
    const previous = this.running?.catch(() => undefined) ?? Promise.resolve();
    const made = previous.then(() => this.makeOne(db));
    const tracked = made.finally(() => {
      if (this.running === tracked) this.running = null;
    });
    this.running = tracked;
    return tracked;
  }

  private makeOne(db: Database): Promise<BackupInfo> {
    const backup = this.options.makeBackup
      ? this.options.makeBackup(db.name, this.options.dataDir, this.options.now())
      : createBackup(db, this.options.dataDir, this.options.now(), this.bindingOption());
    return backup.catch((error: unknown) => {
      if (error instanceof ServiceError && error.code === 'STORE_CORRUPT') this.options.onStoreDamaged(error, db.name);
      throw error;
    });
  }

  /** Resolves once no backup is being written (a restore waits for it). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Puts a backup in place of the (closed) store; the replaced file is kept aside. */
  async restore(name: string): Promise<void> {
    await restoreBackup(this.options.dataDir, name, this.options.now(), this.bindingOption());
  }

  private bindingOption(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }

  private newestAt(): Date | null {
    const newest = this.list()[0];
    return newest ? new Date(newest.createdAt) : null;
  }
}
