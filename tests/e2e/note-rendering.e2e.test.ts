import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import type { Note } from '../../src-shared/domain/entities';
import { accountPage, callIpc, leaveAccountPage, openAccountFromTable, openAppInChromium, SCREENSHOT_DIR, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;
let account: PortfolioRow;
const pageErrors: string[] = [];

// The bodies that used to blank the window ("Maximum call stack size exceeded" in react-markdown).
const QUOTES = `${'>'.repeat(5000)} the customer said renewal is at risk`;
const STARS = `${'*'.repeat(3000)}urgent${'*'.repeat(3000)}`;

const dialog = (): Locator => accountPage(page);
const notes = (): Locator => dialog().getByRole('list', { name: 'Notes' }).getByRole('listitem');

async function openAccount(): Promise<void> {
  await openAccountFromTable(page, account.name);
  await notes().first().waitFor({ timeout: 15_000 });
}

describe('a note that markdown cannot handle never takes the window down', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-note-render-');
    ({ page } = session);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const { rows } = await callIpc<{ rows: PortfolioRow[] }>(session.shell, 'portfolio.list', {});
    const firstName = (await page.locator('tbody > tr th a').first().innerText()).trim();
    account = rows.find((r) => r.name === firstName)!;
  }, START_TIMEOUT_MS + 60_000);

  afterAll(() => session?.close(), 30_000);

  it('saves 5,000 quote markers through the form and shows them as plain text', async () => {
    await openAccount();
    await dialog().getByRole('textbox', { name: 'Add note' }).fill(QUOTES);
    await dialog().getByRole('button', { name: 'Save', exact: true }).click();
    const first = notes().first();
    await expect.poll(() => first.locator('.note-body-plain').count(), { timeout: 10_000 }).toBe(1);
    expect(await first.locator('.note-body-plain').innerText()).toBe(QUOTES);
    expect(await first.innerText()).toContain('Shown as plain text');
    expect(await dialog().getByRole('heading', { level: 2, name: account.name }).isVisible()).toBe(true);
  });

  it('opens an account whose newest note is 3,000 stars around a word, again and again', async () => {
    await callIpc<{ note: Note }>(session!.shell, 'notes.add', { id: uuidv7(), accountId: account.id, body: STARS });
    await leaveAccountPage(page);
    for (let round = 0; round < 2; round += 1) {
      await openAccount();
      await expect.poll(() => notes().first().locator('.note-body-plain').innerText(), { timeout: 10_000 }).toBe(STARS);
      await leaveAccountPage(page);
    }
    // The portfolio is still there after each visit, and nothing threw.
    expect(await page.getByRole('table', { name: /^Portfolio/ }).locator('tbody > tr').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('formats an ordinary note, and its links open outside the app', async () => {
    const body = '**Renewal** agreed.\n\n- [order form](https://example.com/order)\n- [local](/portfolio) link';
    await callIpc<{ note: Note }>(session!.shell, 'notes.add', { id: uuidv7(), accountId: account.id, body });
    await openAccount();
    const first = notes().first();
    await expect.poll(() => first.locator('strong').first().innerText(), { timeout: 10_000 }).toBe('Renewal');
    const link = first.getByRole('link', { name: 'order form' });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // A relative link would navigate the app itself: it is shown as text.
    expect(await first.getByRole('link', { name: 'local' }).count()).toBe(0);

    // No network in tests: the new tab gets a stand-in page.
    await page.context().route('https://example.com/**', (route) => route.fulfill({ contentType: 'text/html', body: 'order form' }));
    const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    expect(popup.url()).toContain('example.com/order');
    await popup.close();
    expect(page.url()).not.toContain('example.com');
    expect(await dialog().count()).toBe(1);

    await notes().nth(2).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'notes-plain-text.png') });
    expect(pageErrors).toEqual([]);
  });
});
