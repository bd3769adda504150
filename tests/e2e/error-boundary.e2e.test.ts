import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium-path';
import { REPO_ROOT } from './web-shell-process';

let browser: Browser | undefined;
let script = '';

/** The fixture page bundled in memory for the browser (production React, as the app ships). */
async function bundleFixture(): Promise<string> {
  const output = (await build({
    configFile: false,
    mode: 'production',
    logLevel: 'silent',
    root: REPO_ROOT,
    esbuild: { jsx: 'automatic', jsxDev: false },
    build: { write: false, minify: false, rollupOptions: { input: join(REPO_ROOT, 'tests', 'e2e', 'fixtures', 'boundary-page.tsx') } },
  })) as Rollup.RollupOutput;
  const chunk = output.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry);
  if (!chunk) throw new Error('the fixture bundle has no entry chunk');
  return chunk.code;
}

describe('an error boundary in Chromium', () => {
  beforeAll(async () => {
    script = await bundleFixture();
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(() => browser?.close());

  it('keeps a real parser stack overflow inside the failing item, with its raw text', async () => {
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setContent('<!doctype html><div id="root"></div>');
    await page.addScriptTag({ content: script, type: 'module' });

    const failing = page.locator('#failing');
    await failing.getByText('This item could not be shown.').waitFor({ timeout: 20_000 });
    await failing.getByText('Show the raw text').click();
    expect(await failing.locator('pre').innerText()).toMatch(/^>{5000} the customer said renewal is at risk$/);
    expect(await page.locator('#neighbour').innerText()).toBe('The note next to it');
    expect(pageErrors).toEqual([]);
  });
});
