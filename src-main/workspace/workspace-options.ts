import type { Database } from 'better-sqlite3';
import type { AppStatus, BackupInfo } from '../../src-shared/ipc/app-status';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import type { SecretStore } from '../session/secret-store';
import type { SyncSessionOptions } from '../session/sync-session';

/** Pushes from the workspace to every window or tab. */
export type WorkspaceEvent =
  | { name: 'data.changed'; data: DataChangedEvent }
  | { name: 'app.status'; data: AppStatus }
  | { name: 'sync.status'; data: SyncStatus };

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
  /** Where sign-in tokens are kept (the store worker asks its host); a 0600 file beside the book otherwise. */
  secrets?: SecretStore;
  /** The sync engine's factory (tests pass a double); the real engine by default. */
  createSyncClient?: SyncSessionOptions['createSyncClient'];
  /** The sign-in calls, and what the sync client is handed (tests). */
  auth?: SyncSessionOptions['auth'];
  clientExtras?: SyncSessionOptions['clientExtras'];
  /**
   * A restored backup of a synced book is an older copy of a device the server already knows: it
   * takes a new client identity so its outbox ids never collide with what the server applied.
   */
  resetSyncIdentity?: (db: Database) => void;
}
