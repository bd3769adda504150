import { join } from 'node:path';
import { openStore } from '../db/open-store';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { generateDemoBook } from '../demo/demo-book';
import { utcDay } from '../../src-shared/schedule/utc-date';

/** The demo book's own folder inside a data folder: the user's store is never seeded with demo rows. */
export function demoDirOf(dataDir: string): string {
  return join(dataDir, 'demo');
}

export interface DemoStoreOptions {
  accounts: number;
  now: Date;
  nativeBinding?: string;
  onProgress?: (message: string) => void;
}

/**
 * Makes sure `demoDir` holds a demo book marked as such, writing it (in one transaction, so a start
 * killed half-way leaves an empty store that is written again, never a partial book) when the
 * store there is new or empty.
 */
export function ensureDemoStore(demoDir: string, options: DemoStoreOptions): void {
  const db = openStore({ dataDir: demoDir, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    const state = new SyncStateRepository(db);
    if (state.isDemoBook()) return;
    db.transaction(() => {
      if (new AccountsRepository(db).isEmpty()) {
        options.onProgress?.(`Creating a demo book of ${options.accounts} accounts…`);
        generateDemoBook(db, {
          accounts: options.accounts,
          seed: 1,
          asOf: utcDay(options.now),
          onProgress: (done, all) => options.onProgress?.(`Demo book: ${done}/${all} accounts`),
        });
      }
      state.markDemoBook();
    })();
  } finally {
    db.close();
  }
}
