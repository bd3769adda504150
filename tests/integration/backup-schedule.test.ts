import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDir, createBackup } from '../../src-main/db/backups';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { BackupSchedule } from '../../src-main/workspace/backup-schedule';
import { openFixtureStore } from '../helpers/temp-store';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe('backups while the app runs', () => {
  it('"Back up now" during the start-up backup makes a backup holding what was written meanwhile', async () => {
    const store = openFixtureStore();
    cleanups.push(store.remove);
    let clock = new Date('2026-06-15T12:00:00.000Z');
    // Backups made as the app's backup thread makes them: through a connection of their own, whose
    // snapshot is taken when the backup starts (a read transaction) and copied a moment later.
    const makeBackup = async (file: string, dataDir: string, at: Date) => {
      const connection = new BetterSqlite3(file, { readonly: true });
      connection.exec('BEGIN');
      connection.prepare('SELECT COUNT(*) FROM notes').get();
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return await createBackup(connection, dataDir, at);
      } finally {
        connection.close();
      }
    };
    const schedule = new BackupSchedule({ dataDir: store.dir, now: () => clock, makeBackup, report: () => undefined, onStoreDamaged: () => undefined });
    cleanups.unshift(() => schedule.stop());
    schedule.start(store.db); // the start-up backup is now running
    const notes = new NotesRepository(store.db);
    notes.insertIfNew({ id: '01900000-0000-7000-8000-00000000aa01', accountId: store.ids.acmeId, touchpointId: null, authorId: null, body: 'Written during the start-up backup' }, clock);
    clock = new Date(clock.getTime() + 1000);
    const made = await schedule.createNow(store.db);
    await schedule.idle();
    expect(schedule.list().map((b) => b.name)).toContain(made.name);
    const copy = new BetterSqlite3(join(backupsDir(store.dir), made.name), { readonly: true });
    cleanups.unshift(() => copy.close());
    expect(copy.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'Written during the start-up backup' }]);
  });
});
