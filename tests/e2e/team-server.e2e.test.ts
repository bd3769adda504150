import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../helpers/team-server';
import BetterSqlite3 from 'better-sqlite3';
import { callIpc, openAppInChromium, START_TIMEOUT_MS, type AppSession } from './app-session';
import { startWebShell, type WebShell } from './web-shell-process';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
/** Screenshots to look at by eye (English and Spanish at 1280×800). */
const SHOTS = '/tmp/csm-team-server';
const PASSWORD = 'correct horse battery';

let server: TeamServer;
let session: AppSession | undefined;
let page: Page;
let dataDir = '';
/** The web shell started again on the same data folder (stopped here; the session stops the first). */
let restarted: WebShell | undefined;

async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: Array<{ target: string[] }> };
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const settings = () => page.getByRole('dialog', { name: /Settings|Ajustes/ });
const badge = () => page.getByRole('banner').getByRole('status');

describe('team server sign-in through Settings (web shell in Chromium, real server on PGlite)', () => {
  beforeAll(async () => {
    server = await startTeamServer();
    await server.addUser({ email: 'ana@example.com', name: 'Ana Ruiz', password: PASSWORD });
    session = await openAppInChromium('csm-e2e-team-', {
      demo: false,
      bypassCSP: true,
      prepare: (dir) => void (dataDir = dir),
      ready: (p) => p.getByRole('heading', { name: 'Welcome to CSM Workstation' }).waitFor({ timeout: 30_000 }),
    });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    await restarted?.stop();
    await session?.close();
    await server?.close();
  }, 30_000);

  it('shows a wrong password in words, then signs in and shows the status in the header', async () => {
    await expect.poll(() => badge().getAttribute('aria-label')).toBe('Sync status: this book is not connected to a team server');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = settings();
    await dialog.getByRole('heading', { name: 'Team server' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await dialog.getByLabel('Server address').fill(server.url);
    await dialog.getByLabel('Email').fill('ana@example.com');
    await dialog.getByLabel('Password').fill('wrong password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Sign-in failed: Wrong email or password.');
    await page.screenshot({ path: `${SHOTS}/sign-in-error-en.png` });

    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByText('Signed in as Ana Ruiz (ana@example.com), CSM').waitFor({ timeout: 30_000 });
    expect(await dialog.getByText(server.url, { exact: true }).isVisible()).toBe(true);
    await dialog.getByRole('heading', { name: 'Sync problems' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/signed-in-settings-en.png` });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The signed-in book is open (empty until the server sends accounts) and the chrome says how sync stands.
    await page.getByText('No accounts in this book yet.').waitFor({ timeout: 30_000 });
    const label = await badge().getAttribute('aria-label');
    expect(label).toMatch(/^Sync status: /);
    expect(label).not.toContain('not connected');
    await page.screenshot({ path: `${SHOTS}/signed-in-header-en.png` });
  });

  it('reads the same in Spanish', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await badge().getAttribute('aria-label')).toMatch(/^Estado de sincronización: /);
    await page.getByRole('button', { name: 'Ajustes' }).click();
    await settings().getByText('Sesión iniciada como Ana Ruiz (ana@example.com), CSM').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/signed-in-settings-es.png` });
    await settings().getByRole('button', { name: 'Cerrar', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/signed-in-header-es.png` });
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('starts into the remembered session after a restart, quickly', async () => {
    await session!.shell.stop();
    const started = performance.now();
    restarted = await startWebShell(dataDir, START_TIMEOUT_MS);
    await page.goto(restarted.url);
    await page.getByText('No accounts in this book yet.').waitFor({ timeout: 30_000 });
    await expect.poll(() => badge().getAttribute('aria-label')).toMatch(/^Sync status: (?!this book is not connected)/);
    const ms = performance.now() - started;
    console.log(`web shell with a remembered session: signed-in book shown ${Math.round(ms)} ms after start`);
    // Generous for a loaded 2-core machine; the point is that nothing waits on the network or the keychain.
    expect(ms).toBeLessThan(15_000);
  });

  it('asks before discarding unsent changes, then signs out back to the first-start screen', async () => {
    // A change waiting in the outbox, written beside the running app (the next round is a minute away).
    const { storeFile } = await callIpc<{ storeFile: string }>(restarted!, 'app.status', {});
    const side = new BetterSqlite3(storeFile);
    side
      .prepare(`INSERT INTO outbox (entity, row_id, account_id, op, fields_json, hlc, created_at) VALUES ('notes', 'n1', 'a1', 'upsert', '{}', '000000000000001-000000-c', ?)`)
      .run(new Date().toISOString());
    side.close();
    await page.getByRole('button', { name: 'Settings' }).click();
    await settings().getByRole('button', { name: 'Sign out' }).click();
    const confirm = settings().getByRole('group', { name: '1 change has not reached the team server yet.' });
    await confirm.waitFor({ timeout: 10_000 });
    await expect.poll(() => badge().getAttribute('aria-label')).toContain('1 pending');
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/sign-out-confirm-en.png` });
    await confirm.getByRole('button', { name: 'Discard and sign out' }).click();
    await settings().getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    await settings().getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: 'Welcome to CSM Workstation' }).waitFor();
    await expect.poll(() => badge().getAttribute('aria-label')).toBe('Sync status: this book is not connected to a team server');
    await page.screenshot({ path: `${SHOTS}/signed-out-en.png` });
  });
});
