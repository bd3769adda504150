import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPage, openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;

const CARDS = ['Touchpoints due', 'Moved since last week', 'Renewals in 90 days', 'Open escalations', 'Onboarding'];

async function showToday(): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await page.getByRole('heading', { name: /^Touchpoints due|^Puntos de contacto pendientes/ }).waitFor({ timeout: 30_000 });
}

describe('Today, the home view (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-today-', { bypassCSP: true, ready: async (p) => {
      page = p;
      await showToday();
    } });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('shows every list and its count on one 1280×800 screen', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const name of CARDS) {
      const heading = page.getByRole('heading', { name: new RegExp(`^${name} \\d+$`) });
      expect(await heading.count(), name).toBe(1);
      const box = await heading.boundingBox();
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(800);
    }
    expect(await page.getByRole('status').filter({ hasText: /due today · \d+ overdue/ }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'today-1280-en.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'today-1920-en.png') });
  });

  it('opens the account of a row, whose page leads back to Today', async () => {
    const first = page.getByRole('list', { name: 'Touchpoints due' }).getByRole('listitem').first();
    const name = (await first.getByRole('link').first().innerText()).trim();
    await first.getByRole('link').first().click();
    await accountPage(page).getByTestId('health-score').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(name);
    await accountPage(page).getByRole('link', { name: '← Today' }).click();
    await page.getByRole('heading', { name: /^Touchpoints due/ }).waitFor();
  });

  it('has no serious accessibility violation, in English and Spanish', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: /^Puntos de contacto pendientes/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'today-1920-es.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'today-1280-es.png') });
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('asks before reminding, then raises one notification a day of the touchpoints due and overdue', async () => {
    // Chromium shows the notification itself; the page's Notification is wrapped to record what
    // the app asked it to show (the real one still runs).
    await page.addInitScript(`
      const Real = window.Notification;
      window.__shown = [];
      function Recorded(title, options) { window.__shown.push({ title, body: options && options.body }); return new Real(title, options); }
      Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
      Recorded.requestPermission = (...args) => Real.requestPermission(...args);
      window.Notification = Recorded;
    `);
    await page.reload();
    await showToday();
    const shown = () => page.evaluate('window.__shown') as Promise<Array<{ title: string; body: string }>>;
    const ask = page.getByRole('button', { name: 'Remind me of due touchpoints' });
    await ask.waitFor();
    expect(await shown()).toEqual([]); // nothing before the user allows it
    await page.context().grantPermissions(['notifications'], { origin: session!.shell.origin });
    await ask.click();
    await expect.poll(shown).toHaveLength(1);
    const summary = await page.getByRole('status').filter({ hasText: /due today · \d+ overdue/ }).innerText();
    const [, due, overdue] = /(\d+) due today · (\d+) overdue/.exec(summary)!;
    expect(await shown()).toEqual([{ title: 'Touchpoints to do today', body: `${due} due today, ${overdue} overdue` }]);
    expect(await ask.count()).toBe(0);
    // Coming back the same day reminds no more.
    await page.reload();
    await showToday();
    await page.waitForTimeout(300);
    expect(await shown()).toEqual([]);
  });
});
