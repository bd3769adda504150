import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

/** Above the table's windowing threshold (300), so only the rows near the viewport are rendered. */
const ACCOUNTS = 420;

let session: AppSession | undefined;
let page: Page;

const renderedRows = () => page.getByRole('table').locator('tbody tr:not(.spacer)');
const lastRowIndex = async () => Number(await renderedRows().last().getAttribute('aria-rowindex'));

describe('a book larger than the window (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-large-', {
      demo: false,
      bypassCSP: true, // axe is injected as a script
      prepare: (dataDir) => {
        const db = openStore({ dataDir });
        generateDemoBook(db, { accounts: ACCOUNTS, seed: 7, asOf: new Date('2026-11-20T00:00:00.000Z') });
        db.close();
      },
    });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('renders the rows near the viewport and reaches the last account by scrolling', async () => {
    const table = page.getByRole('table');
    await expect.poll(() => table.locator('caption').textContent()).toBe(`Portfolio — ${ACCOUNTS} accounts`);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(ACCOUNTS + 1));
    const firstScreen = await renderedRows().count();
    expect(firstScreen).toBeGreaterThan(15);
    expect(firstScreen).toBeLessThan(120);
    expect(await renderedRows().first().getAttribute('aria-rowindex')).toBe('2');

    await page.locator('.table-scroll').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    await expect.poll(lastRowIndex).toBe(ACCOUNTS + 1);
    expect(await renderedRows().count()).toBeLessThan(120);
    // The last row is really on screen, not only in the DOM.
    const last = await renderedRows().last().boundingBox();
    expect(last && last.y + last.height).toBeLessThanOrEqual(800);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-large-bottom-en.png') });

    await page.locator('.table-scroll').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight / 2 }));
    await expect.poll(async () => Number(await renderedRows().first().getAttribute('aria-rowindex'))).toBeGreaterThan(100);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-large-middle-en.png') });
    // The spacer rows and the row indexes of a windowed table pass axe, in both languages.
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => page.getByRole('table').locator('caption').textContent()).toBe(`Cartera — ${ACCOUNTS} cuentas`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-large-middle-es.png') });
  });
});
