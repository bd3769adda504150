import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPage, openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;

const caption = () => page.getByRole('table').locator('caption').innerText();
const bodyRows = () => page.getByRole('table').locator('tbody tr:not(.spacer):not(.group-row)');
const filters = () => page.getByRole('group', { name: 'Filters' });

async function tick(menu: string, option: string, checked = true): Promise<void> {
  await filters().locator('summary', { hasText: menu }).click();
  await filters().getByRole('checkbox', { name: option, exact: true }).setChecked(checked);
  await filters().locator('summary', { hasText: menu }).click();
}

describe('portfolio views: filters, grouping, saved views, CSV, keyboard (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-views-', { bypassCSP: true });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('narrows the book by tier, risk and free text, and says how many of how many', async () => {
    await tick('Tier', 'Critical');
    await tick('Risk', 'High');
    await expect.poll(caption).toMatch(/^Portfolio — \d+ of 150 accounts$/);
    const tiers = await bodyRows().locator('td:nth-child(6)').allInnerTexts();
    expect(tiers.length).toBeGreaterThan(0);
    expect(new Set(tiers.map((x) => x.trim()))).toEqual(new Set(['Critical']));
    const first = (await bodyRows().first().locator('th').innerText()).trim();
    await filters().getByRole('searchbox').fill(first.slice(0, 5).toLowerCase());
    await expect.poll(() => bodyRows().first().locator('th').innerText()).toContain(first);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-filtered-1280-en.png') });
    await filters().getByRole('searchbox').fill('');
  });

  it('saves the view by name and brings it back after the filters were cleared and the page reloaded', async () => {
    const filtered = await caption();
    await filters().getByRole('button', { name: 'Save view…' }).click();
    await filters().getByRole('textbox', { name: 'Name of this view' }).fill('Critical and high');
    await filters().getByRole('button', { name: 'Save', exact: true }).click();
    await filters().getByRole('button', { name: /^Clear filters/ }).click();
    await expect.poll(caption).toBe('Portfolio — 150 accounts');
    await page.reload();
    await page.getByRole('table').waitFor({ timeout: 30_000 });
    await filters().getByLabel('Saved views').selectOption('Critical and high');
    await expect.poll(caption).toBe(filtered);
  });

  it('exports the view as CSV: the rows shown, in their order', async () => {
    const shown = (await bodyRows().locator('th').allInnerTexts()).map((n) => n.replace(/\s*(ONBOARDING|CHURNED)$/i, '').trim());
    const [download] = await Promise.all([page.waitForEvent('download'), filters().getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const [header, ...data] = Papa.parse<string[]>(text.trim()).data;
    expect(header?.slice(0, 3)).toEqual(['Account', 'ARR', 'Plan']);
    expect(data.map((r) => r[0])).toEqual(shown);
  });

  it('groups by tier, hides a column, and moves between accounts with the arrow keys', async () => {
    await filters().getByRole('button', { name: /^Clear filters/ }).click();
    await filters().getByLabel('Group by').selectOption('tier');
    await page.getByRole('rowheader', { name: /^Critical \d+$/ }).waitFor();
    await tick('Columns', 'Plan', false);
    expect(await page.getByRole('columnheader', { name: /^Plan/ }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-grouped-1280-en.png') });
    const links = bodyRows().locator('th a');
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = (await links.nth(2).innerText()).trim();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(third);
    await page.keyboard.press('Enter');
    await accountPage(page).getByTestId('health-score').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(third);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(third);
    // Back to the plain view for whoever comes next.
    await filters().getByLabel('Group by').selectOption('none');
    await tick('Columns', 'Plan');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(caption).toBe('Cartera — 150 cuentas');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'portfolio-1920-es.png') });
    await page.getByRole('button', { name: 'English' }).click();
  });
});
