import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import { parseScoringConfig } from '../../../src-shared/scoring/scoring-config-schema';
import { tierFor } from '../../../src-shared/scoring/tiers';

describe('team scoring config (stored overrides merged onto the DESIGN defaults)', () => {
  it('an empty override is exactly the defaults', () => {
    expect(parseScoringConfig({})).toEqual({ ok: true, config: DEFAULT_SCORING_CONFIG });
  });

  it("applies an admin's thresholds and keeps every other default", () => {
    const parsed = parseScoringConfig({ tiers: { atRiskFrom: 70 } });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(tierFor(65)).toBe('at_risk');
    expect(tierFor(65, parsed.config)).toBe('critical');
    expect(parsed.config.tiers.stableFrom).toBe(80);
    expect(parsed.config.health).toEqual(DEFAULT_SCORING_CONFIG.health);
  });

  it.each([
    [{ health: { curves: { login_frequency: [[0, 0], [3, 70], [2, 40]] } } }, 'health.curves.login_frequency', /must not decrease/],
    [{ health: { metricWeights: { api_calls: -1 } } }, 'health.metricWeights.api_calls', /./],
    [{ tiers: { atRiskFrom: 85 } }, 'tiers', /tier thresholds must increase/],
    [{ risk: { signalSeverity: { low_nps: 'urgent' } } }, 'risk.signalSeverity.low_nps', /./],
    [{ loyalty: { checkInDays: { gold: 0 } } }, 'loyalty.checkInDays.gold', /./],
    [{ risk: { newSignalFromTheFuture: 1 } }, 'risk', /unknown setting newSignalFromTheFuture/],
    [{ loyalty: { fromMonths: { silver: 30 } } }, 'loyalty', /must start in order/],
    [{ health: { categoryWeights: { usage: 0, engagement: 0, business: 0 } } }, 'health.categoryWeights', /no account could be scored/],
    [JSON.parse('{"tiers":{"__proto__":{"atRiskFrom":99}}}'), 'tiers', /unknown setting __proto__/],
  ])('refuses %j, naming %s', (overrides, field, message) => {
    const parsed = parseScoringConfig(overrides);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.field).toBe(field);
    expect(parsed.message).toContain(field);
    expect(parsed.message).toMatch(message);
  });

  it('refuses a config that is not an object', () => {
    expect(parseScoringConfig([1, 2])).toMatchObject({ ok: false, field: '(root)' });
  });
});
