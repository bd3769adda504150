import type { BookWriterRepository, ContactRecord } from '../db/repositories/book-writer-repository';
import type { SeededRandom } from './seeded-random';
import { DAY_MS, type AccountProfile, type Team } from './demo-accounts';
import type { LevelFn } from './demo-metrics';
import type { Mood } from './demo-text';

export interface DemoBookSummary {
  users: number;
  accounts: number;
  contacts: number;
  metrics: number;
  surveys: number;
  touchpoints: number;
  notes: number;
  escalations: number;
  escalationEvents: number;
  goals: number;
  onboardingItems: number;
  feedback: number;
}

export function emptySummary(): DemoBookSummary {
  return {
    users: 0, accounts: 0, contacts: 0, metrics: 0, surveys: 0, touchpoints: 0, notes: 0,
    escalations: 0, escalationEvents: 0, goals: 0, onboardingItems: 0, feedback: 0,
  };
}

/** What every per-account generator shares while it writes one account's history. */
export interface AccountContext {
  profile: AccountProfile;
  rng: SeededRandom;
  level: LevelFn;
  writer: BookWriterRepository;
  team: Team;
  asOfDay: number;
  contacts: ContactRecord[];
  summary: DemoBookSummary;
  /** Book-wide escalation counter, so the first five escalations cover levels 1 to 5. */
  escalationSerial: { next: number };
}

export function moodAt(ctx: AccountContext, day: number): Mood {
  const level = ctx.level(day);
  return level >= 80 ? 'good' : level >= 60 ? 'mixed' : 'bad';
}

/** A fresh id stamped with the moment the row came to be. */
export function idAt(ctx: AccountContext, day: number, minutes = 0): string {
  return ctx.rng.uuidV7(day * DAY_MS + minutes * 60_000);
}

/** Contacts still at the account on `day`. */
export function presentContacts(ctx: AccountContext, day: number): ContactRecord[] {
  const iso = new Date(day * DAY_MS).toISOString();
  return ctx.contacts.filter((c) => c.departedAt === null || c.departedAt > iso);
}
