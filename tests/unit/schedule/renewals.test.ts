import { describe, expect, it } from 'vitest';
import { qbrDue, renewalTouchpoints, upsellMoments } from '../../../src-shared/schedule/renewals';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import type { Tier } from '../../../src-shared/scoring/types';
import { d, ymd } from './helpers';

describe('upsellMoments', () => {
  it('schedules months 3, 6, 9 and 12 with their offers, clamped to month ends', () => {
    const moments = upsellMoments({ contractStart: d('2025-01-31T14:00:00.000Z'), tier: 'stable' });
    expect(moments.map((m) => [m.month, m.offer, ymd(m.dueAt), m.held])).toEqual([
      [3, 'advanced_features', '2025-04-30', false],
      [6, 'higher_plan', '2025-07-31', false],
      [9, 'additional_services', '2025-10-31', false],
      [12, 'enterprise_plan', '2026-01-31', false],
    ]);
  });

  it('lands on a leap day when the month is shorter', () => {
    expect(ymd(upsellMoments({ contractStart: d('2023-11-30'), tier: 'successful' })[0]!.dueAt)).toBe('2024-02-29');
  });

  const cases: Array<[Tier, boolean]> = [
    ['critical', true],
    ['at_risk', true],
    ['unscored', true],
    ['stable', false],
    ['successful', false],
  ];
  for (const [tier, held] of cases) {
    it(`is ${held ? 'held' : 'shown'} for tier ${tier}`, () => {
      const moments = upsellMoments({ contractStart: d('2025-05-01'), tier });
      expect(moments).toHaveLength(4);
      expect(moments.every((m) => m.held === held)).toBe(true);
    });
  }

  it('follows the configured months', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, schedule: { ...DEFAULT_SCORING_CONFIG.schedule, upsellMonths: [2, 4] } };
    const moments = upsellMoments({ contractStart: d('2025-05-15'), tier: 'stable' }, config);
    expect(moments.map((m) => [m.month, m.offer, ymd(m.dueAt)])).toEqual([
      [2, 'advanced_features', '2025-07-15'],
      [4, 'higher_plan', '2025-09-15'],
    ]);
  });
});

describe('renewalTouchpoints', () => {
  it('puts prep 90 days and the call 30 days before renewal', () => {
    expect(renewalTouchpoints(d('2026-03-15')).map((t) => [t.key, t.kind, t.daysBefore, ymd(t.dueAt)])).toEqual([
      ['renewal_prep', 'renewal', 90, '2025-12-15'],
      ['renewal_call', 'call', 30, '2026-02-13'],
    ]);
  });

  it('crosses a year end and a leap February', () => {
    expect(renewalTouchpoints(d('2025-01-10')).map((t) => ymd(t.dueAt))).toEqual(['2024-10-12', '2024-12-11']);
    expect(renewalTouchpoints(d('2024-03-30')).map((t) => ymd(t.dueAt))).toEqual(['2023-12-31', '2024-02-29']);
  });

  it('never schedules before the contract start when it is given', () => {
    const t = renewalTouchpoints(d('2025-02-15'), DEFAULT_SCORING_CONFIG, d('2025-01-01T09:30:00.000Z'));
    expect(t.map((x) => ymd(x.dueAt))).toEqual(['2025-01-01', '2025-01-16']);
  });
});

describe('qbrDue', () => {
  it('is due when no QBR was ever held', () => {
    expect(qbrDue({ lastQbrAt: null, asOf: d('2025-02-10') })).toEqual({
      due: true,
      quarter: '2025-Q1',
      dueBy: d('2025-03-31'),
    });
  });

  it('is not due when a QBR was held in the same quarter, up to its last instant', () => {
    expect(qbrDue({ lastQbrAt: d('2025-01-01T00:00:00.000Z'), asOf: d('2025-03-31T23:59:59.999Z') }).due).toBe(false);
  });

  it('becomes due at the first instant of the next quarter', () => {
    expect(qbrDue({ lastQbrAt: d('2025-03-31T23:59:59.999Z'), asOf: d('2025-04-01T00:00:00.000Z') })).toEqual({
      due: true,
      quarter: '2025-Q2',
      dueBy: d('2025-06-30'),
    });
  });

  it('handles Q3, Q4 and the year boundary', () => {
    expect(qbrDue({ lastQbrAt: d('2025-09-30'), asOf: d('2025-12-15') })).toEqual({
      due: true,
      quarter: '2025-Q4',
      dueBy: d('2025-12-31'),
    });
    expect(qbrDue({ lastQbrAt: d('2025-10-01'), asOf: d('2025-12-31') }).due).toBe(false);
    expect(qbrDue({ lastQbrAt: d('2025-12-31'), asOf: d('2026-01-01') })).toEqual({
      due: true,
      quarter: '2026-Q1',
      dueBy: d('2026-03-31'),
    });
    expect(qbrDue({ lastQbrAt: d('2025-07-01'), asOf: d('2025-08-01') }).quarter).toBe('2025-Q3');
  });
});
