import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIpcDispatcher } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { startWebShell, type WebShell } from '../../src-main/web-shell/web-shell-server';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';

let store: ReturnType<typeof openFixtureStore>;
let shell: WebShell;

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
  const ctx = createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId });
  const listeners = new Set<(event: DataChangedEvent) => void>();
  const dispatch = createIpcDispatcher(ctx, { onDataChanged: (event) => listeners.forEach((l) => l(event)) });
  shell = await startWebShell({
    dispatch,
    rendererDir,
    onDataChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
});
afterAll(async () => {
  await shell.close();
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
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 0 });
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
    expect(data).toEqual({ operation: 'notes.add', accountId: store.ids.acmeId });
  });
});
