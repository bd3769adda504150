import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, storeFileOf } from '../../src-main/db/open-store';
import { seedFixtureBook } from '../helpers/temp-store';
import { callIpc, openAppInChromium, SCREENSHOT_DIR, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
}, 30_000);

/** Every uncaught error in the page: a blank window starts with one. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

function call<T>(operation: string, payload: unknown): Promise<T> {
  return callIpc<T>(session!.shell, operation, payload);
}

describe('which book is open (web shell in Chromium)', () => {
  it('offers the demo book on the first start, then shows it marked as the demo', async () => {
    session = await openAppInChromium('csm-e2e-first-', {
      demo: false,
      ready: (page) => page.getByRole('heading', { name: 'Welcome to CSM Workstation' }).waitFor({ timeout: 30_000 }),
    });
    const { page } = session;
    const errors = pageErrors(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'welcome-en.png') });
    await page.getByRole('button', { name: 'Explore the demo book' }).click();
    await page.getByRole('heading', { name: /^Touchpoints due/ }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.title()).toBe('CSM Workstation — Demo book');
    expect(await page.getByText('Demo book', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await page.getByText('Cartera de demostración', { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-badge-es.png') });
    expect(errors).toEqual([]);
  }, START_TIMEOUT_MS);

  it('names a zero-length store file and its remedy instead of replacing it, in both languages', async () => {
    session = await openAppInChromium('csm-e2e-empty-file-', {
      demo: false,
      prepare: (dataDir) => writeFileSync(storeFileOf(dataDir), ''),
      ready: (page) => page.getByRole('heading', { name: 'Your book cannot be opened' }).waitFor({ timeout: 30_000 }),
    });
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.getByText(/The store file is empty \(0 bytes\)/).isVisible()).toBe(true);
    expect(await page.locator('.problem-file code').innerText()).toMatch(/portfolio\.sqlite$/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'store-problem-en.png') });
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await page.getByRole('heading', { name: 'No se puede abrir tu cartera' }).isVisible()).toBe(true);
    expect(await page.getByText(/El archivo de datos está vacío/).isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'store-problem-es.png') });
  }, START_TIMEOUT_MS);

  it('backs up the book from Settings and restores it: a note written after the backup is gone, one before is back', async () => {
    let acmeId = '';
    session = await openAppInChromium('csm-e2e-restore-', {
      demo: false,
      prepare: (dataDir) => {
        const db = openStore({ dataDir });
        acmeId = seedFixtureBook(db).acmeId;
        db.close();
      },
    });
    const { page } = session;
    const errors = pageErrors(page);
    // The automatic start-up backup first, so the one made below is the only one after the note.
    await expect.poll(async () => (await call<{ backups: unknown[] }>('backups.list', {})).backups.length, { timeout: 30_000 }).toBe(1);
    await call('notes.add', { id: uuidv7(), accountId: acmeId, body: 'Before the backup: renewal agreed' });
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    // The list loads after the dialog opens: wait for the start-up backup in it before counting on it,
    // or "one more" could be that backup appearing and Restore below could pick it.
    const restoreButtons = dialog.getByRole('button', { name: /^Restore the backup of/ });
    await expect.poll(() => restoreButtons.count(), { timeout: 30_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => restoreButtons.count(), { timeout: 30_000 }).toBe(2);
    await call('notes.add', { id: uuidv7(), accountId: acmeId, body: 'After the backup: will be rolled back' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'settings-backups-en.png') });
    await restoreButtons.first().click();
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    await dialog.getByText(/is now your book/).waitFor({ timeout: 30_000 });
    const { notes } = await call<{ notes: Array<{ body: string }> }>('notes.list', { accountId: acmeId });
    expect(notes.map((n) => n.body)).toEqual(['Before the backup: renewal agreed']);
    expect(errors).toEqual([]);
  }, START_TIMEOUT_MS);
});
