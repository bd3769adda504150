import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { organisationTeam } from '../../src-shared/demo/demo-team';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { callIpc, openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;

const EXECUTIVE = ['Health distribution by tier', 'ARR by tier', 'Churn risk bands', 'Renewals and ARR at risk', 'NPS answers by quarter', 'Monthly churn', 'Cohort retention', 'Churn model: what predicts churn'];
const OPERATIONAL = ['Touchpoints done and overdue, by week', 'Open escalations by level and age', 'Onboarding checklist progress', 'Feedback by category and sentiment', 'Certification of customer contacts', 'Training sessions attended, last 90 days'];

function figure(name: string) {
  return page.locator('section.dash-figure', { has: page.getByRole('heading', { name, exact: true }) });
}

/** The figure's table alternative as text: [category, ...values] per row. */
async function tableOf(name: string): Promise<string[][]> {
  const section = figure(name);
  const details = section.locator('details');
  if ((await details.count()) === 1 && !(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return section.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

/**
 * A screenshot of the viewport, then one of the whole dashboard (it scrolls inside the app's
 * window, so the page is made as tall as it for a moment).
 */
async function screenshots(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  const size = page.viewportSize()!;
  const height = await page.locator('.dashboards').evaluate((el) => el.scrollHeight + 120);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-full.png`) });
  await page.setViewportSize(size);
}

/** Whether the app header shows everything on one line without running off the window. */
function headerFits(): Promise<boolean> {
  return page.locator('.app-header').evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height < 60);
}

describe('the dashboards (web shell in Chromium, demo book)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-dash-', { bypassCSP: true });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('shows the Executive dashboard with the engine’s figures, and each figure lists its accounts', async () => {
    const { rows } = await callIpc<{ rows: PortfolioRow[] }>(session!.shell, 'portfolio.list', {});
    const active = rows.filter((r) => r.status === 'active');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
    for (const heading of EXECUTIVE) await figure(heading).waitFor();
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('.dash-kpi[data-kpi="activeAccounts"] .dash-kpi-value').innerText()).toBe(String(active.length));
    expect(await headerFits()).toBe(true);

    // Health by tier equals the portfolio's tiers, count for count.
    const tiers = await tableOf('Health distribution by tier');
    const labels: Record<string, string> = { Critical: 'critical', 'At risk': 'at_risk', Stable: 'stable', Successful: 'successful', Unscored: 'unscored' };
    for (const [label, count] of tiers) {
      expect(Number(count), label).toBe(active.filter((r) => r.tier === labels[label!]).length);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots('dashboard-executive-1280-en');

    // A value of the table opens the accounts behind it: the critical ones, by name.
    await figure('Health distribution by tier').getByRole('link', { name: /list the accounts of Critical/ }).click();
    await page.getByRole('heading', { name: 'Health distribution by tier: Critical, Accounts' }).waitFor();
    const critical = active.filter((r) => r.tier === 'critical').map((r) => r.name).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
    await page.getByRole('status').filter({ hasText: `${critical.length} account` }).waitFor();
    expect(await page.locator('.dash-drill-table tbody th a').allInnerTexts()).toEqual(critical);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-drill-1280-en.png') });
    await page.getByRole('link', { name: /Back to the Executive dashboard/ }).click();

    // Clicking a bar opens its accounts: the middle of the five tier bars is Stable, and it rises from the axis.
    const canvas = figure('Health distribution by tier').locator('canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + 30 + (box.width - 30) / 2, box.y + box.height - 40);
    await page.getByRole('heading', { name: 'Health distribution by tier: Stable, Accounts' }).waitFor();
    await page.getByRole('status').filter({ hasText: `${active.filter((r) => r.tier === 'stable').length} accounts` }).waitFor();
    await page.goBack();
    await figure('ARR by tier').waitFor();

    // A hand-typed link to a figure the dashboard lacks says so, with the way back.
    await page.evaluate(() => {
      location.hash = '#/dashboards/executive/kpi/constructor';
    });
    await page.getByText('This dashboard has no such figure.', { exact: false }).waitFor();
    await page.goBack();
    await figure('ARR by tier').waitFor();

    // A KPI opens its accounts too.
    await page.locator('.dash-kpi[data-kpi="activeAccounts"]').click();
    await page.getByRole('status').filter({ hasText: `${active.length} accounts` }).waitFor();
    await page.goBack();
    await figure('ARR by tier').waitFor();
  });

  it('exports a chart as PNG and its figures as CSV', async () => {
    const section = figure('Churn risk bands');
    const [png] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download “Churn risk bands” as a PNG image' }).click()]);
    expect(png.suggestedFilename()).toMatch(/^executive-riskBands-\d{4}-\d{2}-\d{2}\.png$/);
    const image = readFileSync((await png.path())!);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.length).toBeGreaterThan(2_000);
    const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download “Churn risk bands” as CSV' }).click()]);
    const parsed = Papa.parse<string[]>(readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Churn risk bands', 'Accounts', 'ARR']);
    const table = await tableOf('Churn risk bands');
    expect(parsed.slice(1).map((r) => [r[0], Number(r[1])])).toEqual(table.map((r) => [r[0], Number(r[1]!.replace(/,/g, ''))]));
  });

  it('shows the Operational dashboard, in English and Spanish, at two sizes', async () => {
    await page.getByRole('link', { name: 'Operational' }).click();
    for (const heading of OPERATIONAL) await figure(heading).waitFor();
    const { escalations } = await callIpc<{ escalations: unknown[] }>(session!.shell, 'escalations.board', {});
    expect(await page.locator('.dash-kpi[data-kpi="openEscalations"] .dash-kpi-value').innerText()).toBe(String(escalations.length));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots('dashboard-operational-1280-en');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Contactos realizados y vencidos, por semana' }).waitFor();
    expect(await headerFits()).toBe(true);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshots('dashboard-operational-1920-es');
    await page.getByRole('link', { name: 'Dirección' }).click();
    await page.getByRole('heading', { name: 'Distribución de la salud por nivel' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshots('dashboard-executive-1920-es');
    await page.getByRole('link', { name: 'Equipo' }).click();
    await page.getByRole('heading', { name: 'El equipo de un vistazo' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("the Team dashboard on a manager's book (an organisation's demo team)", () => {
  let team: AppSession | undefined;
  beforeAll(async () => {
    team = await openAppInChromium('csm-e2e-dash-team-', {
      demo: false,
      bypassCSP: true,
      prepare: (dataDir) => {
        const db = openStore({ dataDir });
        generateDemoBook(db, { accounts: 120, seed: 11, asOf: new Date(), team: organisationTeam() });
        db.close();
      },
    });
    page = team.page;
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => team?.close(), 30_000);

  it('shows a row per CSM whose accounts add up to the book, each opening that CSM’s accounts', async () => {
    const { rows } = await callIpc<{ rows: PortfolioRow[] }>(team!.shell, 'portfolio.list', {});
    const active = rows.filter((r) => r.status === 'active');
    const owners = new Set(active.map((r) => r.ownerName));
    await page.evaluate(() => {
      location.hash = '#/dashboards/team';
    });
    await figure('The team at a glance').waitFor();
    const table = await tableOf('The team at a glance');
    expect(table.map((r) => r[0]).sort()).toEqual([...owners].sort());
    expect(table.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(active.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots('dashboard-team-1280-en');

    const [name, count] = table[0]!;
    await figure('The team at a glance').getByRole('link', { name: `${count}: list the accounts of ${name}, Accounts` }).click();
    await page.getByRole('status').filter({ hasText: `${count} accounts` }).waitFor();
    const listed = await page.locator('.dash-drill-table tbody tr td:nth-child(2)').allInnerTexts();
    expect(new Set(listed)).toEqual(new Set([name]));
    await page.goBack();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'El equipo de un vistazo' }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('canvas').first().waitFor();
    await screenshots('dashboard-team-1920-es');
  });
});
