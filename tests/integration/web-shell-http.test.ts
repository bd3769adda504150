import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { storeFileOf } from '../../src-main/db/open-store';
import { startWebShell, type WebShell } from '../../src-main/web-shell/web-shell-server';
import { startStoreWorker, type StoreWorker } from '../../src-main/workspace/store-worker-host';
import { openFixtureStore, STORE_WORKER_FROM_SOURCE } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let shell: WebShell;
let worker: StoreWorker;

/** Notes in the store, read through a connection of the test's own (the app's runs in the worker). */
function noteCount(): number {
  const db = new BetterSqlite3(storeFileOf(store.dir), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A raw HTTP request over loopback, so Host and body can be anything a hostile page could send. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: shell.port, agent: false, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${shell.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const ipc = (operation: string, body: string, token = shell.token) =>
  send(`/ipc/${operation}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });

beforeAll(async () => {
  store = openFixtureStore();
  const rendererDir = join(store.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CSM</title>');
  writeFileSync(join(store.dir, 'secret.txt'), 'not for the browser');
  // The fixture book is written here, then served the way the app serves it: by the store worker.
  store.db.close();
  worker = startStoreWorker({ workerFile: STORE_WORKER_FROM_SOURCE, dataDir: store.dir });
  await worker.ready;
  shell = await startWebShell({ dispatch: worker.invoke, rendererDir, onEvent: worker.onEvent, headersTimeoutMs: 300 });
});
afterAll(async () => {
  await shell.close();
  await worker.close();
  store.remove();
});

describe('web shell over real HTTP on 127.0.0.1', () => {
  it('prints a loopback URL carrying the per-run token', () => {
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/#token=${shell.token}$`));
    expect(shell.token.length).toBeGreaterThanOrEqual(24);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>CSM</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('forbids framing and MIME sniffing on every response, errors included', async () => {
    for (const res of [await send('/'), await send('/nope.js'), await ipc('portfolio.list', '{}', 'wrong')]) {
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('cuts off a client that never finishes sending its headers (slowloris)', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(shell.port, '127.0.0.1', () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nX-Slow: `));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('rejects a note with an unpaired surrogate sent as a JSON escape, naming the field', async () => {
    const body = `{"payload":{"id":"${uuidv7()}","accountId":"${store.ids.acmeId}","body":"hola \\ud800 mundo"}}`;
    const res = JSON.parse((await ipc('notes.add', body)).body);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'body' } });
    expect(noteCount()).toBe(0);
  });

  it('answers a malformed path with a 400 in the usual error shape instead of failing', async () => {
    const res = await send('/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await send(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('carries the IPC contract and returns structured validation errors', async () => {
    const ok = await ipc('portfolio.list', JSON.stringify({ payload: {} }));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).data.rows.map((r: { name: string }) => r.name).sort()).toEqual(['Acme', 'Borealis']);
    const bad = JSON.parse((await ipc('notes.add', JSON.stringify({ payload: { id: uuidv7(), accountId: store.ids.acmeId, body: '' } }))).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'body' } });
  });

  it('refuses calls without the token, with a wrong one, or from another Host (DNS rebinding)', async () => {
    expect((await ipc('portfolio.list', '{}', '')).status).toBe(401);
    expect((await ipc('portfolio.list', '{}', 'x'.repeat(shell.token.length))).status).toBe(401);
    const rebound = await send('/ipc/portfolio.list', { method: 'POST', headers: { host: 'evil.example:80', authorization: `Bearer ${shell.token}` }, body: '{}' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('rejects malformed and oversized bodies without touching the store', async () => {
    expect(JSON.parse((await ipc('notes.add', '{not json')).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const huge = JSON.stringify({ payload: { accountId: store.ids.acmeId, body: 'x'.repeat(1_100_000) } });
    expect((await ipc('notes.add', huge)).status).toBe(413);
    expect(noteCount()).toBe(0);
  });

  it('pushes data.changed to open tabs over server-sent events after a write, and only to token holders', async () => {
    expect((await send('/events?token=wrong')).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, agent: false, path: `/events?token=${shell.token}`, headers: { host: `127.0.0.1:${shell.port}` } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': connected') && !text.includes('event:')) {
            void ipc('notes.add', JSON.stringify({ payload: { id: uuidv7(), accountId: store.ids.acmeId, body: 'Pushed to every tab' } }));
          }
          if (/event: data.changed\ndata: .*\n\n/.test(text)) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject); // after resolve (our own destroy) this is a no-op
      req.end();
    });
    const data = JSON.parse(/event: data.changed\ndata: (.*)\n/.exec(received)?.[1] ?? 'null');
    expect(data).toEqual({ operation: 'notes.add', accountIds: [store.ids.acmeId] });
  });
});
