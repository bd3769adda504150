import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { startWebShell } from '../e2e/web-shell-process';
import { ms, type FigureRow } from './bench-stats';

const RUNS = 5;

/**
 * Web shell: from navigation to the portfolio table showing its first rows (5,000 accounts),
 * median of fresh page loads, beside a raw fetch of the same `portfolio.list` over HTTP.
 */
export async function benchWebShell(dataDir: string, accounts: number): Promise<FigureRow> {
  const shell = await startWebShell(dataDir, 300_000);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const loads: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      const start = performance.now();
      await page.goto(`${shell.url}&to=/portfolio`);
      await page.locator('tbody > tr th').first().waitFor({ timeout: 60_000 });
      await page.getByRole('table').locator('caption').filter({ hasText: accounts.toLocaleString('en-US') }).waitFor();
      if (run > 0) loads.push(performance.now() - start); // the first load warms the caches
      await page.context().close();
    }
    const fetches: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const response = await fetch(`${shell.origin}/ipc/portfolio.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${shell.token}`, 'content-type': 'application/json' },
        body: '{"payload":{}}',
      });
      await response.json();
      fetches.push(performance.now() - start);
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const load = median(loads);
    return {
      figure: `web shell: portfolio interactive after load (${accounts.toLocaleString('en-US')} accounts), median`,
      measured: ms(load),
      budget: '< 1.5 s',
      baseline: `${ms(median(fetches))} raw portfolio.list over HTTP`,
      verdict: load < 1500 ? 'within' : 'OVER',
    };
  } finally {
    await browser.close();
    await shell.stop();
  }
}
