import { describe, expect, it } from 'vitest';
import { DemoBookGenerator, planDemoBook } from '../../../src-shared/demo/demo-generator';
import { collectingSink, emptyDemoRecords, type DemoRecords } from '../../../src-shared/demo/demo-record-collector';
import { organisationTeam } from '../../../src-shared/demo/demo-team';

const AS_OF = new Date('2025-06-15T00:00:00.000Z');

/** Every record of a book, emitted `chunk` accounts at a time. */
function records(accounts: number, seed: number, chunk = accounts): DemoRecords {
  const generator = new DemoBookGenerator(planDemoBook({ accounts, seed, asOf: AS_OF }));
  const into = emptyDemoRecords();
  const sink = collectingSink(into);
  generator.emitUsers(sink);
  while (generator.remaining > 0) generator.emitAccounts(sink, chunk);
  return into;
}

describe('demo record generator (src-shared, pure)', () => {
  it('gives the same records, ids included, for the same seed and as-of, and other records for another seed', () => {
    const a = records(25, 42);
    expect(records(25, 42)).toEqual(a);
    const other = records(25, 43);
    expect(other.accounts.map((r) => r.id)).not.toEqual(a.accounts.map((r) => r.id));
    expect(other.metrics).not.toEqual(a.metrics);
  });

  it('gives the same records however the accounts are batched', () => {
    expect(records(25, 7, 4)).toEqual(records(25, 7));
  });

  it('makes every kind of record, each naming an account of the book that came before it', () => {
    const book = records(40, 3);
    for (const [kind, list] of Object.entries(book)) expect(list.length, kind).toBeGreaterThan(0);
    const accountIds = new Set(book.accounts.map((a) => a.id));
    const owned = [book.contacts, book.metrics, book.surveys, book.touchpoints, book.notes, book.escalations, book.goals, book.onboardingItems, book.feedback];
    for (const list of owned) for (const row of list) expect(accountIds.has(row.accountId)).toBe(true);
    const escalationAccount = new Map(book.escalations.map((e) => [e.id, e.accountId]));
    for (const event of book.escalationEvents) expect(event.accountId).toBe(escalationAccount.get(event.escalationId));
    // Accounts come in id order (a store's key inserts become appends).
    const ids = book.accounts.map((a) => a.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('counts what it emitted', () => {
    const generator = new DemoBookGenerator(planDemoBook({ accounts: 10, seed: 9, asOf: AS_OF }));
    const into = emptyDemoRecords();
    const sink = collectingSink(into);
    generator.emitUsers(sink);
    expect(generator.emitAccounts(sink, 6)).toBe(6);
    expect(generator.emitAccounts(sink, 6)).toBe(4);
    expect(generator.emitAccounts(sink, 6)).toBe(0);
    const s = generator.summary;
    expect([s.users, s.accounts, s.contacts, s.metrics, s.notes, s.escalationEvents]).toEqual([
      into.users.length, into.accounts.length, into.contacts.length, into.metrics.length, into.notes.length, into.escalationEvents.length,
    ]);
  });

  it('refuses a book without accounts or a date', () => {
    expect(() => planDemoBook({ accounts: 0, seed: 1, asOf: AS_OF })).toThrow(/positive integer/);
    expect(() => planDemoBook({ accounts: 3, seed: 1, asOf: new Date(Number.NaN) })).toThrow(/valid date/);
  });
});

describe('demo organisation team', () => {
  it('has one admin, two managers and three CSMs reporting to each, and deals the accounts to the CSMs only', () => {
    const plan = planDemoBook({ accounts: 120, seed: 1, asOf: AS_OF, team: organisationTeam() });
    const { users } = plan.team;
    const byRole = (role: string) => users.filter((u) => u.role === role);
    expect([byRole('admin').length, byRole('manager').length, byRole('csm').length]).toEqual([1, 2, 6]);
    for (const manager of byRole('manager')) expect(users.filter((u) => u.managerId === manager.id)).toHaveLength(3);
    expect(new Set(users.map((u) => u.email)).size).toBe(9);
    const owners = new Map<string, number>();
    for (const p of plan.profiles) owners.set(p.record.ownerId ?? '', (owners.get(p.record.ownerId ?? '') ?? 0) + 1);
    expect([...owners.keys()].sort()).toEqual(plan.team.csmIds.slice().sort());
    for (const count of owners.values()) expect(count).toBeGreaterThan(5);
  });

  it("gives an account's higher escalations to its owner's own manager", () => {
    const plan = planDemoBook({ accounts: 150, seed: 2, asOf: AS_OF, team: organisationTeam() });
    const generator = new DemoBookGenerator(plan);
    const into = emptyDemoRecords();
    generator.emitAccounts(collectingSink(into), 150);
    const managerOf = new Map(plan.team.users.map((u) => [u.id, u.managerId]));
    const ownerOf = new Map(into.accounts.map((a) => [a.id, a.ownerId]));
    const high = into.escalations.filter((e) => e.level >= 3);
    expect(high.length).toBeGreaterThan(0);
    for (const e of high) expect(e.ownerId).toBe(managerOf.get(ownerOf.get(e.accountId) ?? ''));
  });
});

describe('demo metric history length', () => {
  it("keeps only the newest weeks of metrics with the full book's values, and the rest of the book unchanged", () => {
    const full = records(12, 5);
    const generator = new DemoBookGenerator(planDemoBook({ accounts: 12, seed: 5, asOf: AS_OF, metricWeeks: 13 }));
    const short = emptyDemoRecords();
    generator.emitAccounts(collectingSink(short), 12);
    const firstDay = new Date(AS_OF.getTime() - 12 * 7 * 86_400_000).toISOString().slice(0, 10);
    expect(short.metrics).toEqual(full.metrics.filter((m) => m.date >= firstDay));
    expect(short.metrics.length).toBeLessThan(full.metrics.length / 5);
    expect(short.notes).toEqual(full.notes);
    expect(short.touchpoints).toEqual(full.touchpoints);
    expect(generator.summary.metrics).toBe(short.metrics.length);
  });
});
