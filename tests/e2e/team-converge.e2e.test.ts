import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium-path';
import { accountPage, callIpc, leaveAccountPage, showPortfolio, START_TIMEOUT_MS } from './app-session';
import { REPO_ROOT, startWebShell, type WebShell } from './web-shell-process';

/** Screenshots to look at by eye (1280×800). */
const SHOTS = join(REPO_ROOT, 'tests', '.tmp', 'team-converge');
const DEMO_ACCOUNTS = 60;

interface Login {
  email: string;
  password: string;
  role: string;
}

interface Device {
  who: Login;
  dataDir: string;
  shell: WebShell;
  page: Page;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `npm run server -- --demo` as a real process; resolves with its login lines once it listens. */
function startDemoServer(dataDir: string, port: number): Promise<{ child: ChildProcess; logins: Login[] }> {
  const { DATABASE_URL: _unused, ...env } = process.env;
  // node with tsx's loader (not the tsx CLI, whose grandchild server outlives a killed child).
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src-server', 'server-cli.ts'), '--demo', '--demo-accounts', String(DEMO_ACCOUNTS), '--port', String(port), '--data-dir', dataDir], { cwd: REPO_ROOT, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start: ${output}`)), 120_000);
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      if (!/Server listening at/.test(output)) return;
      clearTimeout(timer);
      const logins = [...output.matchAll(/^login: (\S+) (\S+) (\S+)$/gm)].map(([, email, password, role]) => ({ email: email as string, password: password as string, role: role as string }));
      resolve({ child, logins });
    });
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    child.on('exit', (code) => reject(new Error(`the demo server exited with ${code}: ${output}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface SyncStatus {
  phase: string;
  pending: number;
  lastSyncedAt: string | null;
}

/**
 * The "done when": two CSMs and their manager, each on a device of their own (a web shell
 * with its own data folder, in Chromium), sign in to `npm run server -- --demo`, work while the
 * server is down, and converge when it is back.
 */
describe('two CSMs and their manager work offline and converge through npm run server -- --demo', () => {
  const serverDir = mkdtempSync(join(tmpdir(), 'csm-converge-server-'));
  let port = 0;
  let server: { child: ChildProcess; logins: Login[] };
  let browser: Browser;
  const devices: Device[] = [];
  const notes = new Map<string, { accountId: string; body: string }>();

  const serverUrl = () => `http://127.0.0.1:${port}`;
  const status = (device: Device) => callIpc<SyncStatus>(device.shell, 'sync.status', {});

  beforeAll(async () => {
    port = await freePort();
    server = await startDemoServer(serverDir, port);
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    // The manager and two CSMs who report to them: the CSMs whose accounts the manager's book lists.
    const manager = server.logins.find((login) => login.role === 'manager') as Login;
    const managerToken = await login(manager);
    const owners = new Set(((await (await fetch(`${serverUrl()}/v1/accounts`, { headers: { authorization: `Bearer ${managerToken}` } })).json()) as { accounts: { owner_id: string }[] }).accounts.map((a) => a.owner_id));
    const reports: Login[] = [];
    for (const csm of server.logins.filter((l) => l.role === 'csm')) {
      const me = (await (await fetch(`${serverUrl()}/v1/auth/me`, { headers: { authorization: `Bearer ${await login(csm)}` } })).json()) as { user: { id: string } };
      if (owners.has(me.user.id)) reports.push(csm);
    }
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const who of [reports[0], reports[1], manager] as Login[]) {
      const dataDir = mkdtempSync(join(tmpdir(), 'csm-converge-device-'));
      const shell = await startWebShell(dataDir, START_TIMEOUT_MS);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(shell.url);
      devices.push({ who, dataDir, shell, page });
    }
  }, START_TIMEOUT_MS + 180_000);

  afterAll(async () => {
    await browser?.close();
    for (const device of devices) {
      await device.shell.stop();
      rmSync(device.dataDir, { recursive: true, force: true });
    }
    if (server) await stopProcess(server.child);
    rmSync(serverDir, { recursive: true, force: true });
  }, 60_000);

  async function login(who: Login): Promise<string> {
    const response = await fetch(`${serverUrl()}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password, device: 'e2e probe' }) });
    return ((await response.json()) as { token: string }).token;
  }

  it('each signs in (the first through Settings) and downloads their book', async () => {
    const [first, ...others] = devices as [Device, ...Device[]];
    await first.page.getByRole('button', { name: 'Settings' }).click();
    const dialog = first.page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Server address').fill(serverUrl());
    await dialog.getByLabel('Email').fill(first.who.email);
    await dialog.getByLabel('Password').fill(first.who.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByText(/Signed in as/).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (const device of others) await callIpc(device.shell, 'sync.signIn', { serverUrl: serverUrl(), email: device.who.email, password: device.who.password });
    for (const device of devices) {
      await expect.poll(async () => (await status(device)).lastSyncedAt, { timeout: 60_000 }).not.toBeNull();
      await device.page.reload();
      await showPortfolio(device.page);
    }
    const [csmA, csmB, manager] = devices as [Device, Device, Device];
    const rows = async (device: Device) => (await callIpc<{ rows: unknown[] }>(device.shell, 'portfolio.list', {})).rows.length;
    expect(await rows(manager)).toBeGreaterThanOrEqual((await rows(csmA)) + (await rows(csmB)));
    await manager.page.screenshot({ path: join(SHOTS, 'manager-book-en.png') });
  });

  it('work while the server is down, each change waiting in its outbox', async () => {
    await stopProcess(server.child);
    const [csmA, csmB, manager] = devices as [Device, Device, Device];
    const firstAccount = async (device: Device) => (await callIpc<{ rows: { id: string; ownerId?: string | null }[] }>(device.shell, 'portfolio.list', {})).rows[0]?.id as string;
    const aAccount = await firstAccount(csmA);
    const bAccount = await firstAccount(csmB);
    const plan: [Device, string, string][] = [
      [csmA, aAccount, `Offline call note from ${csmA.who.email}`],
      [csmB, bAccount, `Offline call note from ${csmB.who.email}`],
      // The manager adds a coaching note on a report's account.
      [manager, aAccount, `Coaching note from ${manager.who.email}`],
    ];
    for (const [device, accountId, body] of plan) {
      const id = uuidv7();
      await callIpc(device.shell, 'notes.add', { id, accountId, body });
      notes.set(id, { accountId, body });
      await callIpc(device.shell, 'sync.now', {});
      await expect.poll(async () => (await status(device)).pending, { timeout: 30_000 }).toBe(1);
      expect((await status(device)).phase).toBe('offline');
    }
    await csmA.page.getByRole('banner').getByRole('status').waitFor();
    await expect.poll(() => csmA.page.getByRole('banner').getByRole('status').getAttribute('aria-label'), { timeout: 30_000 }).toContain('1 pending');
    await csmA.page.screenshot({ path: join(SHOTS, 'offline-pending-en.png') });
  });

  it('converge once the server is back: every note reaches exactly the books it belongs to', async () => {
    server = { ...(await startDemoServer(serverDir, port)), logins: server.logins };
    // Two rounds each: the second brings what the others pushed in the first.
    for (let round = 0; round < 2; round += 1) {
      for (const device of devices) {
        await callIpc(device.shell, 'sync.now', {});
        await expect.poll(async () => (await status(device)).phase, { timeout: 60_000 }).toBe('idle');
      }
    }
    const [csmA, csmB, manager] = devices as [Device, Device, Device];
    const bodiesOn = async (device: Device, accountId: string) =>
      (await callIpc<{ notes: { body: string }[] }>(device.shell, 'notes.list', { accountId })).notes.map((note) => note.body);
    const [aNote, bNote, coaching] = [...notes.values()] as [{ accountId: string; body: string }, { accountId: string; body: string }, { accountId: string; body: string }];
    for (const device of devices) expect((await status(device)).pending).toBe(0);
    expect(await bodiesOn(manager, aNote.accountId)).toEqual(expect.arrayContaining([aNote.body, coaching.body]));
    expect(await bodiesOn(manager, bNote.accountId)).toContain(bNote.body);
    expect(await bodiesOn(csmA, aNote.accountId)).toEqual(expect.arrayContaining([aNote.body, coaching.body]));
    // Ben's book holds nothing of Ana's account, and the other way round.
    await expect(callIpc(csmB.shell, 'notes.list', { accountId: aNote.accountId })).rejects.toThrow();
    await expect(callIpc(csmA.shell, 'notes.list', { accountId: bNote.accountId })).rejects.toThrow();
    await manager.page.reload();
    await showPortfolio(manager.page);
    await expect.poll(() => manager.page.getByRole('banner').getByRole('status').getAttribute('aria-label'), { timeout: 30_000 }).toMatch(/Synced/);
    await manager.page.screenshot({ path: join(SHOTS, 'manager-converged-en.png') });

    // In the manager's book the CSM's note is read-only; the coaching note is the manager's own.
    const accountName = (await callIpc<{ rows: { id: string; name: string }[] }>(manager.shell, 'portfolio.list', {})).rows.find((row) => row.id === aNote.accountId)?.name as string;
    const open = manager.page.getByRole('table', { name: /^(Portfolio|Cartera) — / }).getByRole('rowheader').getByRole('link', { name: accountName, exact: true });
    await open.first().scrollIntoViewIfNeeded();
    await open.first().click();
    const panel = accountPage(manager.page);
    const noteItem = (body: string) => panel.locator('li.note', { hasText: body });
    await noteItem(coaching.body).waitFor({ timeout: 15_000 });
    expect(await noteItem(coaching.body).getByRole('button', { name: /^Edit the note/ }).count()).toBe(1);
    expect(await noteItem(aNote.body).getByRole('button', { name: /^Edit the note/ }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: /^Mark done: / }).count()).toBe(0);
    await noteItem(aNote.body).scrollIntoViewIfNeeded();
    await manager.page.screenshot({ path: join(SHOTS, 'manager-read-only-notes-en.png') });
    // The account's page follows the language switch in place.
    await manager.page.getByRole('button', { name: 'Español' }).click();
    await noteItem(coaching.body).waitFor({ timeout: 15_000 });
    expect(await noteItem(aNote.body).getByRole('button', { name: /^Editar la nota/ }).count()).toBe(0);
    expect(await noteItem(coaching.body).getByRole('button', { name: /^Editar la nota/ }).count()).toBe(1);
    await noteItem(aNote.body).scrollIntoViewIfNeeded();
    await manager.page.screenshot({ path: join(SHOTS, 'manager-read-only-notes-es.png') });
    await leaveAccountPage(manager.page);
    await manager.page.getByRole('button', { name: 'English' }).click();
  }, 180_000);
});
