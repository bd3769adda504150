import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src-shared/ipc/contract';
import {
  healthSortKey,
  riskSortKey,
  tierSortKey,
  touchpointSortKey,
} from '../../../src-renderer/components/portfolio-sort';
import { portfolioRow } from '../../helpers/portfolio-row';

const row = portfolioRow;

const byDesc = (key: (r: PortfolioRow) => number | undefined) => (a: PortfolioRow, b: PortfolioRow) =>
  (key(b) ?? -Infinity) - (key(a) ?? -Infinity);

describe('portfolio sort keys', () => {
  it('orders tiers by severity, not alphabetically, with unscored missing', () => {
    const tiers: PortfolioRow['tier'][] = ['stable', 'successful', 'critical', 'at_risk'];
    const sorted = tiers.map((tier) => row({ tier })).sort(byDesc(tierSortKey)).map((r) => r.tier);
    expect(sorted).toEqual(['critical', 'at_risk', 'stable', 'successful']);
    expect(tierSortKey(row({ tier: 'unscored' }))).toBeUndefined();
  });

  it('orders risk by band severity, then points', () => {
    const rows = [
      row({ id: 'low', riskBand: 'low', riskPoints: 45 }),
      row({ id: 'high', riskBand: 'high', riskPoints: 80 }),
      row({ id: 'none', riskBand: 'none', riskPoints: 15 }),
      row({ id: 'high100', riskBand: 'high', riskPoints: 100 }),
      row({ id: 'medium', riskBand: 'medium', riskPoints: 50 }),
    ];
    expect(rows.sort(byDesc(riskSortKey)).map((r) => r.id)).toEqual(['high100', 'high', 'medium', 'low', 'none']);
  });

  it('treats unknown health and missing touchpoints as missing (sorted last by the table)', () => {
    expect(healthSortKey(row({ health: null }))).toBeUndefined();
    expect(healthSortKey(row({ health: 0 }))).toBe(0);
    expect(touchpointSortKey(row({ nextTouchpoint: null }))).toBeUndefined();
    const due = '2026-11-26T15:59:00.000Z';
    expect(
      touchpointSortKey(row({ nextTouchpoint: { id: 't', kind: 'call', title: 'Call', dueAt: due, overdue: false } })),
    ).toBe(Date.parse(due));
  });
});
