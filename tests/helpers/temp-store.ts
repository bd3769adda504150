import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { openStore } from '../../src-main/db/open-store';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { AccountInputsRepository } from '../../src-main/db/repositories/account-inputs-repository';

export function makeTempDir(prefix = 'csm-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The store worker's entry, started from its TypeScript source (see store-worker-from-source.mjs). */
export const STORE_WORKER_FROM_SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'store-worker-from-source.mjs');

export const FIXTURE_NOW = new Date('2026-06-15T12:00:00.000Z');

/**
 * A small hand-made book with known values, so tests can assert exact engine results:
 * "Acme" is healthy with a planned call; "Borealis" is in trouble with an open level-4 escalation.
 */
export function seedFixtureBook(db: Database): {
  userId: string; acmeId: string; borealisId: string; callId: string; doneCallId: string; checkInId: string;
} {
  const writer = new BookWriterRepository(db);
  const at = '2026-01-01T00:00:00.000Z';
  const userId = '01900000-0000-7000-8000-000000000001';
  const acmeId = '01900000-0000-7000-8000-0000000000a1';
  const borealisId = '01900000-0000-7000-8000-0000000000b1';
  const callId = '01900000-0000-7000-8000-0000000000c1';
  const doneCallId = '01900000-0000-7000-8000-0000000000c2';
  const checkInId = '01900000-0000-7000-8000-0000000000c3';
  writer.insertUser({ id: userId, email: 'ana@example.com', name: 'Ana', role: 'csm', managerId: null, createdAt: at });
  const base = {
    domain: null, industry: 'Retail', plan: 'professional' as const, seats: 50, seatsUsed: 40, planFeatureCount: 25,
    volumeLimit: 1000, contractStart: '2024-01-10', renewalDate: '2027-01-10', renewalsCount: 2,
    lifecycleStage: 'growth' as const, ownerId: userId, status: 'active' as const, churnedAt: null, createdAt: at, updatedAt: at,
  };
  writer.insertAccount({ ...base, id: acmeId, name: 'Acme', arr: 120_000, competitorEvaluation: false, paymentOverdueDays: 0 });
  writer.insertAccount({ ...base, id: borealisId, name: 'Borealis', arr: 80_000, competitorEvaluation: true, paymentOverdueDays: 30 });
  const metrics: Record<string, Record<string, number>> = {
    [acmeId]: {
      login_frequency: 5, feature_adoption: 90, data_volume: 90, api_calls: 1.2, support_tickets: 2, training_sessions: 3,
      feedback_participation: 100, community_engagement: 3, roi_achievement: 100, goal_completion: 100, revenue_impact: 100, cost_savings: 100,
      webinars_90d: 2, downloads_90d: 3, community_90d: 3, days_since_support_contact: 10, days_since_last_login: 0,
    },
    [borealisId]: {
      login_frequency: 1, feature_adoption: 20, support_tickets: 8, goal_completion: 10,
      sessions_30d: 50, sessions_prev_30d: 100, days_since_last_login: 9,
    },
  };
  for (const [accountId, values] of Object.entries(metrics)) {
    for (const [key, value] of Object.entries(values)) writer.insertMetric({ accountId, key, date: '2026-06-14', value });
  }
  const touchpoint = { accountId: acmeId, kind: 'call' as const, origin: 'cadence' as const, outcome: null, sentiment: null, contactId: null, createdAt: at, updatedAt: at };
  writer.insertTouchpoint({ ...touchpoint, id: callId, title: 'Monthly check-in', dueAt: '2026-06-20T15:00:00.000Z', completedAt: null, status: 'planned' });
  writer.insertTouchpoint({ ...touchpoint, id: doneCallId, title: 'May check-in', dueAt: '2026-05-20T15:00:00.000Z', completedAt: '2026-05-20T16:00:00.000Z', status: 'done' });
  writer.insertTouchpoint({ ...touchpoint, id: checkInId, kind: 'check_in', title: 'Weekly check-in', dueAt: '2026-06-25T09:00:00.000Z', completedAt: null, status: 'planned' });
  writer.insertEscalation({
    id: '01900000-0000-7000-8000-0000000000e1', accountId: borealisId, level: 4, reason: 'Outage', severity: 'critical',
    status: 'open', ownerId: userId, openedAt: '2026-06-10T09:00:00.000Z', resolvedAt: null, createdAt: at, updatedAt: at,
  });
  new AccountInputsRepository(db).refresh([acmeId, borealisId], FIXTURE_NOW);
  return { userId, acmeId, borealisId, callId, doneCallId, checkInId };
}

export function openFixtureStore(): { db: Database; dir: string; remove: () => void; ids: ReturnType<typeof seedFixtureBook> } {
  const temp = makeTempDir();
  const db = openStore({ dataDir: temp.dir });
  const ids = seedFixtureBook(db);
  return { db, dir: temp.dir, ids, remove: () => { db.close(); temp.remove(); } };
}
