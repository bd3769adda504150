import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCheckIn } from '../../../src-shared/schedule/cadence';
import { onboardingPlan } from '../../../src-shared/schedule/onboarding';
import { qbrDue, renewalTouchpoints, upsellMoments } from '../../../src-shared/schedule/renewals';
import { d, ymd } from './helpers';

/** Everything the schedule computes for a few fixed inputs, as ISO strings. */
function snapshot(): string[] {
  const out: string[] = [];
  // Purchases straddling the US (Mar 9) and EU (Mar 30) 2025 DST changes and the Dec/Jan year end.
  for (const p of ['2025-03-01T23:30:00.000Z', '2025-03-27T00:30:00.000Z', '2025-10-24T12:00:00.000Z', '2025-12-29T07:00:00.000Z']) {
    out.push(...onboardingPlan(d(p)).map((s) => `${s.key}:${s.dueAt.toISOString()}`));
    out.push(...upsellMoments({ contractStart: d(p), tier: 'stable' }).map((m) => m.dueAt.toISOString()));
    out.push(...renewalTouchpoints(d(p)).map((t) => t.dueAt.toISOString()));
    out.push(qbrDue({ lastQbrAt: null, asOf: d(p) }).dueBy.toISOString());
    out.push(nextCheckIn({ lastCompletedCheckIn: d(p), tier: 'successful', loyalty: 'bronze', asOf: d(p) }).dueAt.toISOString());
  }
  return out;
}

describe('schedule does not depend on the machine time zone', () => {
  const original = process.env.TZ;
  let reference: string[] = [];
  beforeAll(() => {
    process.env.TZ = 'UTC';
    reference = snapshot();
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('reference run is at UTC midnights for day-based steps', () => {
    const plan = onboardingPlan(d('2025-03-01T23:30:00.000Z'));
    expect(plan.slice(1).every((s) => s.dueAt.toISOString().endsWith('T00:00:00.000Z'))).toBe(true);
    expect(ymd(plan[plan.length - 1]!.dueAt)).toBe('2025-03-24');
  });

  for (const tz of ['America/Los_Angeles', 'Europe/Madrid', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe']) {
    it(`gives identical dates in ${tz}`, () => {
      process.env.TZ = tz;
      expect(snapshot()).toEqual(reference);
    });
  }
});
