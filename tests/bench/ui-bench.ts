import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { startWebShell, type WebShell } from '../e2e/web-shell-process';
import { ms, verdict, type FigureRow } from './bench-stats';

const RUNS = 5;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Wall time of one contract call over the web shell's HTTP, parsed: the raw cost of the data behind a view. */
async function rawCall(shell: WebShell, operation: string, payload: unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const response = await fetch(`${shell.origin}/ipc/${operation}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${shell.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ payload }),
    });
    await response.json();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Runs `act` in the page and measures, in the page's own clock, until the first animation frame
 * at which `done` holds: input to rendered result, without the test driver's round trips.
 */
function timeInPage(page: Page, act: string, done: string): Promise<number> {
  // A string, not a function: the bundler's name helpers for inner functions do not exist in the page.
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const start = performance.now();
    (function () { ${act} })();
    function check() {
      if ((function () { ${done} })()) resolve(performance.now() - start);
      else if (performance.now() - start > 10000) reject(new Error('not done after 10 s'));
      else requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  })`);
}

const FIRST_NAME = "return document.querySelector('tbody tr[data-row-index] th a')?.textContent ?? ''";

/**
 * The UI figures of DESIGN §5 in Chromium through the web shell on the reference book: sort, a
 * filter keystroke to rendered rows, opening an account, Today ready; each beside the raw cost of
 * the same work without the UI (an in-page array sort or filter, or the contract call over HTTP).
 */
export async function benchUi(dataDir: string, accounts: number): Promise<FigureRow[]> {
  const shell = await startWebShell(dataDir, 300_000);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const book = `${accounts.toLocaleString('en-US')} accounts`;
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(`${shell.url}&to=/portfolio`);
    await page.locator('tbody tr[data-row-index] th a').first().waitFor({ timeout: 60_000 });

    // Sort: click the Health header, rendered when the first row is another account.
    const sorts: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const took = await timeInPage(
        page,
        `window.__before = (() => { ${FIRST_NAME} })(); [...document.querySelectorAll('thead button')].find((b) => b.textContent.startsWith('Health')).click();`,
        `return (() => { ${FIRST_NAME} })() !== window.__before;`,
      );
      if (run > 0) sorts.push(took);
    }
    const rawSort = await page.evaluate((n) => {
      const rows = Array.from({ length: n }, (_, i) => ({ health: (i * 7919) % 101, name: `Account ${i}` }));
      const start = performance.now();
      rows.sort((a, b) => a.health - b.health || a.name.localeCompare(b.name));
      return performance.now() - start;
    }, accounts);

    // Filter keystroke: one more letter in the filter box, rendered when the table shows that text's rows.
    const filters: number[] = [];
    for (const [run, text] of ['a', 'an', 'and', 'ande', 'andes'].entries()) {
      const took = await timeInPage(
        page,
        `const input = document.querySelector('.filter-text');
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(text)});
         input.dispatchEvent(new Event('input', { bubbles: true }));`,
        `return document.querySelector('table.portfolio-table')?.dataset.filterText === ${JSON.stringify(text)};`,
      );
      if (run > 0) filters.push(took);
    }
    const rawFilter = await page.evaluate((n) => {
      const rows = Array.from({ length: n }, (_, i) => ({ name: `Account ${i} Andes`, industry: 'Retail' }));
      const start = performance.now();
      rows.filter((r) => `${r.name} ${r.industry}`.normalize('NFD').toLowerCase().includes('ande'));
      return performance.now() - start;
    }, accounts);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.filter-text')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator('caption', { hasText: book }).waitFor();

    // Open an account: click a name, done when its health score is on screen; then back.
    const opens: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const took = await timeInPage(
        page,
        `document.querySelectorAll('tbody tr[data-row-index] th a')[${run}].click();`,
        "return document.querySelector('[data-testid=\"health-score\"]') !== null;",
      );
      if (run > 0) opens.push(took);
      await page.evaluate(() => history.back());
      await page.locator('tbody tr[data-row-index] th a').first().waitFor();
    }
    const firstId = await page.locator('tbody tr[data-row-index] th a').first().getAttribute('data-account-id');
    const rawDetail = await rawCall(shell, 'account.detail', { accountId: firstId });

    // Today ready: a fresh page opened at Today, done when the day's work list is rendered.
    const todays: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const fresh = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      await fresh.goto(`${shell.url}&to=/portfolio`);
      await fresh.locator('tbody tr[data-row-index]').first().waitFor({ timeout: 60_000 });
      const took = await timeInPage(fresh, "location.hash = '#/';", "return document.querySelector('.today-work .today-list, .today-work .today-empty') !== null;");
      if (run > 0) todays.push(took);
      await fresh.context().close();
    }
    const rawToday = await rawCall(shell, 'today.overview', {});

    const row = (figure: string, measured: number, budget: number, baseline: string): FigureRow => ({
      figure: `UI in Chromium, ${book}: ${figure}, median`,
      measured: ms(measured),
      budget: `< ${budget} ms`,
      baseline,
      verdict: verdict(measured, budget),
    });
    return [
      row('sort by a column to rendered rows', median(sorts), 100, `${ms(rawSort)} raw in-page sort of ${accounts} rows`),
      row('filter keystroke to rendered rows', median(filters), 100, `${ms(rawFilter)} raw in-page filter of ${accounts} rows`),
      row('open an account to its scores on screen', median(opens), 200, `${ms(rawDetail)} raw account.detail over HTTP`),
      row('Today ready (work list on screen)', median(todays), 500, `${ms(rawToday)} raw today.overview over HTTP`),
    ];
  } finally {
    await browser.close();
    await shell.stop();
  }
}
