import { describe, expect, it } from 'vitest';
import { computeHealth } from '../../../src-shared/scoring/health';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import { TIER_PLAYBOOK, tierFor, tierNumber } from '../../../src-shared/scoring/tiers';

describe('tierFor (DESIGN §4.2)', () => {
  it.each([
    [0, 'critical'],
    [59, 'critical'],
    [59.99, 'critical'],
    [60, 'at_risk'],
    [79, 'at_risk'],
    [80, 'stable'],
    [90, 'stable'],
    [91, 'successful'],
    [100, 'successful'],
  ] as const)('%d → %s', (score, tier) => {
    expect(tierFor(score)).toBe(tier);
  });

  it('null is unscored', () => {
    expect(tierFor(null)).toBe('unscored');
  });

  it('follows config thresholds', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, tiers: { ...DEFAULT_SCORING_CONFIG.tiers, atRiskFrom: 50 } };
    expect(tierFor(55, config)).toBe('at_risk');
    expect(tierFor(55)).toBe('critical');
  });

  it('59.5 from computeHealth rounds to 60 and is at_risk', () => {
    const h = computeHealth({ roi_achievement: 59.5 });
    expect(h.score).toBe(60);
    expect(h.tier).toBe('at_risk');
    expect(computeHealth({ roi_achievement: 59.49 }).tier).toBe('critical');
  });
});

describe('tierNumber and TIER_PLAYBOOK', () => {
  it('numbers tiers 1..4', () => {
    expect([tierNumber('critical'), tierNumber('at_risk'), tierNumber('stable'), tierNumber('successful')]).toEqual([1, 2, 3, 4]);
    expect(tierNumber('unscored')).toBeNull();
  });
  it('matches the DESIGN table', () => {
    expect(TIER_PLAYBOOK.critical).toEqual({ cadence: 'weekly', action: 'immediate_intervention', resources: ['csm', 'executive'] });
    expect(TIER_PLAYBOOK.at_risk).toEqual({ cadence: 'biweekly', action: 'active_monitoring', resources: ['csm', 'technical_support'] });
    expect(TIER_PLAYBOOK.stable).toEqual({ cadence: 'monthly', action: 'continuous_optimization', resources: ['csm', 'consulting'] });
    expect(TIER_PLAYBOOK.successful).toEqual({
      cadence: 'quarterly',
      action: 'expansion_and_references',
      resources: ['csm', 'executive', 'marketing'],
    });
    expect(DEFAULT_SCORING_CONFIG.tiers.cadenceDays).toEqual({ critical: 7, at_risk: 14, stable: 30, successful: 91 });
  });
});
