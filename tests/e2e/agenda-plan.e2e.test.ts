import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { accountPage, callIpc, openAppInChromium, SCREENSHOT_DIR, seriousAxeViolations, START_TIMEOUT_MS, type AppSession } from './app-session';

let session: AppSession | undefined;
let page: Page;

/** The events of an .ics file: each VEVENT's properties (unfolded lines). */
function icsEvents(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at).split(';')[0]!] = line.slice(at + 1);
    }
  }
  return events;
}

describe('the week agenda, its calendar export, and the success plan (web shell in Chromium)', () => {
  beforeAll(async () => {
    session = await openAppInChromium('csm-e2e-agenda-', { bypassCSP: true });
    ({ page } = session);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('shows the week by day and exports the planned schedule as a calendar file apps import', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('heading', { name: /^Week of / }).waitFor();
    await page.locator('.agenda-card').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.agenda-day').count()).toBe(7);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'agenda-1280-en.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export the next 90 days/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^touchpoints-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    const events = icsEvents(text);
    expect(events.length).toBeGreaterThan(10);
    const { rows } = await callIpc<{ rows: PortfolioRow[] }>(session!.shell, 'portfolio.list', {});
    const names = new Set(rows.map((r) => r.name));
    for (const event of events) {
      expect(event.UID).toMatch(/@csm-workstation$/);
      expect(event.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
      expect(event.DURATION).toBe('PT30M');
      // "Weekly check-in — Acme": a title in words (never a stored reference) and a known account.
      const [title, account] = event.SUMMARY!.split(' — ');
      expect(title).not.toMatch(/^@/);
      expect(names.has(account!.replace(/\\,/g, ',').replace(/\\;/g, ';'))).toBe(true);
    }
    const starts = events.map((e) => e.DTSTART!);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    expect(starts.every((s) => s.slice(0, 8) >= today)).toBe(true);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: /^Semana del / }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'agenda-1920-es.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('adds a goal, completes it, ticks the onboarding checklist, and the timeline filters by kind', async () => {
    const { rows } = await callIpc<{ rows: PortfolioRow[] }>(session!.shell, 'portfolio.list', {});
    const newcomer = rows.find((r) => r.onboarding)!;
    await page.evaluate((id) => {
      location.hash = `#/accounts/${id}`;
    }, newcomer.id);
    await accountPage(page).getByTestId('health-score').waitFor();
    const goals = accountPage(page).getByRole('region', { name: 'Success plan' });
    await goals.getByRole('button', { name: 'Add a goal…' }).click();
    await goals.getByLabel('Goal', { exact: true }).fill('Go live with the sales team');
    await goals.getByLabel('Target (optional)').fill('25 active users');
    await goals.getByLabel('Status').selectOption('in_progress');
    await goals.getByRole('button', { name: 'Save goal' }).click();
    const goal = goals.locator('.goal', { hasText: 'Go live with the sales team' });
    await goal.waitFor();
    await goal.getByRole('button', { name: 'Edit' }).click();
    await goals.getByLabel('Status').selectOption('done');
    await goals.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => goal.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    const checklist = accountPage(page).getByRole('region', { name: /^Onboarding checklist/ });
    const before = await checklist.getByRole('checkbox', { checked: true }).count();
    const box = checklist.getByRole('checkbox', { name: 'Technical setup completed' });
    const wasChecked = await box.isChecked();
    await box.click(); // checked once the store has it
    await expect.poll(() => checklist.getByRole('checkbox', { checked: true }).count()).toBe(before + (wasChecked ? -1 : 1));

    const timeline = accountPage(page).getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('list').getByRole('listitem').first().waitFor();
    await timeline.getByRole('checkbox', { name: 'Notes' }).uncheck();
    await timeline.getByRole('checkbox', { name: 'Surveys' }).uncheck();
    await timeline.getByRole('checkbox', { name: 'Escalations' }).uncheck();
    await timeline.getByRole('checkbox', { name: 'Sentiment' }).uncheck();
    const kinds = await timeline.locator('.timeline-entry .badge').allInnerTexts();
    expect(new Set(kinds.map((k) => k.toLowerCase()))).toEqual(new Set(['touchpoints']));
    await goals.scrollIntoViewIfNeeded();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-plan-1280-en.png') });
  });

  it("records the CSM's sentiment beside the score, only with a reason, keeps the earlier ones, and plans a call with a contact", async () => {
    const header = accountPage(page).locator('.panel-summary');
    const card = header.getByRole('region', { name: 'CSM sentiment' });
    const scoreBefore = await header.getByTestId('health-score').innerText();
    const record = async (rating: string, reason: string) => {
      await card.getByRole('button', { name: /sentiment…$/ }).click();
      await card.getByRole('radio', { name: rating }).check();
      const save = card.getByRole('button', { name: 'Save sentiment' });
      expect(await save.isDisabled()).toBe(true); // no reason, no sentiment
      await card.getByLabel('Why (required)').fill(reason);
      await save.click();
      await card.getByTestId('csm-sentiment').filter({ hasText: reason }).waitFor();
    };
    await record('Amber', 'Sponsor moved to another team');
    await record('Red', 'Budget freeze announced for next year');
    expect(await card.getByTestId('csm-sentiment').innerText()).toMatch(/^Red\s+Budget freeze announced for next year/);
    // Beside the computed score, never replacing it.
    expect(await header.getByTestId('health-score').innerText()).toBe(scoreBefore);
    await card.getByText(/earlier sentiment/).click();
    await card.locator('.sentiment-history').getByText('Sponsor moved to another team').waitFor();
    const timeline = accountPage(page).getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('checkbox', { name: 'Sentiment' }).check();
    await timeline.locator('.timeline-sentiment', { hasText: 'Budget freeze announced for next year' }).waitFor();

    const touchpoints = accountPage(page).getByRole('region', { name: 'Upcoming touchpoints' });
    await touchpoints.getByRole('button', { name: 'Plan a touchpoint…' }).click();
    const contact = touchpoints.getByLabel('With');
    const options = await contact.locator('option').allInnerTexts();
    expect(options[0]).toBe('No one in particular');
    expect(options.length).toBeGreaterThan(1);
    await contact.selectOption({ index: 1 });
    const who = options[1]!.replace(/ \(.*\)$/, '');
    await touchpoints.getByLabel('Title').fill('Budget walk-through');
    await touchpoints.getByLabel('Due').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await touchpoints.getByRole('button', { name: 'Plan touchpoint' }).click();
    await touchpoints.locator('.touchpoint', { hasText: 'Budget walk-through' }).getByText(`with ${who}`).waitFor();
    await header.scrollIntoViewIfNeeded();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-sentiment-1280-en.png') });
  });

  it('prepares the call with a one-screen brief, in both languages', async () => {
    await page.getByRole('link', { name: 'Brief', exact: true }).click();
    const brief = page.getByRole('article', { name: /^Call brief: / });
    await brief.getByRole('heading', { name: 'Open commitments and next steps' }).waitFor();
    for (const heading of ['Last touchpoints', 'What changed in 30 days', 'Risk signals firing', 'Open escalations', 'Success plan', 'Stakeholders']) {
      expect(await brief.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    }
    expect(await brief.getByText('Go live with the sales team').count()).toBe(0); // done goals are not open ones
    expect(await brief.getByTestId('brief-sentiment').innerText()).toMatch(/CSM sentiment: Red\s+Budget freeze announced for next year/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'brief-1280-en.png') });
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('article', { name: /^Resumen para la llamada: / }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'brief-1920-es.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
