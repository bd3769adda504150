import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { AccountInputsRepository } from '../../src-main/db/repositories/account-inputs-repository';
import { ScoreService } from '../../src-main/services/score-service';
import { createServiceContext } from '../../src-main/services/service-context';
import { TodayService } from '../../src-main/services/today-service';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let writer: BookWriterRepository;
const at = '2026-01-01T00:00:00.000Z';
const cobaltId = '01900000-0000-7000-8000-0000000000d1';
const newbieId = '01900000-0000-7000-8000-0000000000d2';

function touchpoint(id: string, accountId: string, title: string, dueAt: string, status: 'planned' | 'done' = 'planned') {
  writer.insertTouchpoint({
    id, accountId, kind: 'call', origin: 'manual', title, dueAt, status, completedAt: status === 'done' ? dueAt : null,
    outcome: null, sentiment: null, contactId: null, createdAt: at, updatedAt: at,
  });
}

beforeEach(() => {
  store = openFixtureStore();
  writer = new BookWriterRepository(store.db);
  const { acmeId, borealisId, userId } = store.ids;
  const base = {
    domain: null, industry: null, plan: 'starter' as const, seats: 10, seatsUsed: 5, planFeatureCount: 10, volumeLimit: 100,
    renewalsCount: 0, lifecycleStage: 'growth' as const, ownerId: userId, status: 'active' as const, churnedAt: null, createdAt: at, updatedAt: at,
  };
  // Renews in 30 days, evaluating a competitor with an invoice 30 days late: medium risk.
  writer.insertAccount({ ...base, id: cobaltId, name: 'Cobalt', arr: 40_000, contractStart: '2025-07-15', renewalDate: '2026-07-15', competitorEvaluation: true, paymentOverdueDays: 30 });
  // Bought ten days ago: in onboarding.
  writer.insertAccount({ ...base, id: newbieId, name: 'Newbie', arr: 9_000, contractStart: '2026-06-05', renewalDate: '2027-06-05', competitorEvaluation: false, paymentOverdueDays: 0 });
  touchpoint('01900000-0000-7000-8000-0000000000f1', acmeId, 'Acme late call', '2026-06-10T10:00:00.000Z');
  touchpoint('01900000-0000-7000-8000-0000000000f2', borealisId, 'Borealis today', '2026-06-15T18:00:00.000Z');
  touchpoint('01900000-0000-7000-8000-0000000000f3', borealisId, 'Borealis late call', '2026-06-12T10:00:00.000Z');
  touchpoint('01900000-0000-7000-8000-0000000000f4', acmeId, 'Acme tomorrow', '2026-06-16T09:00:00.000Z');
  touchpoint('01900000-0000-7000-8000-0000000000f5', acmeId, 'Acme done late', '2026-06-01T09:00:00.000Z', 'done');
  touchpoint('01900000-0000-7000-8000-0000000000f6', newbieId, 'Setup session', '2026-06-17T09:00:00.000Z');
  // Borealis two weeks ago logged in four times a week and used 70% of its features.
  writer.insertMetric({ accountId: borealisId, key: 'login_frequency', date: '2026-06-01', value: 4 });
  writer.insertMetric({ accountId: borealisId, key: 'feature_adoption', date: '2026-06-01', value: 70 });
  writer.insertMetric({ accountId: borealisId, key: 'support_tickets', date: '2026-06-01', value: 2 });
  writer.insertMetric({ accountId: borealisId, key: 'goal_completion', date: '2026-06-01', value: 10 });
  new AccountInputsRepository(store.db).refresh([borealisId, cobaltId, newbieId], FIXTURE_NOW);
});
afterEach(() => store.remove());

const ctx = () => createServiceContext(store.db, { now: () => FIXTURE_NOW });

describe('Today', () => {
  it('lists overdue and due-today touchpoints in the working order of DESIGN 4.4', () => {
    const today = new TodayService(ctx()).overview();
    // High-risk Borealis first (respond immediately), its two by due date; Acme after; tomorrow's and done ones left out.
    expect(today.work.map((w) => [w.title, w.overdue])).toEqual([
      ['Borealis late call', true],
      ['Borealis today', false],
      ['Acme late call', true],
    ]);
    expect([today.workTotal, today.overdueTotal]).toEqual([3, 2]);
  });

  it('lists renewals within 90 days with the ARR at risk, and open escalations aged against response time', () => {
    const today = new TodayService(ctx()).overview();
    expect(today.renewals.map((r) => [r.account.name, r.daysToRenewal, r.account.riskBand])).toEqual([['Cobalt', 30, 'medium']]);
    expect(today.arrAtRisk).toBe(40_000);
    const [escalation] = today.escalations;
    expect(escalation?.account.name).toBe('Borealis');
    expect(escalation?.ageHours).toBe(123); // 10 June 09:00 → 15 June 12:00
    expect(escalation?.overdue).toBe(true);
  });

  it('lists accounts in onboarding with their next step and checklist progress', () => {
    const today = new TodayService(ctx()).overview();
    expect(today.onboarding.map((o) => [o.account.name, o.nextStep?.title, o.checklistDone, o.checklistTotal])).toEqual([['Newbie', 'Setup session', 0, 15]]);
  });

  it('lists the accounts that fell since last week with the metric that moved most, once last week is kept', () => {
    expect(new TodayService(ctx()).overview()).toMatchObject({ comparedWith: null, movers: [] });
    const scored = new ScoreService(ctx()).ensureDayKept(FIXTURE_NOW, 7);
    expect(scored).toBe(4);
    expect(new ScoreService(ctx()).ensureDayKept(FIXTURE_NOW, 7)).toBe(0); // kept once
    expect(new ScoreService(ctx()).dayKeepingJob(FIXTURE_NOW, 7)).toBeNull();
    const today = new TodayService(ctx()).overview();
    expect(today.comparedWith).toBe('2026-06-08');
    const borealis = today.movers.find((m) => m.account.name === 'Borealis');
    expect(borealis?.healthBefore).toBeGreaterThan(borealis!.account.health! + 4);
    // Tickets went 2 → 8 a month (support_tickets scores 100 → 44, the whole engagement weight).
    expect(borealis?.topMetric?.key).toBe('support_tickets');
    expect(borealis!.topMetric!.pointsDelta).toBeLessThan(0);
    expect(today.movers.some((m) => m.account.name === 'Acme')).toBe(false);
  });

  it('keeps last week a slice at a time, the day saved only when every account is scored', () => {
    const job = new ScoreService(ctx()).dayKeepingJob(FIXTURE_NOW, 7)!;
    const steps: boolean[] = [];
    while (steps.length < 10 && !steps.at(-1)) {
      steps.push(job.step(0)); // the smallest budget still scores one account a slice
      if (!steps.at(-1)) expect(new TodayService(ctx()).overview().comparedWith).toBeNull();
    }
    expect(steps).toEqual([false, false, false, true]);
    expect(new TodayService(ctx()).overview().comparedWith).toBe('2026-06-08');
  });

  it('says the book is empty rather than listing nothing', () => {
    expect(new TodayService(ctx()).overview().activeAccounts).toBe(4);
  });
});
