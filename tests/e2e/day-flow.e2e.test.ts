import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountPage, openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;
let accountName = '';
const WORD = `zanzibar${Date.now() % 100_000}`;

const upcoming = (): Locator => accountPage(page).getByRole('list', { name: 'Upcoming touchpoints' }).getByRole('listitem');
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

async function go(hash: string, ready: Locator): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await ready.waitFor({ timeout: 30_000 });
}

describe("a CSM's day, Today to search (web shell in Chromium)", () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-day-', {
      bypassCSP: true,
      ready: async (p) => {
        await p.setViewportSize({ width: 1280, height: 800 });
        await p.getByRole('heading', { name: /^Touchpoints due/ }).waitFor({ timeout: 30_000 });
      },
    });
    ({ page } = session);
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('opens an account with a check-in due from Today', async () => {
    const row = page.getByRole('list', { name: 'Touchpoints due' }).getByRole('listitem').filter({ hasText: /check-in/ }).first();
    accountName = (await row.getByRole('link').first().innerText()).trim();
    await row.getByRole('link').first().click();
    await accountPage(page).getByTestId('health-score').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(accountName);
  });

  it('logs the call as a quick note that completes the check-in, plans the next one and a next step', async () => {
    const checkIn = upcoming().filter({ hasText: /check-in/ }).first();
    const checkInId = await checkIn.getAttribute('data-touchpoint-id');
    const checkInTitle = (await checkIn.locator('.tp-title').innerText()).trim();
    await page.getByRole('heading', { level: 2 }).focus();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'Quick note' });
    await dialog.waitFor();
    await page.keyboard.type(`Call went well; the ${WORD} rollout starts Monday.`);
    const touchpointSelect = dialog.getByLabel('For touchpoint');
    const option = touchpointSelect.locator('option', { hasText: checkInTitle }).first();
    await touchpointSelect.selectOption({ value: (await option.getAttribute('value'))! });
    await dialog.getByRole('radio', { name: 'Positive' }).check();
    await dialog.getByLabel('Next step').fill('Send the renewal quote');
    await dialog.getByLabel('Due').fill('2027-01-15');
    await shot('quick-note-1280-en');
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => accountPage(page).locator(`[data-touchpoint-id="${checkInId}"]`).count(), { timeout: 10_000 }).toBe(0);
    // The next check-in appears, and the next step is planned.
    await expect.poll(() => upcoming().filter({ hasText: /check-in/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => upcoming().filter({ hasText: 'Send the renewal quote' }).count()).toBe(1);
    await expect.poll(() => accountPage(page).getByRole('list', { name: 'Notes' }).getByRole('listitem').first().innerText()).toContain(WORD);
  });

  it('escalates the account and finds it on the board', async () => {
    await accountPage(page).getByRole('button', { name: 'Open an escalation…' }).click();
    const form = accountPage(page).locator('form.inline-form');
    await form.getByLabel('Level').selectOption('3');
    await form.getByLabel('Severity').selectOption('high');
    await form.getByLabel('Reason').fill('Renewal blocked on the integration');
    await form.getByRole('button', { name: 'Open escalation' }).click();
    await accountPage(page).locator('.escalation', { hasText: 'Renewal blocked on the integration' }).waitFor({ timeout: 10_000 });
    await shot('account-page-1280-en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Escalations' }).click();
    const column = page.getByRole('region', { name: /^Level 3: CS Manager/ });
    await column.getByText('Renewal blocked on the integration').waitFor({ timeout: 10_000 });
    expect(await column.getByRole('link', { name: accountName }).count()).toBeGreaterThan(0);
    await shot('escalation-board-1280-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('finds the note by searching, the word highlighted', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByRole('searchbox').fill(WORD);
    const hit = page.getByRole('list', { name: 'Matching notes' }).getByRole('listitem').first();
    await expect.poll(() => hit.innerText(), { timeout: 10_000 }).toContain(accountName);
    expect(await hit.locator('mark').innerText()).toBe(WORD);
    await shot('search-1280-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await hit.getByRole('link', { name: accountName }).click();
    await accountPage(page).getByTestId('health-score').waitFor();
  });

  it('does it all from the keyboard: palette to an account, a quick note, then the board', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.type(accountName.slice(0, 6));
    await expect.poll(() => palette.getByRole('option', { name: new RegExp(accountName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).count()).toBeGreaterThan(0);
    // Move to the account among the matches and open it.
    const options = await palette.getByRole('option').allInnerTexts();
    const index = options.findIndex((text) => text.startsWith(accountName));
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await accountPage(page).getByTestId('health-score').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(accountName);
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'Quick note' }).waitFor();
    await page.keyboard.type(`Keyboard note ${WORD}`);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('dialog', { name: 'Quick note' }).waitFor({ state: 'detached' });
    await expect.poll(() => accountPage(page).getByRole('list', { name: 'Notes' }).getByRole('listitem').first().innerText()).toContain('Keyboard note');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('escal');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Escalation board' }).waitFor();
  });

  it('reads the same in Spanish, with no serious accessibility violation, at both sizes', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Tablero de escaladas' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot('escalation-board-1280-es');
    await go('#/', page.getByRole('heading', { name: /^Puntos de contacto pendientes/ }));
    const first = page.getByRole('list', { name: 'Puntos de contacto pendientes' }).getByRole('listitem').first();
    expect(await first.innerText()).not.toMatch(/check-in|business review/); // generated titles follow the language
    await page.getByRole('link', { name: accountName }).first().click();
    await accountPage(page).getByTestId('health-score').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot('account-page-1280-es');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('account-page-1920-es');
    await go('#/search', page.getByRole('heading', { name: 'Buscar notas' }));
    await page.getByRole('searchbox').fill(WORD);
    await page.getByRole('list', { name: 'Notas que coinciden' }).getByRole('listitem').first().waitFor({ timeout: 10_000 });
    await shot('search-1920-es');
    await page.getByRole('button', { name: 'English' }).click();
    await go('#/escalations', page.getByRole('heading', { name: 'Escalation board' }));
    await shot('escalation-board-1920-en');
    await go('#/portfolio', page.getByRole('table'));
    await shot('portfolio-1920-en');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
