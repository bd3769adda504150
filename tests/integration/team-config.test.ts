import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src-main/app/open-app';
import { openStore } from '../../src-main/db/open-store';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { FIXTURE_NOW, makeTempDir, seedFixtureBook } from '../helpers/temp-store';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** A fixture book with the given scoring_config row, opened the way the app opens it. */
function appWithTeamConfig(configJson: string) {
  const temp = makeTempDir();
  const db = openStore({ dataDir: temp.dir });
  seedFixtureBook(db);
  db.prepare("INSERT INTO scoring_config (id, config_json, updated_at) VALUES ('team', ?, '2026-06-01')").run(configJson);
  db.close();
  const messages: string[] = [];
  const app = openApp({ dataDir: temp.dir, now: () => FIXTURE_NOW, onProgress: (m) => messages.push(m) });
  cleanups.push(() => {
    app.close();
    temp.remove();
  });
  const result = app.dispatch('portfolio.list', {});
  if (!result.ok) throw new Error(result.error.message);
  const rows = (result.data as { rows: PortfolioRow[] }).rows;
  const tiers = Object.fromEntries(rows.map((r) => [r.name, r.tier]));
  const detail = app.dispatch('account.detail', { accountId: rows[0]!.id });
  if (!detail.ok) throw new Error(detail.error.message);
  const problem = (result.data as { scoringConfigProblem: string | null }).scoringConfigProblem;
  return { tiers, messages, problem, panelConfig: (detail.data as { scoringConfig: { tiers: { atRiskFrom: number } } }).scoringConfig };
}

describe("the team's scoring config applies to every score the app shows", () => {
  it('scores the book with the stored thresholds', () => {
    // Defaults: Acme (100) is successful, Borealis critical. With these tiers everything is stable.
    const { tiers, messages, problem, panelConfig } = appWithTeamConfig(JSON.stringify({ tiers: { atRiskFrom: 0, stableFrom: 0, stableTo: 100 } }));
    expect(tiers).toEqual({ Acme: 'stable', Borealis: 'stable' });
    expect(messages).toEqual([]);
    expect(problem).toBeNull();
    // The account panel explains and trends with the same config.
    expect(panelConfig.tiers.atRiskFrom).toBe(0);
  });

  it('falls back to the default rules with a message naming the bad setting', () => {
    const { tiers, messages, problem } = appWithTeamConfig(JSON.stringify({ tiers: { atRiskFrom: 95 } }));
    expect(tiers).toEqual({ Acme: 'successful', Borealis: 'critical' });
    // The UI is told too, so a CSM knows the scores follow the default rules.
    expect(problem).toMatch(/^scoring config tiers: tier thresholds must increase/);
    expect(messages.join('\n')).toMatch(/scoring config tiers: tier thresholds must increase.*using the default rules/);
  });

  it('falls back to the default rules when the stored config is not JSON', () => {
    const { tiers, messages } = appWithTeamConfig('{oops');
    expect(tiers.Acme).toBe('successful');
    expect(messages).toEqual(['The team scoring config is not valid JSON; using the default rules.']);
  });
});
