import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium-path';
import { REPO_ROOT, startWebShell, type WebShell } from './web-shell-process';

/** Building the app and seeding the 150-account demo book can take a minute or more. */
export const START_TIMEOUT_MS = 180_000;
export const SCREENSHOT_DIR = join(REPO_ROOT, 'tests', '.tmp');

export interface AppSession {
  shell: WebShell;
  browser: Browser;
  page: Page;
  close: () => Promise<void>;
}

export interface SessionOptions {
  /** Start on the demo book (default), or on what the data folder holds (the first-start screen when empty). */
  demo?: boolean;
  /** Writes into the fresh data folder before the app starts (a store, a damaged file…). */
  prepare?: (dataDir: string) => void;
  /** What shows the app is ready; the portfolio table by default. */
  ready?: (page: Page) => Promise<unknown>;
  /** Let the test inject scripts (axe-core) despite the app's content security policy. */
  bypassCSP?: boolean;
}

/**
 * The app as a user meets it: a web shell on a fresh data folder (on the demo book unless told
 * otherwise) and Debian's Chromium, in English at 1400×900.
 */
export async function openAppInChromium(prefix: string, options: SessionOptions = {}): Promise<AppSession> {
  const executablePath = findChromium(); // fails the suite with install instructions when missing
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let shell: WebShell | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    options.prepare?.(dataDir);
    shell = await startWebShell(dataDir, START_TIMEOUT_MS, options.demo === false ? [] : ['--demo']);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    await page.goto(shell.url);
    await (options.ready ? options.ready(page) : showPortfolio(page));
    return { shell, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Goes to the portfolio (as the Portfolio link in the header does) and waits for its table. */
export async function showPortfolio(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/portfolio';
  });
  await page.getByRole('table').waitFor({ timeout: 30_000 });
}

/** The account page on screen (#/accounts/ID). */
export function accountPage(page: Page): Locator {
  return page.locator('article.account-page');
}

/** An account's name in the portfolio table: the link to its page. */
export function accountLink(page: Page, name: string): Locator {
  return page.getByRole('table').getByRole('rowheader').getByRole('link', { name, exact: true }).first();
}

/** Opens an account's page from its name in the portfolio table and waits for its scores. */
export async function openAccountFromTable(page: Page, name: string): Promise<void> {
  await accountLink(page, name).click();
  await accountPage(page).getByTestId('health-score').waitFor({ timeout: 15_000 });
}

/** Leaves an account's page by its back link and waits for the list it returns to. */
export async function leaveAccountPage(page: Page): Promise<void> {
  await accountPage(page).locator('.back-link').click();
  await accountPage(page).waitFor({ state: 'detached' });
}

/** Index (0-based, among all header cells) of the column whose sort button is named `name`. */
export async function columnIndex(page: Page, name: string): Promise<number> {
  const headers = page.getByRole('columnheader');
  const count = await headers.count();
  for (let i = 0; i < count; i += 1) {
    if ((await headers.nth(i).getByRole('button', { name, exact: true }).count()) === 1) return i;
  }
  throw new Error(`no column header named "${name}"`);
}

/** One contract operation over the web shell's HTTP, as another client would call it; throws its error. */
export async function callIpc<T>(shell: WebShell, operation: string, payload: unknown): Promise<T> {
  const response = await fetch(`${shell.origin}/ipc/${operation}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shell.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ payload }),
  });
  const result = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.data;
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2.1 A/AA rules on what the page shows now; the serious and critical findings. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
