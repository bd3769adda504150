import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { REPLACED_DIR_NAME, restoreBackup } from '../../src-main/db/backup-restore';
import { BackupError, backupDue, backupNameFor, backupsDir, createBackup, listBackups } from '../../src-main/db/backups';
import { STORE_FILE_NAME, openStore } from '../../src-main/db/open-store';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { StoreInUseError, acquireStoreLock, storeLockFile, storeLockHolder } from '../../src-main/db/store-lock';
import { makeTempDir, seedFixtureBook } from '../helpers/temp-store';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDataDir(): string {
  const temp = makeTempDir('csm-backup-');
  cleanups.push(temp.remove);
  return temp.dir;
}

const T0 = new Date('2026-11-23T20:45:00.123Z');
const hoursAfter = (hours: number): Date => new Date(T0.getTime() + hours * 3_600_000);

let noteSeq = 0;
/** Adds notes the way the app does; a note counts as acknowledged once add() returned. Bodies are
 * long enough that the book spans many pages, and carry accents and markdown to compare exactly. */
function addNotes(db: Database, accountId: string, count: number, label: string): Map<string, string> {
  const notes = new NotesRepository(db);
  const acknowledged = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    noteSeq += 1;
    const id = `01900000-0000-7000-8000-${noteSeq.toString(16).padStart(12, '0')}`;
    const body = `## ${label} ${i}\n\nReunión con el CFO: *renovación* en riesgo.\n${'Detalle de la llamada. '.repeat(60)}`;
    notes.insertIfNew({ id, accountId, touchpointId: null, authorId: null, body }, hoursAfter(-1));
    acknowledged.set(id, notes.find(id)!.note.body);
  }
  return acknowledged;
}

/** A store in a fresh data folder with the fixture book; the caller closes it. */
function storeWithBook(): { dir: string; db: Database; acmeId: string } {
  const dir = tempDataDir();
  const db = openStore({ dataDir: dir });
  const { acmeId } = seedFixtureBook(db);
  return { dir, db, acmeId };
}

const storeFileOf = (dir: string): string => join(dir, STORE_FILE_NAME);
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Overwrites four whole pages in the middle of a file, as a failing disk or a stray write would. */
function damageMiddlePages(file: string): void {
  const pageSize = 4096;
  const start = Math.floor(statSync(file).size / pageSize / 2) * pageSize;
  const garbage = Buffer.alloc(pageSize * 4, 0xa5);
  const fd = openSync(file, 'r+');
  writeSync(fd, garbage, 0, garbage.length, start);
  closeSync(fd);
}

/** What a user would see on opening the file: it fails to open, fails quick_check, or holds no book. */
function storeUnusable(file: string): boolean {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      if (db.pragma('quick_check', { simple: true }) !== 'ok') return true;
      db.prepare('SELECT COUNT(*) FROM notes').get();
      return false;
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

function notesIn(dir: string): Map<string, string> {
  const db = openStore({ dataDir: dir });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT id, body FROM notes').all() as Array<{ id: string; body: string }>;
    return new Map(rows.map((row) => [row.id, row.body]));
  } finally {
    db.close();
  }
}

