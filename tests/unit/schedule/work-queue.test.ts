import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, sortDayWork, type DayWorkItem } from '../../../src-shared/schedule/work-queue';
import { d } from './helpers';

describe('isOverdue', () => {
  const today = d('2025-05-10T15:00:00.000Z');
  it('is overdue when due before the start of today and still planned', () => {
    expect(isOverdue({ dueAt: d('2025-05-09T23:59:59.999Z'), status: 'planned' }, today)).toBe(true);
  });
  it('is not overdue when due today, even earlier today', () => {
    expect(isOverdue({ dueAt: d('2025-05-10T00:00:00.000Z'), status: 'planned' }, today)).toBe(false);
    expect(isOverdue({ dueAt: d('2025-05-11'), status: 'planned' }, today)).toBe(false);
  });
  it('is never overdue once done, skipped or cancelled', () => {
    for (const status of ['done', 'skipped', 'cancelled'] as const) {
      expect(isOverdue({ dueAt: d('2025-01-01'), status }, today)).toBe(false);
    }
  });
});

describe('sortDayWork', () => {
  const item = (id: string, riskBand: DayWorkItem['riskBand'], tier: DayWorkItem['tier'], arr: number, due: string) => ({
    id,
    riskBand,
    tier,
    arr,
    dueAt: d(due),
  });

  it('orders by band, then tier, then ARR descending, then dueAt', () => {
    const items = [
      item('none-critical', 'none', 'critical', 900_000, '2025-05-01'),
      item('low-stable', 'low', 'stable', 10_000, '2025-05-01'),
      item('medium-successful', 'medium', 'successful', 50_000, '2025-05-01'),
      item('high-unscored', 'high', 'unscored', 1_000_000, '2025-05-01'),
      item('high-critical-small-late', 'high', 'critical', 5_000, '2025-05-03'),
      item('high-critical-small-early', 'high', 'critical', 5_000, '2025-05-02'),
      item('high-critical-big', 'high', 'critical', 80_000, '2025-05-09'),
      item('high-at_risk', 'high', 'at_risk', 500_000, '2025-05-01'),
      item('medium-critical', 'medium', 'critical', 1, '2025-05-01'),
    ];
    const input = [...items];
    expect(sortDayWork(items).map((i) => i.id)).toEqual([
      'high-critical-big',
      'high-critical-small-early',
      'high-critical-small-late',
      'high-at_risk',
      'high-unscored',
      'medium-critical',
      'medium-successful',
      'low-stable',
      'none-critical',
    ]);
    expect(items).toEqual(input);
  });

  it('gives the same order whatever the input order (property)', () => {
    const arb = fc.record({
      riskBand: fc.constantFrom('high', 'medium', 'low', 'none' as const),
      tier: fc.constantFrom('critical', 'at_risk', 'stable', 'successful', 'unscored' as const),
      arr: fc.integer({ min: 0, max: 5 }),
      dueAt: fc.integer({ min: 0, max: 5 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n))),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (items, seeds) => {
        const keyOf = (i: DayWorkItem) => `${i.riskBand}|${i.tier}|${i.arr}|${i.dueAt.getTime()}`;
        const shuffled = [...items]
          .map((i) => ({ i, r: seeds.next().value as number }))
          .sort((a, b) => a.r - b.r)
          .map((x) => x.i);
        expect(sortDayWork(shuffled).map(keyOf)).toEqual(sortDayWork(items).map(keyOf));
        const sorted = sortDayWork(items);
        for (let k = 1; k < sorted.length; k++) {
          const [a, b] = [sorted[k - 1]!, sorted[k]!];
          if (a.riskBand === b.riskBand && a.tier === b.tier) expect(a.arr).toBeGreaterThanOrEqual(b.arr);
        }
      }),
    );
  });
});
