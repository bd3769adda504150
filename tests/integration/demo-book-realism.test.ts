import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { PortfolioService } from '../../src-main/services/portfolio-service';
import { createServiceContext } from '../../src-main/services/service-context';
import { makeTempDir } from '../helpers/temp-store';

// The app's demo book (seed 1, 150 accounts) on a few different days: a CSM's real Monday, not a disaster.
const DAYS = ['2026-11-23', '2027-03-01', '2027-08-16'];

describe('the demo book a CSM would recognize', () => {
  const books: Array<{ day: string; db: Database; localUserId: string; remove: () => void }> = [];
  beforeAll(() => {
    for (const day of DAYS) {
      const temp = makeTempDir('csm-demo-real-');
      const db = openStore({ dataDir: temp.dir });
      const { localUserId } = generateDemoBook(db, { accounts: 150, seed: 1, asOf: new Date(`${day}T00:00:00.000Z`) });
      books.push({ day, db, localUserId, remove: () => { db.close(); temp.remove(); } });
    }
  }, 120_000);
  afterAll(() => books.forEach((b) => b.remove()));

  it('has about two thirds of its active accounts healthy and fewer than one in ten with overdue work, owned by the signed-in CSM', () => {
    for (const { day, db, localUserId } of books) {
      const { rows } = new PortfolioService(createServiceContext(db, { now: () => new Date(`${day}T09:00:00.000Z`) })).list();
      const active = rows.filter((r) => r.status === 'active');
      const healthy = active.filter((r) => r.tier === 'stable' || r.tier === 'successful').length / active.length;
      const overdue = active.filter((r) => r.nextTouchpoint?.overdue).length / active.length;
      expect(healthy, `${day}: healthy share`).toBeGreaterThanOrEqual(0.58);
      expect(healthy, `${day}: healthy share`).toBeLessThanOrEqual(0.78);
      expect(overdue, `${day}: share with an overdue touchpoint`).toBeLessThan(0.1);
      expect(new Set(rows.map((r) => r.ownerId)), day).toEqual(new Set([localUserId]));
    }
  });
});
