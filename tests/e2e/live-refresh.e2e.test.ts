import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { accountLink, accountPage, callIpc, columnIndex, leaveAccountPage, openAppInChromium, START_TIMEOUT_MS, type AppSession } from './app-session';
import type { WebShell } from './web-shell-process';

let session: AppSession | undefined;
let shell: WebShell;
let page: Page;

function call<T>(operation: string, payload: unknown): Promise<T> {
  return callIpc<T>(shell, operation, payload);
}

/** The next-touchpoint cell of one account's row, found by the account name heading the row. */
/** The column moves when the book has several owners (the demo team): found by its header. */
let nextTouchpointTd = 6;
function nextTouchpointCell(name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: false }) }).locator('td').nth(nextTouchpointTd);
}

describe('live refresh: a write elsewhere shows up in an open tab without reloading', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-live-');
    ({ shell, page } = session);
  }, START_TIMEOUT_MS + 60_000);

  afterAll(() => session?.close(), 30_000);

  it('updates the next touchpoint when another client completes it', async () => {
    // Among all header cells; the row's cells start after its name (a th), hence - 1.
    nextTouchpointTd = (await columnIndex(page, 'Next touchpoint')) - 1;
    const { rows } = await call<{ rows: PortfolioRow[] }>('portfolio.list', {});
    // The first active row on screen (default sort: highest risk) with a planned touchpoint.
    const firstName = (await page.locator('tbody > tr:not(.is-churned) th').first().innerText()).split('\n')[0]!.trim();
    const target = rows.find((r) => r.name === firstName && r.nextTouchpoint) ?? rows.find((r) => r.status === 'active' && r.nextTouchpoint)!;
    const before = (await nextTouchpointCell(target.name).innerText()).trim();
    expect(before).toContain(displayTitle(target.nextTouchpoint!.title, 'en'));
    const asked = ipcRequestsOf(page);

    await call('touchpoints.complete', { touchpointId: target.nextTouchpoint!.id, outcome: 'Done from another window' });
    const after = (await call<{ rows: PortfolioRow[] }>('portfolio.list', {})).rows.find((r) => r.id === target.id)!;
    expect(after.nextTouchpoint?.id).not.toBe(target.nextTouchpoint!.id);

    // No reload: the page hears data.changed over server-sent events and refetches.
    await expect.poll(async () => (await nextTouchpointCell(target.name).innerText()).trim(), { timeout: 10_000 }).not.toBe(before);
    if (after.nextTouchpoint) expect(await nextTouchpointCell(target.name).innerText()).toContain(displayTitle(after.nextTouchpoint.title, 'en'));
    // Only the changed account's row was fetched, not the whole book.
    expect(asked).toContain('portfolio.rows');
    expect(asked).not.toContain('portfolio.list');
  });

  it('shows a note saved by another client in the open account without refetching the book', async () => {
    const { rows } = await call<{ rows: PortfolioRow[] }>('portfolio.list', {});
    const account = rows.find((r) => r.status === 'active')!;
    await accountLink(page, account.name).click();
    const panel = accountPage(page);
    await panel.getByRole('heading', { name: account.name }).waitFor();
    const asked = ipcRequestsOf(page);
    await call('notes.add', { id: uuidv7(), accountId: account.id, body: 'Saved from another window' });
    await panel.getByText('Saved from another window').waitFor({ timeout: 10_000 });
    expect(asked).toContain('notes.list');
    expect(asked.filter((name) => name.startsWith('portfolio.') || name === 'account.detail')).toEqual([]);
    await leaveAccountPage(page);
  });
});

/** The IPC operations the page calls from now on, in order. */
function ipcRequestsOf(target: Page): string[] {
  const names: string[] = [];
  target.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/ipc/')) names.push(path.slice('/ipc/'.length));
  });
  return names;
}
