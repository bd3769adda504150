import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { organisationTeam } from '../../src-shared/demo/demo-team';
import { columnIndex, openAppInChromium, START_TIMEOUT_MS, type AppSession } from './app-session';

/** Screenshots to look at by eye. */
const SHOTS = '/tmp/csm-team-server';
let session: AppSession | undefined;
let page: Page;

describe("owner column and filter on a book of several owners (an organisation's demo team)", () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-owner-', {
      demo: false,
      // The app's own demo book is one CSM's; a manager's synced book holds their reports' accounts.
      prepare: (dataDir) => {
        const db = openStore({ dataDir });
        generateDemoBook(db, { accounts: 120, seed: 11, asOf: new Date('2026-11-20T00:00:00.000Z'), team: organisationTeam() });
        db.close();
      },
    });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('shows each account’s owner and filters by one', async () => {
    const ownerColumn = await columnIndex(page, 'Owner');
    expect(ownerColumn).toBe(1);
    const caption = () => page.getByRole('table').locator('caption').textContent();
    const all = await caption();
    const filter = page.getByRole('combobox', { name: 'Owner' });
    const options = await filter.locator('option').allTextContents();
    expect(options[0]).toBe('All owners');
    expect(options.length).toBeGreaterThan(2);
    await filter.selectOption({ index: 1 });
    await expect.poll(caption).not.toBe(all);
    const ownerName = options[1]!.replace(/ \(\d+\)$/, '');
    const owners = await page.getByRole('table').locator('tbody tr:not(.spacer) td:nth-child(2)').allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([ownerName]));
    await page.screenshot({ path: `${SHOTS}/owner-filter-en.png` });
    await page.getByRole('button', { name: 'Español' }).click();
    await page.screenshot({ path: `${SHOTS}/owner-filter-es.png` });
    await page.getByRole('button', { name: 'English' }).click();
    await filter.selectOption({ index: 0 });
    await expect.poll(caption).toBe(all);
  });
});
