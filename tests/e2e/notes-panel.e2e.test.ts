import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import type { Note } from '../../src-shared/domain/entities';
import { accountPage, callIpc, leaveAccountPage, openAccountFromTable, openAppInChromium, SCREENSHOT_DIR, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;
let rows: PortfolioRow[] = [];
const pageErrors: string[] = [];

const dialog = (): Locator => accountPage(page);
const noteList = (): Locator => dialog().getByRole('list', { name: 'Notes' });
/** The notes themselves (a note's own markdown may hold list items too). */
const noteItems = (): Locator => noteList().locator(':scope > li');
const noteItem = (text: string): Locator => noteItems().filter({ hasText: text });
const addBox = (): Locator => dialog().getByRole('textbox', { name: 'Add note' });
const saveButton = (): Locator => dialog().locator('.note-form').getByRole('button', { name: 'Save', exact: true });
const focusedText = (): Promise<string> => page.evaluate(() => document.activeElement?.textContent ?? '');

const portfolioTable = (): Locator => page.getByRole('table', { name: /^(Portfolio|Cartera) — / });

/** Opens the account's page from the portfolio (leaving the account page on screen first). */
async function openAccount(account: PortfolioRow): Promise<void> {
  if ((await dialog().count()) > 0) await leaveAccountPage(page);
  await portfolioTable().waitFor();
  await openAccountFromTable(page, account.name);
}

/** Reloads the window: the account page's address brings the same page back. */
async function reloadAccountPage(): Promise<void> {
  await page.reload();
  await dialog().getByTestId('health-score').waitFor({ timeout: 30_000 });
}

async function notesOf(accountId: string): Promise<Note[]> {
  const all: Note[] = [];
  let before: string | null = null;
  do {
    const page: { notes: Note[]; nextBefore: string | null } = await callIpc(session!.shell, 'notes.list', {
      accountId,
      limit: 200,
      ...(before ? { before } : {}),
    });
    all.push(...page.notes);
    before = page.nextBefore;
  } while (before);
  return all;
}

/** The first accounts of the table as it first showed, by position. */
let shownNames: string[] = [];
function accountAt(index: number): PortfolioRow {
  return rows.find((r) => r.name === shownNames[index])!;
}

describe('notes on the account page (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-notes-');
    ({ page } = session);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    ({ rows } = await callIpc<{ rows: PortfolioRow[] }>(session.shell, 'portfolio.list', {}));
    shownNames = (await page.locator('tbody > tr th a').allInnerTexts()).slice(0, 3).map((name) => name.trim());
  }, START_TIMEOUT_MS + 60_000);

  afterAll(() => session?.close(), 30_000);

  it('edits a note inline: Escape cancels without leaving the page, Ctrl+Enter saves', async () => {
    const account = accountAt(0);
    await openAccount(account);
    await addBox().fill('Edit me: renewal in Mya');
    await page.keyboard.press('Control+Enter');
    await noteItem('Edit me').waitFor({ timeout: 10_000 });

    await noteItem('Edit me').getByRole('button', { name: /^Edit the note of / }).click();
    const editor = noteItem('Edit me').getByRole('textbox', { name: /^Text of the note of / });
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.fill('Typo fixed? not yet');
    await page.keyboard.press('Escape');
    await expect.poll(() => noteItem('Edit me').getByRole('textbox').count()).toBe(0);
    expect(await dialog().count()).toBe(1); // Escape closed the editor, not the page
    expect(await focusedText()).toBe('Edit');

    await page.keyboard.press('Enter'); // the focused Edit button opens the editor again
    await editor.fill('Edit me: renewal in **May**');
    // An edit in progress survives a reload, without taking focus when the page opens again.
    await reloadAccountPage();
    await expect.poll(() => editor.count(), { timeout: 10_000 }).toBe(1);
    expect(await editor.inputValue()).toBe('Edit me: renewal in **May**');
    expect(await focusedText()).toBe(account.name);
    await editor.focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => noteItem('Edit me').locator('strong').allInnerTexts(), { timeout: 10_000 }).toEqual(['May']);
    expect(await noteItem('Edit me').innerText()).toContain('edited');
    expect(await focusedText()).toBe('Edit');
    expect((await notesOf(account.id)).find((n) => n.body.startsWith('Edit me'))?.body).toBe('Edit me: renewal in **May**');
  });

  it('deletes a note after an inline confirmation, and focus moves to the next note', async () => {
    const account = accountAt(0);
    await addBox().fill('Delete me: wrong account');
    await saveButton().click();
    const item = noteItem('Delete me');
    await item.waitFor({ timeout: 10_000 });

    await item.getByRole('button', { name: /^Delete the note of / }).click();
    const confirmation = item.getByRole('group', { name: 'Delete this note? This cannot be undone.' });
    expect(await confirmation.count()).toBe(1);
    expect(await focusedText()).toBe('Keep it'); // the safe choice has focus
    await page.keyboard.press('Enter');
    await expect.poll(() => confirmation.count()).toBe(0);
    expect(await focusedText()).toBe('Delete');

    await item.getByRole('button', { name: /^Delete the note of / }).click();
    await item.getByRole('button', { name: 'Delete note', exact: true }).click();
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain('Edit me');
    expect(await dialog().getByRole('status').filter({ hasText: 'Note deleted.' }).count()).toBe(1);
    expect((await notesOf(account.id)).some((n) => n.body.startsWith('Delete me'))).toBe(false);
    await leaveAccountPage(page);
  });

  it('reaches the oldest of more than 50 notes by scrolling, and finds one by searching', { timeout: 90_000 }, async () => {
    const account = accountAt(1);
    const count = 120;
    for (let i = 1; i <= count; i += 1) {
      const body = `Paging note ${String(i).padStart(3, '0')}${i === 7 ? ' about the zanzibar rollout' : ''}`;
      await callIpc(session!.shell, 'notes.add', { id: uuidv7(), accountId: account.id, body });
    }
    await openAccount(account);
    await noteItem('Paging note 120').waitFor({ timeout: 10_000 });
    expect(await noteItems().filter({ hasText: 'Paging note' }).count()).toBe(50);

    // Scrolling to the end of the panel loads older pages until there are none: every note is there.
    const all = await notesOf(account.id);
    const scroller = dialog();
    await expect
      .poll(
        async () => {
          await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
          return dialog().getByText('No older notes.').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(await noteItems().count()).toBe(all.length);
    expect(await noteItems().last().getAttribute('data-note-id')).toBe(all.at(-1)!.id);
    expect(await noteItem('Paging note 001').count()).toBe(1);
    expect(await dialog().getByRole('button', { name: /older notes/ }).count()).toBe(0);

    const search = dialog().getByRole('searchbox', { name: "Search this account's notes" });
    await search.fill('zanzibar');
    const results = dialog().getByRole('list', { name: 'Notes matching “zanzibar”' }).getByRole('listitem');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBe(1);
    expect(await results.first().innerText()).toContain('Paging note 007');

    await search.fill('nothing-like-this-anywhere');
    await dialog().locator('p.muted', { hasText: 'No notes match “nothing-like-this-anywhere”.' }).waitFor({ timeout: 10_000 });
    await search.press('Escape'); // clears the search, stays on the page
    expect(await dialog().count()).toBe(1);
    await expect.poll(() => noteItems().filter({ hasText: 'Paging note' }).count()).toBe(count);
    await leaveAccountPage(page);
  });

  it('loads older notes with the keyboard too', async () => {
    const account = accountAt(1);
    // The pages scrolled through before stay loaded while the window lives: start from a fresh
    // window on the portfolio, so the account opens at its top with only the newest page.
    if ((await dialog().count()) > 0) await leaveAccountPage(page);
    await page.reload();
    await openAccount(account);
    await noteItem('Paging note 120').waitFor({ timeout: 10_000 });
    const button = dialog().getByRole('button', { name: 'Load older notes' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => noteItem('Paging note 021').count(), { timeout: 10_000 }).toBe(1);
    // Focus goes to the first note the button loaded, so the keyboard user reads on from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Paging note 070');
    await leaveAccountPage(page);
  });

  it('keeps a draft and the id of its unanswered save across a reload, so saving again makes no copy', async () => {
    const account = accountAt(2);
    const text = `Draft ${Date.now()}: champion moving to finance`;
    await openAccount(account);
    await addBox().fill(text);
    await reloadAccountPage();
    expect(await addBox().inputValue()).toBe(text);

    // The save reaches main and is stored, but its answer is lost on the way back.
    await page.route('**/ipc/notes.add', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await saveButton().click();
    await dialog().locator('.note-form [role="alert"]').waitFor({ timeout: 10_000 });
    expect((await notesOf(account.id)).filter((n) => n.body === text)).toHaveLength(1);
    await page.unroute('**/ipc/notes.add');

    await reloadAccountPage();
    expect(await addBox().inputValue()).toBe(text);
    expect(await dialog().getByText('The last save got no answer; saving again will not make a copy.').count()).toBe(1);
    await saveButton().click();
    await expect.poll(() => addBox().inputValue(), { timeout: 10_000 }).toBe('');
    expect((await notesOf(account.id)).filter((n) => n.body === text)).toHaveLength(1);
    expect(await noteItem(text).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('looks right in English and Spanish at 1280×800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const account = accountAt(0);
    for (const [locale, edit, title] of [
      ['en', /^Edit the note of /, 'Notes'],
      ['es', /^Editar la nota del /, 'Notas'],
    ] as const) {
      if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click();
      await openAccount(account);
      await dialog().getByRole('heading', { name: title, exact: true }).scrollIntoViewIfNeeded();
      await dialog().getByRole('button', { name: edit }).first().click();
      await dialog().evaluate((el) => el.scrollBy(0, 120));
      await page.screenshot({ path: join(SCREENSHOT_DIR, `notes-panel-${locale}.png`) });
      await page.keyboard.press('Escape');
    }
    expect(pageErrors).toEqual([]);
  });
});
