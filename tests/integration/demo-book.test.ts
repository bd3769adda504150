import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { parseDemoArgs } from '../../src-main/demo/demo-cli';
import { ScoreService } from '../../src-main/services/score-service';
import { createServiceContext } from '../../src-main/services/service-context';

const AS_OF = new Date('2025-06-15T00:00:00.000Z');
const DAY_MS = 86_400_000;
const TABLES = [
  'users', 'accounts', 'contacts', 'metrics', 'surveys', 'touchpoints', 'notes', 'escalations',
  'escalation_events', 'csm_sentiments', 'goals', 'onboarding_items', 'feedback', 'account_inputs',
];

const dirs: string[] = [];
function freshStore(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'demo-book-'));
  dirs.push(dir);
  return openStore({ dataDir: dir });
}

/** Digest of every table's full contents in primary-key order. */
function digest(db: Database): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const order = table === 'metrics' ? 'account_id, key, date' : table === 'account_inputs' ? 'account_id' : 'id';
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate()) hash.update(JSON.stringify(row));
    out[table] = hash.digest('hex');
  }
  return out;
}

function book(accounts: number, seed: number): Database {
  const db = freshStore();
  generateDemoBook(db, { accounts, seed, asOf: AS_OF });
  return db;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('demo book reproducibility', () => {
  it('writes byte-identical tables for the same seed and as-of, and a different book for another seed', () => {
    const a = book(60, 42);
    const b = book(60, 42);
    const c = book(60, 43);
    try {
      const da = digest(a);
      expect(digest(b)).toEqual(da);
      const dc = digest(c);
      for (const table of ['accounts', 'metrics', 'notes', 'touchpoints']) expect(dc[table]).not.toBe(da[table]);
    } finally {
      for (const db of [a, b, c]) db.close();
    }
  });
});

describe('demo book coverage (150 accounts)', () => {
  let db: Database;
  let summary: ReturnType<typeof generateDemoBook>;
  beforeAll(() => {
    db = freshStore();
    summary = generateDemoBook(db, { accounts: 150, seed: 1, asOf: AS_OF });
  });
  afterAll(() => db.close());

  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;

  it('reports the counts it wrote', () => {
    expect(summary.accounts).toBe(150);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM metrics').n).toBe(summary.metrics);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM notes').n).toBe(summary.notes);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE role = ?', 'csm').n).toBeGreaterThanOrEqual(3);
    // Scales like the bench book: ~50 touchpoints and ~40 notes per account.
    expect(summary.touchpoints / 150).toBeGreaterThan(30);
    expect(summary.notes / 150).toBeGreaterThan(25);
  });

  it('keeps referential integrity', () => {
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('covers plans, industries, onboarding and churned accounts', () => {
    expect(all<{ plan: string }>('SELECT DISTINCT plan FROM accounts').map((r) => r.plan).sort()).toEqual([
      'enterprise', 'professional', 'starter',
    ]);
    expect(one<{ n: number }>('SELECT COUNT(DISTINCT industry) AS n FROM accounts').n).toBeGreaterThanOrEqual(6);
    const cutoff = new Date(AS_OF.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
    const onboarding = all<{ lifecycle_stage: string }>(
      "SELECT lifecycle_stage FROM accounts WHERE contract_start > ? AND status = 'active'", cutoff,
    );
    expect(onboarding.length).toBeGreaterThan(0);
    expect(onboarding.every((r) => r.lifecycle_stage === 'onboarding')).toBe(true);
    const churned = all<{ id: string; churned_at: string; last: string | null }>(
      `SELECT a.id, a.churned_at, (SELECT MAX(date) FROM metrics m WHERE m.account_id = a.id) AS last
       FROM accounts a WHERE a.status = 'churned'`,
    );
    expect(churned.length).toBeGreaterThan(0);
    for (const c of churned) {
      expect(c.last).not.toBeNull();
      expect((c.last ?? '') <= c.churned_at.slice(0, 10)).toBe(true);
    }
    expect(one<{ n: number }>('SELECT COUNT(DISTINCT name) AS n FROM accounts').n).toBe(150);
  });

  it('spreads renewals of active accounts over the next 12 months', () => {
    const asOf = AS_OF.toISOString().slice(0, 10);
    const months = all<{ m: string }>(
      `SELECT DISTINCT substr(renewal_date, 1, 7) AS m FROM accounts
       WHERE status = 'active' AND renewal_date > ? AND renewal_date <= date(?, '+12 months')`,
      asOf, asOf,
    );
    expect(months.length).toBeGreaterThanOrEqual(8);
  });

  it('has escalations at every level with one event per level change', () => {
    const levels = all<{ level: number }>('SELECT DISTINCT level FROM escalations ORDER BY level').map((r) => r.level);
    expect(levels).toEqual([1, 2, 3, 4, 5]);
    const bad = all(
      `SELECT e.id FROM escalations e
       WHERE (SELECT MAX(to_level) FROM escalation_events v WHERE v.escalation_id = e.id) <> e.level
          OR (SELECT COUNT(*) FROM escalation_events v WHERE v.escalation_id = e.id AND v.from_level IS NOT NULL
              AND v.to_level <> v.from_level + 1) > 0`,
    );
    expect(bad).toEqual([]);
  });

  it('writes notes in Spanish and English, some tied to touchpoints', () => {
    const bodies = all<{ body: string }>('SELECT body FROM notes').map((r) => r.body);
    expect(bodies.some((b) => /[ñáéíóú]/.test(b) && /Llamada|Reunión|Próximos pasos/.test(b))).toBe(true);
    expect(bodies.some((b) => /\b(Call with|Next steps|Check-in with)\b/.test(b))).toBe(true);
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM notes WHERE touchpoint_id IS NOT NULL').n).toBeGreaterThan(0);
  });

  it('has departed champions, past and planned touchpoints with some overdue', () => {
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM contacts WHERE is_champion = 1 AND departed_at IS NOT NULL').n).toBeGreaterThan(0);
    const iso = AS_OF.toISOString();
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM touchpoints WHERE status = 'planned' AND due_at > ?", iso).n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM touchpoints WHERE status = 'planned' AND due_at < ?", iso).n).toBeGreaterThan(0);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM touchpoints WHERE status = 'done'").n).toBeGreaterThan(0);
  });

  it('keeps metric values in their valid ranges', () => {
    const bad = all(
      `SELECT key, value FROM metrics WHERE value < 0
         OR (key IN ('feature_adoption', 'data_volume', 'feedback_participation', 'roi_achievement',
                     'goal_completion', 'revenue_impact', 'cost_savings') AND value > 100)
         OR (key = 'api_calls' AND value > 1.5) LIMIT 5`,
    );
    expect(bad).toEqual([]);
  });

  it('puts active accounts in all four tiers once scored, and leaves some unscored', () => {
    // Scored the way the app scores: the score service runs the engine over the cached facts.
    new ScoreService(createServiceContext(db, { now: () => AS_OF })).recompute(AS_OF);
    const rows = all<{ tier: string }>(
      `SELECT s.tier FROM account_scores s JOIN accounts a ON a.id = s.account_id WHERE a.status = 'active'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    const tiers = new Map<string, number>();
    for (const { tier } of rows) tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
    for (const tier of ['critical', 'at_risk', 'stable', 'successful', 'unscored']) {
      expect(tiers.get(tier) ?? 0, tier).toBeGreaterThan(0);
    }
    const scored = rows.length - (tiers.get('unscored') ?? 0);
    // Roughly 15 / 25 / 35 / 25 %: each tier holds a real share of the book.
    for (const tier of ['critical', 'at_risk', 'stable', 'successful']) {
      expect((tiers.get(tier) ?? 0) / scored, tier).toBeGreaterThan(0.08);
    }
  });
});

describe('demo CLI arguments', () => {
  it('applies defaults and validates flags by name and value', () => {
    const options = parseDemoArgs([], {});
    expect(options.accounts).toBe(150);
    expect(options.seed).toBe(1);
    expect(options.asOf.toISOString().endsWith('T00:00:00.000Z')).toBe(true);
    expect(() => parseDemoArgs(['--accounts', 'abc'], {})).toThrow(
      '--accounts must be a whole number from 1 to 20000, got "abc"',
    );
    expect(() => parseDemoArgs(['--as-of', '2025-02-30'], {})).toThrow('--as-of');
    expect(parseDemoArgs(['--data-dir', '/tmp/x', '--as-of', '2024-01-31'], {}).asOf.toISOString()).toBe(
      '2024-01-31T00:00:00.000Z',
    );
  });
});
