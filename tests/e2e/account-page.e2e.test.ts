import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountLink, accountPage, columnIndex, openAppInChromium, SCREENSHOT_DIR, START_TIMEOUT_MS, type AppSession } from './app-session';


let session: AppSession | undefined;
let page: Page;
let accountName = '';
let tableHealth = '';


const dialog = (): Locator => accountPage(page);
const nameLink = (): Locator => accountLink(page, accountName);

describe('account page (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-account-');
    ({ page } = session);
  }, START_TIMEOUT_MS + 60_000);

  afterAll(() => session?.close(), 30_000);

  it('opens the first account from the table with its name and the same health score', async () => {
    const firstRow = page.getByRole('table').locator('tbody > tr').first();
    const link = firstRow.getByRole('rowheader').getByRole('link');
    accountName = (await link.innerText()).trim();
    const healthIndex = await columnIndex(page, 'Health');
    tableHealth = (await firstRow.locator(`> :nth-child(${healthIndex + 1})`).innerText()).trim();
    expect(accountName).not.toBe('');

    // A click anywhere on the row (here its plan cell) opens the account.
    await firstRow.locator('td').first().click();
    await expect.poll(() => dialog().count()).toBe(1);
    await dialog().getByTestId('health-score').waitFor({ timeout: 15_000 });
    // Named by the account once it is loaded ("Loading account…" before).
    expect(await page.getByRole('article', { name: accountName }).count()).toBe(1);
    expect((await dialog().getByTestId('health-score').innerText()).trim()).toBe(tableHealth);
    // The page has its own address, and focus moved to its title.
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/accounts\/[0-9a-f-]+$/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(accountName);
  });

  it('explains the health score by category and metric, and the churn risk', async () => {
    for (const heading of ['Why this health score', 'Usage', 'Engagement', 'Business outcomes', 'Churn risk', 'Notes']) {
      expect(await dialog().getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    const sentences = await dialog().locator('.explain').allInnerTexts();
    expect(sentences.some((s) => s.includes('→'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-page.png') });
    // The lower sections (risk, contacts, escalations, touchpoints, notes) for a visual check.
    await dialog().getByRole('heading', { name: 'Churn risk', exact: true }).scrollIntoViewIfNeeded();
    await dialog().evaluate((el) => el.scrollBy(0, -80));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-page-risk.png') });
    await dialog().getByRole('heading', { name: 'Notes', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-page-notes.png') });
    await dialog().evaluate((el) => el.scrollTo(0, 0));
  });

  it('adds a note that appears on top and survives a reload', async () => {
    const text = `E2E note ${Date.now()} — call went well`;
    const input = dialog().getByRole('textbox', { name: 'Add note' });
    const save = dialog().getByRole('button', { name: 'Save', exact: true });
    expect(await save.isDisabled()).toBe(true); // nothing typed yet

    // A note main refuses (too long) shows the error next to the form and keeps the text.
    const tooLong = 'x'.repeat(100_001);
    await input.fill(tooLong);
    await save.click();
    await dialog().locator('.note-form [role="alert"]').waitFor({ timeout: 10_000 });
    expect(await dialog().locator('.note-form [role="alert"]').innerText()).toContain('The note was not saved');
    expect((await input.inputValue()).length).toBe(tooLong.length);

    await input.fill(text);
    await save.click();
    const firstNote = dialog().getByRole('list', { name: 'Notes' }).getByRole('listitem').first();
    await expect.poll(() => firstNote.innerText(), { timeout: 10_000 }).toContain(text);
    expect(await input.inputValue()).toBe('');

    // The deep link survives a reload: the same account's page comes back.
    await page.reload();
    await dialog().getByTestId('health-score').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(accountName);
    await expect
      .poll(() => dialog().getByRole('list', { name: 'Notes' }).getByRole('listitem').first().innerText(), { timeout: 10_000 })
      .toContain(text);
  });

  it('marks an upcoming touchpoint done and it leaves the list', async () => {
    const items = dialog().getByRole('list', { name: 'Upcoming touchpoints' }).getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    const id = await items.first().getAttribute('data-touchpoint-id');
    expect(id).toBeTruthy();
    await items.first().getByRole('button', { name: /^Mark done: / }).click();
    // Done with an outcome and how it went, in place.
    await items.first().getByRole('textbox', { name: 'Outcome (optional)' }).fill('Agreed on the rollout plan');
    await items.first().getByRole('radio', { name: 'Positive' }).check();
    await items.first().getByRole('button', { name: 'Mark done', exact: true }).click();
    await expect.poll(() => dialog().locator(`[data-touchpoint-id="${id}"]`).count(), { timeout: 10_000 }).toBe(0);
  });

  it('goes back to the portfolio with Escape and gives focus back to the account name', async () => {
    await dialog().getByRole('heading', { level: 2 }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => nameLink().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('opens with the keyboard, shows Spanish headings, and goes back with its back link', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Salud', exact: true }).count()).toBe(1);
    await nameLink().focus();
    await page.keyboard.press('Enter');
    await dialog().getByTestId('health-score').waitFor({ timeout: 15_000 });
    for (const heading of ['Por qué esta puntuación de salud', 'Uso', 'Riesgo de abandono', 'Notas']) {
      expect(await dialog().getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-page-es.png') });
    await dialog().getByRole('link', { name: '← Cartera', exact: true }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await page.getByRole('table').waitFor();
  });
});
