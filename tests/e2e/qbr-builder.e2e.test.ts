import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { utcQuarter } from '../../src-shared/schedule/utc-date';
import { pdfPages } from '../helpers/pdf-text';
import { accountPage, callIpc, openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;

const SECTIONS = ['Health', 'Usage and adoption against the plan', 'Success-plan goals', 'Touchpoints held', 'Escalations', 'NPS, CSAT and CES', 'Risk signals', 'Expansion signals', 'Plan for next quarter', 'CSM commentary'];

describe('the QBR builder (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-qbr-', { bypassCSP: true });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it("builds this quarter's pack from an account, keeps the CSM's plan, and reads in both languages", async () => {
    const { rows } = await callIpc<{ rows: PortfolioRow[] }>(session!.shell, 'portfolio.list', {});
    const account = rows.find((r) => r.status === 'active' && !r.onboarding)!;
    await page.evaluate((id) => {
      location.hash = `#/accounts/${id}`;
    }, account.id);
    await accountPage(page).getByTestId('health-score').waitFor();
    await page.getByRole('link', { name: 'QBR', exact: true }).click();
    const quarter = utcQuarter(new Date()).key;
    await page.getByRole('heading', { name: `Quarterly business review: ${account.name}` }).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`/qbr/${quarter}`);
    for (const heading of SECTIONS) expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    // The end-of-quarter health is the account's score today (a quarter still running ends now).
    const endFact = page.locator('.qbr-health dd').nth(1);
    expect(await endFact.innerText()).toMatch(new RegExp(`^${account.health ?? '—'} · `));
    expect(await page.getByRole('row', { name: /^NPS / }).count()).toBe(1);

    await page.getByLabel('Plan for next quarter (one commitment per line)').fill('- Train the finance team\n- Review API limits');
    await page.getByLabel('Commentary', { exact: true }).fill('Adoption is up since the SSO rollout.');
    // The preview is the document the exports render: it follows the text as it is typed.
    await page.locator('.qbr-plan li', { hasText: 'Review API limits' }).waitFor();
    await page.getByRole('button', { name: 'Save plan and commentary' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
    await page.reload();
    await page.locator('.qbr-commentary', { hasText: 'Adoption is up since the SSO rollout.' }).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Plan for next quarter (one commitment per line)').inputValue()).toBe('- Train the finance team\n- Review API limits');
    await page.locator('.qbr-chart canvas').waitFor(); // chart.js arrives with the first chart
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'qbr-1280-en.png') });

    // One click each: a PDF whose text holds the account, quarter, score and plan, and an HTML file
    // that reads the same in a browser with the network cut.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(new RegExp(`^qbr-[a-z0-9-]+-${quarter}\\.pdf$`));
    const pdfText = (await pdfPages(readFileSync((await pdf.path())!))).join('\n');
    for (const expected of [account.name, quarter, 'Train the finance team', 'Adoption is up since the SSO rollout.', 'Quarterly business review']) expect(pdfText).toContain(expected);
    copyFileSync((await pdf.path())!, join(SCREENSHOT_DIR, 'qbr-export-en.pdf'));
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML' }).click()]);
    const offline = await page.context().newPage();
    const requests: string[] = [];
    await offline.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await offline.setContent(readFileSync((await html.path())!, 'utf8'));
    await offline.getByRole('heading', { name: `Quarterly business review: ${account.name}` }).waitFor();
    expect(await offline.getByRole('heading', { name: 'Plan for next quarter' }).count()).toBe(1);
    expect(await offline.locator('svg.chart polyline').count()).toBe(1);
    expect(requests).toEqual([]);
    await offline.screenshot({ path: join(SCREENSHOT_DIR, 'qbr-export-html.png'), fullPage: true });
    await offline.close();

    // Another quarter from the picker; then Spanish at 1920×1080.
    const previous = await page.getByLabel('Quarter', { exact: true }).locator('option').nth(1).getAttribute('value');
    if (previous) {
      await page.getByLabel('Quarter', { exact: true }).selectOption(previous);
      await page.getByText(new RegExp(`^${previous} · `)).waitFor();
    }
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: `Revisión trimestral de negocio: ${account.name}` }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'qbr-1920-es.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('prepares every QBR due this quarter in one go, with progress, into the book\'s folder', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'QBRs' }).click();
    const quarter = utcQuarter(new Date()).key;
    await page.getByRole('heading', { name: `QBRs due in ${quarter}` }).waitFor();
    const due = await callIpc<{ folder: string; accounts: Array<{ name: string }> }>(session!.shell, 'qbr.due', { quarter });
    expect(due.accounts.length).toBeGreaterThan(1);
    // The heading is static; the rows arrive with the query, so wait for the button that counts them.
    const prepareAll = page.getByRole('button', { name: `Prepare all ${due.accounts.length} packs (PDF)` });
    await prepareAll.waitFor();
    expect(await page.locator('.qbrs-table tbody tr').count()).toBe(due.accounts.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'qbrs-1280-en.png') });
    await prepareAll.click();
    await page.getByRole('status').filter({ hasText: `${due.accounts.length} packs written to ${due.folder}` }).waitFor({ timeout: 60_000 });
    const files = readdirSync(due.folder).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(due.accounts.length);
    // Each row now says when its pack was exported.
    expect(await page.locator('.qbrs-table tbody td', { hasText: 'not yet' }).count()).toBe(0);
  });
});
