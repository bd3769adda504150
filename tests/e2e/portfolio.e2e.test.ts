import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_LABELS } from '../../src-shared/scoring/labels';
import { columnIndex, openAppInChromium, SCREENSHOT_DIR, START_TIMEOUT_MS, type AppSession } from './app-session';
import type { WebShell } from './web-shell-process';

const EN_HEADERS = ['Account', 'ARR', 'Plan', 'Renewal', 'Health', 'Tier', 'Churn risk', 'Next touchpoint', 'Escalation'];

let session: AppSession | undefined;
let shell: WebShell;
let page: Page;


const ROW_SELECTOR = { all: 'tr', active: 'tr:not(.is-churned)', churned: 'tr.is-churned' } as const;

/** The visible text of one column for the body rows of a group (default all), in display order. */
async function columnTexts(name: string, group: keyof typeof ROW_SELECTOR = 'all'): Promise<string[]> {
  const index = await columnIndex(page, name);
  const cells = page.getByRole('table').locator(`tbody > ${ROW_SELECTOR[group]} > :nth-child(${index + 1})`);
  return (await cells.allInnerTexts()).map((text) => text.trim());
}

function healthHeader(label = 'Health'): Locator {
  return page.getByRole('columnheader', { name: label, exact: true });
}

const numbersOf = (texts: string[]): number[] => texts.filter((t) => t !== '—').map(Number);

describe('portfolio screen (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-portfolio-');
    ({ shell, page } = session);
  }, START_TIMEOUT_MS + 60_000);

  afterAll(() => session?.close(), 30_000);

  it('shows the demo book: caption, 150 body rows and every column header', async () => {
    const table = page.getByRole('table', { name: 'Portfolio — 150 accounts' });
    expect(await table.count()).toBe(1);
    expect((await table.locator('caption').innerText()).trim()).toBe('Portfolio — 150 accounts');
    expect(await table.getByRole('row').count()).toBe(151); // header row + 150 accounts
    expect(await table.locator('tbody').getByRole('row').count()).toBe(150);
    expect(await table.getByRole('rowheader').count()).toBe(150); // the account name heads each row
    for (const name of EN_HEADERS) {
      expect(await page.getByRole('columnheader', { name, exact: true }).count(), name).toBe(1);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio.png') });
  });

  it('sorts by churn risk, highest first, by default', async () => {
    expect(await page.getByRole('columnheader', { name: 'Churn risk', exact: true }).getAttribute('aria-sort')).toBe('descending');
    for (const group of ['active', 'churned'] as const) {
      const points = (await columnTexts('Churn risk', group)).map((text) => Number(/(\d+)\s*pts/.exec(text)?.[1]));
      expect(points.length).toBeGreaterThan(0);
      expect(points.every((p) => p >= 0 && p <= 100)).toBe(true);
      expect(points).toEqual([...points].sort((a, b) => b - a));
    }
    // Churned accounts come after the whole active book.
    const churnedFlags = await page.locator('tbody > tr').evaluateAll((rows) => rows.map((r) => r.classList.contains('is-churned')));
    expect(churnedFlags.indexOf(true)).toBe(churnedFlags.filter((c) => !c).length);
  });

  it('shows health as a number from 0 to 100 or a dash', async () => {
    const health = await columnTexts('Health');
    expect(health).toHaveLength(150);
    for (const text of health) {
      if (text === '—') continue;
      expect(text).toMatch(/^\d{1,3}$/);
      expect(Number(text)).toBeLessThanOrEqual(100);
    }
  });

  it('shows all four tiers with their labels', async () => {
    const tiers = new Set(await columnTexts('Tier'));
    for (const tier of ['critical', 'at_risk', 'stable', 'successful'] as const) {
      expect(tiers, TIER_LABELS.en[tier]).toContain(TIER_LABELS.en[tier]);
    }
  });

  it('sorts by health when its header is clicked, and flips with the keyboard', async () => {
    expect(await healthHeader().getAttribute('aria-sort')).toBe('none');
    await healthHeader().getByRole('button').click();
    await expect.poll(() => healthHeader().getAttribute('aria-sort')).toBe('ascending');
    expect(await page.getByRole('columnheader', { name: 'Churn risk', exact: true }).getAttribute('aria-sort')).toBe('none');
    const ascending = numbersOf((await columnTexts('Health')).slice(0, 20));
    expect(ascending.length).toBeGreaterThan(10);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    // Unknown health stays last (within the active book) in either direction.
    const all = await columnTexts('Health', 'active');
    expect(all.slice(all.length - all.filter((t) => t === '—').length).every((t) => t === '—')).toBe(true);

    await healthHeader().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => healthHeader().getAttribute('aria-sort')).toBe('descending');
    const descending = numbersOf((await columnTexts('Health')).slice(0, 20));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThanOrEqual(ascending[ascending.length - 1] ?? 0);
  });

  it('switches the interface to Spanish', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Salud', exact: true }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Health', exact: true }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Cartera — 150 cuentas' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
    const tiers = new Set(await columnTexts('Nivel'));
    expect(tiers).toContain(TIER_LABELS.es.critical);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-es.png') });
  });

  it('refuses IPC calls without the session token (401)', async () => {
    const call = (authorization?: string) =>
      fetch(`${shell.origin}/ipc/portfolio.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ payload: {} }),
      });
    expect((await call('Bearer not-the-token')).status).toBe(401);
    expect((await call()).status).toBe(401);
    const ok = await call(`Bearer ${shell.token}`); // the same request with the right token works
    expect(ok.status).toBe(200);
  });
});
