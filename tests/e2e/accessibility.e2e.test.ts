import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInChromium, START_TIMEOUT_MS, type AppSession } from './app-session';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

let session: AppSession | undefined;
let page: Page;

/** axe-core's WCAG 2.1 A/AA rules on what the page shows now; the serious and critical findings. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core in Chromium, WCAG 2.1 A/AA)', () => {
  beforeAll(async () => {
    // axe is injected as a script: the test's own page may run it despite the app's CSP.
    session = await openAppInChromium('csm-e2e-axe-', { bypassCSP: true });
    ({ page } = session);
  }, START_TIMEOUT_MS + 60_000);
  afterAll(() => session?.close(), 30_000);

  it('the portfolio, in English and Spanish', async () => {
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('the account panel', async () => {
    await page.getByRole('table').getByRole('rowheader').getByRole('button').first().click();
    await page.getByRole('dialog').getByRole('heading', { level: 3 }).first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('Settings with its backups', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  });
});