describe('restoring a backup after the store is damaged', () => {
  it.each([
    ['overwritten pages in the middle', damageMiddlePages],
    ['truncated to 0 bytes', (file: string) => truncateSync(file, 0)],
  ])('brings back every note acknowledged before the backup, exactly (store %s)', async (_case, damage) => {
    const { dir, db, acmeId } = storeWithBook();
    const before = addNotes(db, acmeId, 60, 'before');
    const backup = await createBackup(db, dir, T0);
    const after = addNotes(db, acmeId, 20, 'after');
    db.close();

    damage(storeFileOf(dir));
    expect(storeUnusable(storeFileOf(dir))).toBe(true);
    const damagedHash = sha256(storeFileOf(dir));

    const result = await restoreBackup(dir, backup.name, hoursAfter(1));

    const stored = notesIn(dir);
    for (const [id, body] of before) expect(stored.get(id)).toBe(body);
    // The restore goes back to the backup's moment: later notes are not in it.
    for (const id of after.keys()) expect(stored.has(id)).toBe(false);
    // The damaged store is kept, byte for byte, in replaced/.
    const keptMain = join(dir, REPLACED_DIR_NAME, backupNameFor(hoursAfter(1)));
    expect(result.replacedFiles).toContain(keptMain);
    expect(sha256(keptMain)).toBe(damagedHash);
  });

  it('restores into a data folder whose store file is missing', async () => {
    const { dir, db, acmeId } = storeWithBook();
    const before = addNotes(db, acmeId, 5, 'before');
    const backup = await createBackup(db, dir, T0);
    db.close();
    rmSync(storeFileOf(dir));

    const result = await restoreBackup(dir, backup.name, hoursAfter(1));

    expect(result.replacedFiles).toEqual([]);
    const stored = notesIn(dir);
    for (const [id, body] of before) expect(stored.get(id)).toBe(body);
  });

  it('keeps the notes a crash left only in the -wal file inside the replaced store', async () => {
    const { dir, db, acmeId } = storeWithBook();
    const backup = await createBackup(db, dir, T0);
    db.pragma('wal_autocheckpoint = 0');
    const inWal = addNotes(db, acmeId, 3, 'in the wal');
    // The files as a killed app leaves them: these notes are in -wal only, not in the main file.
    const main = readFileSync(storeFileOf(dir));
    const wal = readFileSync(`${storeFileOf(dir)}-wal`);
    db.close();
    writeFileSync(storeFileOf(dir), main);
    writeFileSync(`${storeFileOf(dir)}-wal`, wal);

    const result = await restoreBackup(dir, backup.name, hoursAfter(1));

    // No -wal of the old store may stay beside the restored one: SQLite would replay it into it.
    expect(readdirSync(dir).filter((name) => name.startsWith(`${STORE_FILE_NAME}-`))).toEqual([]);
    expect(result.replacedFiles).toEqual([join(dir, REPLACED_DIR_NAME, backupNameFor(hoursAfter(1)))]);
    const kept = new BetterSqlite3(result.replacedFiles[0] as string, { readonly: true });
    const keptIds = new Set((kept.prepare('SELECT id FROM notes').all() as Array<{ id: string }>).map((row) => row.id));
    kept.close();
    for (const id of inWal.keys()) expect(keptIds.has(id)).toBe(true);
  });
});

describe('making backups', () => {
  it('keeps exactly the N newest, and never deletes the one just made when the clock went back', async () => {
    const { dir, db } = storeWithBook();
    for (let hour = 0; hour < 10; hour++) await createBackup(db, dir, hoursAfter(hour), { keep: 3 });
    expect(listBackups(dir).map((b) => b.name)).toEqual([9, 8, 7].map((h) => backupNameFor(hoursAfter(h))));

    await createBackup(db, dir, hoursAfter(-5), { keep: 3 });
    expect(listBackups(dir).map((b) => b.name)).toEqual([9, 8, -5].map((h) => backupNameFor(hoursAfter(h))));

    for (let hour = 10; hour < 20; hour++) await createBackup(db, dir, hoursAfter(hour));
    expect(listBackups(dir)).toHaveLength(7);
    expect(readdirSync(backupsDir(dir))).toHaveLength(7);
    db.close();
  });

  it('gives two backups in the same millisecond two names', async () => {
    const { dir, db } = storeWithBook();
    const [first, second] = await Promise.all([createBackup(db, dir, T0), createBackup(db, dir, T0)]);
    db.close();
    expect(first?.name).not.toBe(second?.name);
    expect(listBackups(dir)).toHaveLength(2);
  });

  it('clears temp files of backups whose process died, and leaves those of a live one', async () => {
    const { dir, db } = storeWithBook();
    mkdirSync(backupsDir(dir));
    const abandoned = `${backupNameFor(T0)}.${await deadPid()}-1.tmp`;
    const inProgress = `${backupNameFor(T0)}.${liveProcess().pid}-1.tmp`;
    for (const name of [abandoned, `${abandoned}-journal`, inProgress]) writeFileSync(join(backupsDir(dir), name), 'partial');

    const backup = await createBackup(db, dir, hoursAfter(1));
    db.close();
    expect(readdirSync(backupsDir(dir)).sort()).toEqual([backup.name, inProgress].sort());
  });

  it('refuses to back up a damaged store and keeps every earlier backup', async () => {
    const { dir, db, acmeId } = storeWithBook();
    addNotes(db, acmeId, 60, 'before');
    for (let hour = 0; hour < 3; hour++) await createBackup(db, dir, hoursAfter(hour), { keep: 3 });
    const good = listBackups(dir).map((b) => b.name);
    db.close();
    damageMiddlePages(storeFileOf(dir));

    const damaged = new BetterSqlite3(storeFileOf(dir));
    for (let hour = 3; hour < 8; hour++) {
      const attempt = createBackup(damaged, dir, hoursAfter(hour), { keep: 3 });
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(attempt).rejects.toThrow(`The store ${storeFileOf(dir)} is damaged`);
    }
    damaged.close();
    expect(listBackups(dir).map((b) => b.name)).toEqual(good);
    // No temp file or half-made copy is left behind either.
    expect(readdirSync(backupsDir(dir)).sort()).toEqual([...good].sort());
  });
});

