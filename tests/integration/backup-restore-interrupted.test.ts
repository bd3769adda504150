import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { restoreBackup } from '../../src-main/db/backup-restore';
import { createBackup } from '../../src-main/db/backups';
import { STORE_FILE_NAME, openStore } from '../../src-main/db/open-store';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { makeTempDir, seedFixtureBook } from '../helpers/temp-store';

// Every rename, link and delete the restore makes first photographs the data folder: each photo is
// the folder as a kill or power cut at that moment would leave it.
const hooks = vi.hoisted(() => ({ beforeChange: null as null | (() => void) }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const watched = <A extends unknown[], R>(change: (...args: A) => R) => (...args: A): R => {
    hooks.beforeChange?.();
    return change(...args);
  };
  const mocked = { ...fs, renameSync: watched(fs.renameSync), linkSync: watched(fs.linkSync), rmSync: watched(fs.rmSync) };
  return { ...mocked, default: mocked };
});

const temp = makeTempDir('csm-restore-kill-');
afterAll(() => temp.remove());

function noteIds(dataDir: string): Set<string> {
  const db = openStore({ dataDir });
  try {
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    return new Set((db.prepare('SELECT id FROM notes').all() as Array<{ id: string }>).map((row) => row.id));
  } finally {
    db.close();
  }
}

describe('a restore interrupted at any point', () => {
  it('leaves the old book or the restored one in the data folder, never neither', async () => {
    const dataDir = join(temp.dir, 'data');
    const db = openStore({ dataDir });
    const { acmeId } = seedFixtureBook(db);
    const notes = new NotesRepository(db);
    const add = (id: string): string => {
      notes.insertIfNew({ id, accountId: acmeId, touchpointId: null, authorId: null, body: `note ${id}` }, new Date());
      return notes.find(id)!.note.id;
    };
    const inBackup = add('01900000-0000-7000-8000-00000000f001');
    const backup = await createBackup(db, dataDir, new Date('2026-11-23T20:45:00.123Z'));
    const afterBackup = add('01900000-0000-7000-8000-00000000f003');
    db.pragma('wal_checkpoint(TRUNCATE)');
    // The old store as a killed app leaves it: its newest note only in portfolio.sqlite-wal.
    db.pragma('wal_autocheckpoint = 0');
    const onlyInOldWal = add('01900000-0000-7000-8000-00000000f002');
    const main = readFileSync(join(dataDir, STORE_FILE_NAME));
    const wal = readFileSync(join(dataDir, `${STORE_FILE_NAME}-wal`));
    db.close();
    writeFileSync(join(dataDir, STORE_FILE_NAME), main);
    writeFileSync(join(dataDir, `${STORE_FILE_NAME}-wal`), wal);

    const photos: string[] = [];
    hooks.beforeChange = () => {
      const photo = join(temp.dir, `photo-${photos.length}`);
      mkdirSync(photo);
      for (const name of readdirSync(dataDir)) {
        if (statSync(join(dataDir, name)).isFile()) copyFileSync(join(dataDir, name), join(photo, name));
      }
      photos.push(photo);
    };
    try {
      await restoreBackup(dataDir, backup.name, new Date('2026-11-24T09:00:00.000Z'));
    } finally {
      hooks.beforeChange = null;
    }

    expect(photos.length).toBeGreaterThanOrEqual(3);
    const oldBook = [inBackup, afterBackup, onlyInOldWal].join(' ');
    const restoredBook = inBackup;
    const bookIn = (dir: string) => [inBackup, afterBackup, onlyInOldWal].filter((id) => noteIds(dir).has(id)).join(' ');
    for (const photo of photos) expect([oldBook, restoredBook], photo).toContain(bookIn(photo));
    expect(bookIn(dataDir)).toBe(restoredBook);
  });
});
