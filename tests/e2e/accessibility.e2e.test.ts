import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPage, leaveAccountPage, openAppInChromium, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;

describe('accessibility (axe-core in Chromium, WCAG 2.1 A/AA)', () => {
  beforeAll(async () => {
    // axe is injected as a script: the test's own page may run it despite the app's CSP.
    session = await openAppInChromium('csm-e2e-axe-', { bypassCSP: true });
    ({ page } = session);
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('the portfolio, in English and Spanish', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('the account page', async () => {
    await page.getByRole('table').getByRole('rowheader').getByRole('link').first().click();
    await accountPage(page).getByRole('heading', { level: 3 }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await leaveAccountPage(page);
  });

  it('Settings with its backups', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  });
});