describe('choosing a backup to restore', () => {
  it('refuses a damaged or empty backup, naming it, and leaves the current store untouched', async () => {
    const { dir, db, acmeId } = storeWithBook();
    addNotes(db, acmeId, 60, 'before');
    const damagedBackup = await createBackup(db, dir, T0);
    const emptyBackup = backupNameFor(hoursAfter(1));
    db.close();
    damageMiddlePages(join(backupsDir(dir), damagedBackup.name));
    writeFileSync(join(backupsDir(dir), emptyBackup), '');
    const storeHash = sha256(storeFileOf(dir));

    for (const name of [damagedBackup.name, emptyBackup]) {
      const refusal = restoreBackup(dir, name, hoursAfter(2));
      await expect(refusal).rejects.toThrow(BackupError);
      await expect(refusal).rejects.toThrow(`${join(backupsDir(dir), name)} is damaged`);
    }
    expect(sha256(storeFileOf(dir))).toBe(storeHash);
    expect(existsSync(join(dir, REPLACED_DIR_NAME))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([STORE_FILE_NAME, 'backups'].sort());
  });

  it('refuses a name that is not a listed backup', async () => {
    const dir = tempDataDir();
    await expect(restoreBackup(dir, 'portfolio-20000101T000000000Z.sqlite', T0)).rejects.toThrow('There is no backup portfolio-20000101T000000000Z.sqlite');
    await expect(restoreBackup(dir, '../portfolio.sqlite', T0)).rejects.toThrow('is not a backup name');
  });

  it('lists backups newest first and ignores files not named like one', async () => {
    const { dir, db } = storeWithBook();
    await createBackup(db, dir, T0);
    await createBackup(db, dir, hoursAfter(2));
    db.close();
    const folder = backupsDir(dir);
    for (const stray of ['notes.txt', 'portfolio-2026.sqlite', 'portfolio-20261323T000000000Z.sqlite', `${backupNameFor(T0)}-journal`]) {
      writeFileSync(join(folder, stray), 'not a backup');
    }
    mkdirSync(join(folder, backupNameFor(hoursAfter(5))));

    const listed = listBackups(dir);
    expect(listed.map((b) => b.name)).toEqual([backupNameFor(hoursAfter(2)), backupNameFor(T0)]);
    expect(listed[0]?.createdAt).toBe(hoursAfter(2).toISOString());
    expect(listed[0]?.bytes).toBe(statSync(join(folder, backupNameFor(hoursAfter(2)))).size);
    expect(listBackups(tempDataDir())).toEqual([]);
  });
});

describe('backupDue', () => {
  it('is due with no backup, after the interval, and when the last one is dated in the future', () => {
    expect(backupDue(null, T0)).toBe(true);
    expect(backupDue(hoursAfter(-3.99), T0)).toBe(false);
    expect(backupDue(hoursAfter(-4), T0)).toBe(true);
    expect(backupDue(hoursAfter(1), T0)).toBe(true);
    expect(backupDue(hoursAfter(-1), T0, 30 * 60_000)).toBe(true);
  });
});

/** A process that stays alive until killed, to hold a lock the way a running app would. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe('the store lock', () => {
  it('replaces a lock whose process is gone, and releases only its own', async () => {
    const dir = tempDataDir();
    writeFileSync(storeLockFile(dir), JSON.stringify({ pid: await deadPid(), startedAt: T0.toISOString() }));
    expect(storeLockHolder(dir)).toBeNull();

    const release = acquireStoreLock(dir);
    expect(storeLockHolder(dir)?.pid).toBe(process.pid);
    expect(() => acquireStoreLock(dir)).toThrow(StoreInUseError);
    release();
    expect(existsSync(storeLockFile(dir))).toBe(false);
  });

  it('treats a lock naming our pid but not taken by this process as stale (a reused pid)', () => {
    const dir = tempDataDir();
    writeFileSync(storeLockFile(dir), JSON.stringify({ pid: process.pid, startedAt: T0.toISOString() }));
    expect(storeLockHolder(dir)).toBeNull();
    acquireStoreLock(dir)();
  });

  it('refuses to lock or restore while a live process holds the lock', async () => {
    const { dir, db } = storeWithBook();
    const backup = await createBackup(db, dir, T0);
    db.close();
    const app = liveProcess();
    writeFileSync(storeLockFile(dir), JSON.stringify({ pid: app.pid, startedAt: T0.toISOString() }));
    const storeHash = sha256(storeFileOf(dir));

    expect(storeLockHolder(dir)).toEqual({ pid: app.pid, startedAt: T0.toISOString() });
    expect(() => acquireStoreLock(dir)).toThrow(`in use by pid ${app.pid}`);
    await expect(restoreBackup(dir, backup.name, hoursAfter(1))).rejects.toThrow(StoreInUseError);
    expect(sha256(storeFileOf(dir))).toBe(storeHash);
  });
});

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/db/backup-cli.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run backup', () => {
  it('creates, lists and restores, and refuses to restore under a running app', async () => {
    const { dir, db, acmeId } = storeWithBook();
    const before = addNotes(db, acmeId, 5, 'before');
    db.close();

    const created = await runCli(['create', '--data-dir', dir]);
    expect(created.code, created.stderr).toBe(0);
    const name = listBackups(dir)[0]?.name as string;
    expect(created.stdout).toContain(`Backup written: ${join(backupsDir(dir), name)}`);
    expect(created.stderr).toContain('Backing up: 100%');

    // Without --data-dir it works on the app's folder (CSM_DATA_DIR here).
    const listed = await runCli(['list'], { CSM_DATA_DIR: dir });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(name);

    const reopened = openStore({ dataDir: dir });
    const after = addNotes(reopened, acmeId, 3, 'after');
    reopened.close();

    const app = liveProcess();
    const release = acquireLockAs(dir, app.pid as number);
    const refused = await runCli(['restore', '--latest', '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(new RegExp(`^backup: The store is in use by pid ${app.pid} .*${storeLockFile(dir)}`));
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    release();

    const restored = await runCli(['restore', name, '--data-dir', dir]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`Restored ${name}`);
    const stored = notesIn(dir);
    for (const [id, body] of before) expect(stored.get(id)).toBe(body);
    for (const id of after.keys()) expect(stored.has(id)).toBe(false);
    expect(readdirSync(join(dir, REPLACED_DIR_NAME))).toHaveLength(1);
    expect(existsSync(storeLockFile(dir))).toBe(false);
  }, 60_000);

  it('says plainly what is wrong, with a non-zero exit code', async () => {
    const empty = tempDataDir();
    const cases: Array<[string[], number, string]> = [
      [['restore', 'portfolio-20000101T000000000Z.sqlite', '--data-dir', empty], 1, 'There is no backup portfolio-20000101T000000000Z.sqlite'],
      [['restore', '--latest', '--data-dir', empty], 1, 'there are no backups in'],
      [['create', '--data-dir', empty], 1, `there is no store at ${storeFileOf(empty)}`],
      [['restore', '--data-dir', empty], 2, 'restore needs exactly one of a backup NAME'],
      [['prune', '--data-dir', empty], 2, 'unknown command "prune"'],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toContain(message);
    }
    expect(readdirSync(empty)).toEqual([]);
  }, 60_000);
});

/** Writes the lock as another process holding it would; returns a function removing it. */
function acquireLockAs(dir: string, pid: number): () => void {
  writeFileSync(storeLockFile(dir), JSON.stringify({ pid, startedAt: T0.toISOString() }));
  return () => rmSync(storeLockFile(dir), { force: true });
}
