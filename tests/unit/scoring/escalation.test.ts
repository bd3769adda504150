import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION_RESPONSE_HOURS,
  ESCALATION_LEVELS,
  escalationAge,
  interventionFor,
} from '../../../src-shared/scoring/escalation';

describe('ESCALATION_LEVELS (DESIGN §4.6)', () => {
  it('ladders csm → c_level then the board', () => {
    expect([1, 2, 3, 4, 5].map((l) => ESCALATION_LEVELS[l as 1].role)).toEqual([
      'csm',
      'senior_csm',
      'cs_manager',
      'cs_director',
      'c_level',
    ]);
    expect([1, 2, 3, 4, 5].map((l) => ESCALATION_LEVELS[l as 1].decision)).toEqual([
      'operational',
      'tactical',
      'strategic',
      'executive',
      'corporate',
    ]);
    expect(ESCALATION_LEVELS[1].next).toBe(2);
    expect(ESCALATION_LEVELS[5].next).toBe('board');
  });
});

describe('interventionFor (DESIGN §4.3)', () => {
  const base = { riskBand: 'none', tier: 'stable', daysToRenewal: null, maxOpenEscalationLevel: null } as const;

  it('none without risk or critical tier', () => {
    expect(interventionFor(base)).toEqual({ kind: 'none', actions: [] });
  });
  it('early for low and medium risk', () => {
    const early = ['health_check_call', 'success_review', 'feature_optimization', 'extra_training'];
    expect(interventionFor({ ...base, riskBand: 'low' })).toEqual({ kind: 'early', actions: early });
    expect(interventionFor({ ...base, riskBand: 'medium', tier: 'at_risk' })).toEqual({ kind: 'early', actions: early });
  });
  it('intensive for high risk or tier 1', () => {
    const intensive = ['executive_engagement', 'custom_solution', 'pricing_adjustment', 'contract_change'];
    expect(interventionFor({ ...base, riskBand: 'high' })).toEqual({ kind: 'intensive', actions: intensive });
    expect(interventionFor({ ...base, tier: 'critical' }).kind).toBe('intensive');
    expect(interventionFor({ ...base, riskBand: 'low', tier: 'critical' }).kind).toBe('intensive');
    // Renewal soon alone is not enough without both high risk and tier 1.
    expect(interventionFor({ ...base, riskBand: 'high', tier: 'at_risk', daysToRenewal: 30 }).kind).toBe('intensive');
    expect(interventionFor({ ...base, riskBand: 'medium', tier: 'critical', daysToRenewal: 30 }).kind).toBe('intensive');
  });
  it('emergency for high risk in tier 1 with renewal within 0..90 days', () => {
    const hot = { ...base, riskBand: 'high', tier: 'critical' } as const;
    expect(interventionFor({ ...hot, daysToRenewal: 90 })).toEqual({
      kind: 'emergency',
      actions: ['c_level_meeting', 'success_plan_revision', 'resource_reallocation', 'escalation_to_leadership'],
    });
    expect(interventionFor({ ...hot, daysToRenewal: 0 }).kind).toBe('emergency');
    expect(interventionFor({ ...hot, daysToRenewal: 91 }).kind).toBe('intensive');
    expect(interventionFor({ ...hot, daysToRenewal: -1 }).kind).toBe('intensive');
    expect(interventionFor({ ...hot, daysToRenewal: null }).kind).toBe('intensive');
  });
  it('emergency for an open escalation at level 4 or above', () => {
    expect(interventionFor({ ...base, maxOpenEscalationLevel: 4 }).kind).toBe('emergency');
    expect(interventionFor({ ...base, maxOpenEscalationLevel: 5 }).kind).toBe('emergency');
    expect(interventionFor({ ...base, maxOpenEscalationLevel: 3 }).kind).toBe('none');
  });
});

describe('escalationAge', () => {
  const opened = new Date(Date.UTC(2025, 2, 1, 9, 0));
  const at = (hours: number) => new Date(opened.getTime() + hours * 3_600_000);

  it('measures against the band response time', () => {
    expect(escalationAge(opened, at(24), 'medium')).toEqual({ hours: 24, responseHours: 24, overdue: false });
    expect(escalationAge(opened, at(24.5), 'medium')).toEqual({ hours: 24, responseHours: 24, overdue: true });
    expect(escalationAge(opened, at(47), 'low')).toEqual({ hours: 47, responseHours: 48, overdue: false });
    expect(escalationAge(opened, at(49), 'low').overdue).toBe(true);
  });
  it('high band means respond immediately', () => {
    expect(escalationAge(opened, opened, 'high')).toEqual({ hours: 0, responseHours: 0, overdue: false });
    expect(escalationAge(opened, at(0.5), 'high')).toEqual({ hours: 0, responseHours: 0, overdue: true });
  });
  it('band none falls back to the default 48 h', () => {
    expect(DEFAULT_ESCALATION_RESPONSE_HOURS).toBe(48);
    expect(escalationAge(opened, at(48), 'none')).toEqual({ hours: 48, responseHours: 48, overdue: false });
    expect(escalationAge(opened, at(72), 'none').overdue).toBe(true);
  });
  it('a clock before the opening counts as age 0', () => {
    expect(escalationAge(opened, at(-5), 'low')).toEqual({ hours: 0, responseHours: 48, overdue: false });
  });
});
