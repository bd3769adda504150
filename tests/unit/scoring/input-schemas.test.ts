import { describe, expect, it } from 'vitest';
import { parseHealthInputs, parseRiskInputs } from '../../../src-shared/scoring/input-schemas';

function rejects(result: ReturnType<typeof parseHealthInputs> | ReturnType<typeof parseRiskInputs>, field: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.field).toBe(field);
  expect(result.message).toContain(field);
}

describe('parseHealthInputs', () => {
  it('accepts valid, partial and over-limit inputs unchanged', () => {
    const value = { login_frequency: 2.5, feature_adoption: 100, data_volume: 130, api_calls: 1.4, roi_achievement: 180 };
    expect(parseHealthInputs(value)).toEqual({ ok: true, value });
    expect(parseHealthInputs({})).toEqual({ ok: true, value: {} });
  });

  it('reads null as "no data", never as zero', () => {
    expect(parseHealthInputs({ api_calls: null, cost_savings: 3 })).toEqual({ ok: true, value: { cost_savings: 3 } });
  });

  it.each([
    ['login_frequency', Number.NaN],
    ['login_frequency', Number.POSITIVE_INFINITY],
    ['data_volume', Number.NEGATIVE_INFINITY],
    ['api_calls', -0.1],
    ['support_tickets', -1],
    ['feature_adoption', 100.5],
    ['feedback_participation', 101],
    ['goal_completion', 150],
    ['training_sessions', '3'],
  ])('rejects %s = %s, naming the field', (field, value) => {
    rejects(parseHealthInputs({ [field]: value }), field);
  });

  it('rejects unknown keys (typos would silently drop a metric)', () => {
    rejects(parseHealthInputs({ login_frequncy: 3 }), 'login_frequncy');
  });

  it('rejects a non-object', () => {
    const r = parseHealthInputs(42);
    expect(r.ok).toBe(false);
  });
});

describe('parseRiskInputs', () => {
  it('accepts valid inputs', () => {
    const value = { latest_nps: 0, latest_csat: 1, latest_ces: 5, competitor_evaluation: false, days_since_champion_left: 0 };
    expect(parseRiskInputs(value)).toEqual({ ok: true, value });
    expect(parseRiskInputs({ latest_nps: 10, latest_csat: 4.5 }).ok).toBe(true);
  });

  it.each([
    ['latest_nps', 11],
    ['latest_nps', -1],
    ['latest_nps', 7.5],
    ['latest_nps', Number.NaN],
    ['latest_csat', 0],
    ['latest_csat', 5.5],
    ['latest_ces', 0],
    ['latest_ces', 6],
    ['login_frequency', Number.POSITIVE_INFINITY],
    ['tickets_30d', -2],
    ['payment_overdue_days', Number.NaN],
    ['competitor_evaluation', 'yes'],
  ])('rejects %s = %s, naming the field', (field, value) => {
    rejects(parseRiskInputs({ [field]: value }), field);
  });

  it('explains the NPS range', () => {
    const r = parseRiskInputs({ latest_nps: 11 });
    expect(r).toEqual({ ok: false, field: 'latest_nps', message: 'latest_nps must be between 0 and 10' });
  });
});
