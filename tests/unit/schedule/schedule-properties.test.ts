import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onboardingPlan } from '../../../src-shared/schedule/onboarding';
import { renewalTouchpoints, upsellMoments } from '../../../src-shared/schedule/renewals';
import { addUtcMonths, utcDay } from '../../../src-shared/schedule/utc-date';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';

const instant = fc
  .integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms));
const tier = fc.constantFrom('critical', 'at_risk', 'stable', 'successful', 'unscored' as const);

describe('nothing is scheduled before the purchase / contract start (property)', () => {
  it('onboarding steps are all at or after the purchase instant', () => {
    fc.assert(
      fc.property(instant, (purchase) => {
        for (const step of onboardingPlan(purchase)) {
          expect(step.dueAt.getTime()).toBeGreaterThan(purchase.getTime());
          if (step.windowEnd) expect(step.windowEnd.getTime()).toBeGreaterThanOrEqual(step.dueAt.getTime());
        }
      }),
    );
  });

  it('upsell moments are after the contract start', () => {
    fc.assert(
      fc.property(instant, tier, (contractStart, t) => {
        for (const m of upsellMoments({ contractStart, tier: t })) {
          expect(m.dueAt.getTime()).toBeGreaterThan(contractStart.getTime());
        }
      }),
    );
  });

  it('renewal touchpoints of a contract are not before its first day, whatever its length', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (contractStart, months) => {
        const renewal = addUtcMonths(contractStart, months);
        for (const t of renewalTouchpoints(renewal, DEFAULT_SCORING_CONFIG, contractStart)) {
          expect(t.dueAt.getTime()).toBeGreaterThanOrEqual(utcDay(contractStart).getTime());
          expect(t.dueAt.getTime()).toBeLessThanOrEqual(utcDay(renewal).getTime());
        }
      }),
    );
  });

  it('renewal touchpoints of a contract of 12 months or more need no clamping', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 12, max: 60 }), (contractStart, months) => {
        for (const t of renewalTouchpoints(addUtcMonths(contractStart, months))) {
          expect(t.dueAt.getTime()).toBeGreaterThan(contractStart.getTime());
        }
      }),
    );
  });
});
