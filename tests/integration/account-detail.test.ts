import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountService, historyDates } from '../../src-main/services/account-service';
import { createServiceContext } from '../../src-main/services/service-context';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { AccountInputsRepository } from '../../src-main/db/repositories/account-inputs-repository';
import { healthChanges } from '../../src-shared/scoring/health-change';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let service: AccountService;

beforeEach(() => {
  store = openFixtureStore();
  // Acme a month and a half ago: fewer logins and features than today's 5 per week and 90%.
  const writer = new BookWriterRepository(store.db);
  for (const [key, value] of Object.entries({ login_frequency: 2.5, feature_adoption: 60, data_volume: 90, api_calls: 1.2 })) {
    writer.insertMetric({ accountId: store.ids.acmeId, key, date: '2026-05-01', value });
  }
  new AccountInputsRepository(store.db).refresh([store.ids.acmeId], FIXTURE_NOW);
  service = new AccountService(createServiceContext(store.db, { now: () => FIXTURE_NOW }));
});
afterEach(() => store.remove());

describe('an account page explains what changed and how it got here', () => {
  it('names the metrics that moved the score since the trend window, largest first', () => {
    const detail = service.detail(store.ids.acmeId);
    expect(detail.healthBefore?.score).not.toBeNull();
    expect(detail.health.score!).toBeGreaterThan(detail.healthBefore!.score!);
    const changes = healthChanges(detail.health, detail.healthBefore);
    const logins = changes.find((c) => c.key === 'login_frequency')!;
    expect([logins.inputBefore, logins.inputNow]).toEqual([2.5, 5]);
    expect(logins.pointsDelta).toBeGreaterThan(0);
    // Sorted by how much each moved the score; the unchanged data volume moved it by nothing.
    const moves = changes.map((c) => Math.abs(c.pointsDelta));
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
    expect(changes.find((c) => c.key === 'data_volume')?.pointsDelta).toBe(0);
    // Worth counted at today's weights: logins' score went 55 → 100, at 25% of usage's 40%.
    expect(logins.pointsDelta).toBeCloseTo((100 - 55) * 0.25 * 0.4, 5);
  });

  it('charts a year of month ends and today, each scored from the facts of its own day', () => {
    const { healthHistory } = service.detail(store.ids.acmeId);
    expect(healthHistory.map((p) => p.date)).toEqual([
      '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30',
      '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-15',
    ]);
    expect(healthHistory.slice(0, 10).every((p) => p.score === null)).toBe(true); // no metric before May
    expect(healthHistory[11]!.usage).toMatchObject({ login_frequency: 2.5, feature_adoption: 60 });
    expect(healthHistory[12]!.usage).toMatchObject({ login_frequency: 5, feature_adoption: 90 });
    expect(healthHistory[12]!.score).toBe(service.detail(store.ids.acmeId).health.score);
  });

  it('says which intervention an account calls for, its loyalty and its renewal countdown', () => {
    const borealis = service.detail(store.ids.borealisId).signals;
    // High risk with a level-4 escalation open: emergency (DESIGN §4.3).
    expect(borealis.intervention.kind).toBe('emergency');
    expect(borealis.intervention.actions).toContain('escalation_to_leadership');
    expect(borealis.loyalty.level).toBe('platinum'); // 29 whole months since 2024-01-10
    expect(borealis.daysToRenewal).toBe(209); // 2026-06-15 → 2027-01-10
    const acme = service.detail(store.ids.acmeId).signals;
    expect(acme.expansion).toEqual([]); // 80% of seats and 90% of volume are not above the thresholds
    expect(acme.intervention.kind).not.toBe('emergency');
  });

  it('month ends across a leap February and a year change', () => {
    expect(historyDates(new Date('2028-03-10T08:00:00Z'), 3).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2027-12-31', '2028-01-31', '2028-02-29', '2028-03-10',
    ]);
  });
});
