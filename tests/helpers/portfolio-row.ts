import type { PortfolioRow } from '../../src-shared/ipc/contract';

/** A portfolio row with plain defaults, changed where a test says so. */
export function portfolioRow(over: Partial<PortfolioRow>): PortfolioRow {
  return {
    id: 'a',
    name: 'Acme',
    industry: null,
    plan: 'starter',
    arr: 1000,
    renewalDate: '2027-01-01',
    status: 'active',
    onboarding: false,
    loyalty: 'gold',
    health: 70,
    tier: 'at_risk',
    riskPoints: 30,
    riskBand: 'low',
    nextTouchpoint: null,
    escalationLevel: null,
    ownerId: null,
    ownerName: null,
    ...over,
  };
}
