import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileOf } from '../../src-main/db/open-store';
import { AccountInputsRepository } from '../../src-main/db/repositories/account-inputs-repository';
import { startStoreWorker, type StoreWorker } from '../../src-main/workspace/store-worker-host';
import type { WorkspaceEvent } from '../../src-main/workspace/workspace';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import { makeTempDir, openFixtureStore, STORE_WORKER_FROM_SOURCE } from '../helpers/temp-store';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function start(dataDir: string, extra: { checkBudgetMs?: number; startInDemo?: boolean } = {}): StoreWorker {
  const worker = startStoreWorker({ workerFile: STORE_WORKER_FROM_SOURCE, dataDir, demoAccounts: 10, ...extra });
  cleanups.unshift(() => worker.close());
  return worker;
}

describe('the store runs in a worker thread', () => {
  it('answers the contract from the worker while this thread stays free', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const worker = start(temp.dir, { startInDemo: true });
    expect(await worker.ready).toMatchObject({ workspace: 'demo', problem: null });
    // While the worker lists the portfolio, this thread keeps running timers.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const answers = await Promise.all(Array.from({ length: 20 }, () => worker.invoke('portfolio.list', {})));
    clearInterval(timer);
    expect(answers.every((a) => a.ok && (a.data as { rows: unknown[] }).rows.length === 10)).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });

  it('pushes data.changed from the worker after a write', async () => {
    const store = openFixtureStore();
    store.db.close();
    cleanups.push(store.remove);
    const worker = start(store.dir);
    await worker.ready;
    const events: WorkspaceEvent[] = [];
    worker.onEvent((event) => events.push(event));
    const saved = await worker.invoke('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'Renewal call went well' });
    expect(saved.ok).toBe(true);
    expect(events).toContainEqual({ name: 'data.changed', data: { operation: 'notes.add', accountIds: [store.ids.acmeId] } });
  });

  it('finds damage the bounded start-up check did not reach, in the background, and stops using the store', async () => {
    const store = openFixtureStore();
    const insert = store.db.prepare("INSERT INTO metrics (account_id, key, date, value) VALUES (?, 'filler', ?, ?)");
    store.db.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) insert.run(store.ids.acmeId, `2020-01-01T${String(i).padStart(8, '0')}`, i);
    })();
    // Facts rebuilt as an import would, so opening the store reads no metric row itself.
    new AccountInputsRepository(store.db).refresh([store.ids.acmeId], new Date('2026-06-15T12:00:00.000Z'));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = store.db.prepare("SELECT pageno FROM dbstat WHERE name = 'metrics' AND pagetype = 'leaf' ORDER BY pageno").all() as Array<{ pageno: number }>;
    const pageSize = store.db.pragma('page_size', { simple: true }) as number;
    store.db.close();
    cleanups.push(store.remove);
    const fd = openSync(storeFileOf(store.dir), 'r+');
    for (const { pageno } of pages.slice(10, 14)) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
    closeSync(fd);

    const worker = start(store.dir, { checkBudgetMs: 0 });
    const reported = new Promise<AppStatus>((resolve) =>
      worker.onEvent((event) => {
        if (event.name === 'app.status' && event.data.problem) resolve(event.data);
      }),
    );
    // The core tables are whole, so the book opens at once...
    expect(await worker.ready).toMatchObject({ workspace: 'real', problem: null });
    // ...and the whole-file check then reports the damaged metrics pages.
    expect((await reported).problem).toMatchObject({ code: 'STORE_CORRUPT', file: storeFileOf(store.dir) });
    expect(await worker.invoke('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'STORE_CORRUPT' },
    });
  });

  it('reports a worker that cannot even load, and still closes', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const worker = startStoreWorker({ workerFile: join(temp.dir, 'no-such-worker.mjs'), dataDir: temp.dir });
    await expect(worker.ready).rejects.toThrow(/stopped before it was ready/);
    expect(await worker.invoke('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await worker.close(); // must not wait for an exit that already happened
  });

  it('refuses names outside the contract and malformed payloads before they reach the store', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const worker = start(temp.dir);
    expect(await worker.ready).toMatchObject({ firstRun: true });
    expect(await worker.invoke('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await worker.invoke('backups.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
  });
});
