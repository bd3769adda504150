import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnIndex, openAppInChromium, SCREENSHOT_DIR, START_TIMEOUT_MS, type AppSession } from './app-session';


let session: AppSession | undefined;
let page: Page;
let accountName = '';
let tableHealth = '';


const dialog = (): Locator => page.getByRole('dialog');
const nameButton = (): Locator =>
  page.getByRole('table').getByRole('rowheader').getByRole('button', { name: accountName, exact: true }).first();

/** Opens the account by its name in the table and waits for its detail to load. */
async function openAccount(): Promise<void> {
  await nameButton().click();
  await dialog().getByTestId('health-score').waitFor({ timeout: 15_000 });
}

describe('account panel (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-account-');
    ({ page } = session);
  }, START_TIMEOUT_MS + 60_000);

  afterAll(() => session?.close(), 30_000);

  it('opens the first account from the table with its name and the same health score', async () => {
    const firstRow = page.getByRole('table').locator('tbody > tr').first();
    const button = firstRow.getByRole('rowheader').getByRole('button');
    accountName = (await button.innerText()).trim();
    const healthIndex = await columnIndex(page, 'Health');
    tableHealth = (await firstRow.locator(`> :nth-child(${healthIndex + 1})`).innerText()).trim();
    expect(accountName).not.toBe('');

    await button.click();
    await expect.poll(() => dialog().count()).toBe(1);
    expect(await page.getByRole('dialog', { name: accountName }).count()).toBe(1);
    await dialog().getByTestId('health-score').waitFor({ timeout: 15_000 });
    expect((await dialog().getByTestId('health-score').innerText()).trim()).toBe(tableHealth);
    // Focus moved into the dialog.
    expect(await dialog().evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });

  it('explains the health score by category and metric, and the churn risk', async () => {
    for (const heading of ['Why this health score', 'Usage', 'Engagement', 'Business outcomes', 'Churn risk', 'Notes']) {
      expect(await dialog().getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    const sentences = await dialog().locator('.explain').allInnerTexts();
    expect(sentences.some((s) => s.includes('→'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-panel.png') });
    // The lower sections (risk, contacts, escalations, touchpoints, notes) for a visual check.
    await dialog().getByRole('heading', { name: 'Churn risk', exact: true }).scrollIntoViewIfNeeded();
    await dialog().locator('.panel-inner').evaluate((el) => el.scrollBy(0, -80));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-panel-risk.png') });
    await dialog().getByRole('heading', { name: 'Notes', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-panel-notes.png') });
    await dialog().locator('.panel-inner').evaluate((el) => el.scrollTo(0, 0));
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

    await page.reload();
    await page.getByRole('table').waitFor({ timeout: 30_000 });
    await openAccount();
    await expect
      .poll(() => dialog().getByRole('list', { name: 'Notes' }).getByRole('listitem').first().innerText(), { timeout: 10_000 })
      .toContain(text);
  });

  it('marks an upcoming touchpoint done and it leaves the list', async () => {
    const items = dialog().getByRole('list', { name: 'Upcoming touchpoints' }).getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    const id = await items.first().getAttribute('data-touchpoint-id');
    expect(id).toBeTruthy();
    await items.first().getByRole('button', { name: /^Mark .* done$/ }).click();
    await expect.poll(() => dialog().locator(`[data-touchpoint-id="${id}"]`).count(), { timeout: 10_000 }).toBe(0);
  });

  it('closes with Escape and gives focus back to the account name', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => nameButton().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('opens with the keyboard, shows Spanish headings, and closes with the Close button', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Salud', exact: true }).count()).toBe(1);
    await nameButton().focus();
    await page.keyboard.press('Enter');
    await dialog().getByTestId('health-score').waitFor({ timeout: 15_000 });
    for (const heading of ['Por qué esta puntuación de salud', 'Uso', 'Riesgo de abandono', 'Notas']) {
      expect(await dialog().getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-panel-es.png') });
    await dialog().getByRole('button', { name: 'Cerrar', exact: true }).click();
    await expect.poll(() => dialog().count()).toBe(0);
  });
});
