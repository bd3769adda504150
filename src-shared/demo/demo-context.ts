import { tierFor } from '../scoring/tiers';
import type { Tier } from '../scoring/types';
import { MS_PER_DAY } from '../schedule/utc-date';
import type { AccountProfile } from './demo-accounts';
import type { LevelFn } from './demo-metrics';
import type { ContactRecord, DemoRecordSink } from './demo-records';
import type { Team } from './demo-team';
import type { SeededRandom } from './seeded-random';
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
  csmSentiments: number;
  goals: number;
  onboardingItems: number;
  feedback: number;
}

export function emptySummary(): DemoBookSummary {
  return {
    users: 0, accounts: 0, contacts: 0, metrics: 0, surveys: 0, touchpoints: 0, notes: 0,
    escalations: 0, escalationEvents: 0, csmSentiments: 0, goals: 0, onboardingItems: 0, feedback: 0,
  };
}

/** What every per-account generator shares while it makes one account's history. */
export interface AccountContext {
  profile: AccountProfile;
  rng: SeededRandom;
  level: LevelFn;
  sink: DemoRecordSink;
  team: Team;
  asOfDay: number;
  contacts: ContactRecord[];
  summary: DemoBookSummary;
  /** Book-wide escalation counter, so the first five escalations cover levels 1 to 5. */
  escalationSerial: { next: number };
}

/** The engine's tier (DESIGN §4.2) for the account's latent health on `day`, rounded as a score is. */
function latentTier(ctx: AccountContext, day: number): Tier {
  return tierFor(Math.round(ctx.level(day)));
}

/** The tier the app sees on `day`: an account without any data is unscored. */
export function tierAt(ctx: AccountContext, day: number): Tier {
  return ctx.profile.missing === 'all' ? 'unscored' : latentTier(ctx, day);
}

const MOOD_BY_TIER: Readonly<Record<Tier, Mood>> = {
  critical: 'bad',
  at_risk: 'mixed',
  stable: 'good',
  successful: 'good',
  unscored: 'mixed',
};

/** How the account feels on `day`, by the tier of its latent health (even when it has no data). */
export function moodAt(ctx: AccountContext, day: number): Mood {
  return MOOD_BY_TIER[latentTier(ctx, day)];
}

/** A fresh id stamped with the moment the row came to be. */
export function idAt(ctx: AccountContext, day: number, minutes = 0): string {
  return ctx.rng.uuidV7(day * MS_PER_DAY + minutes * 60_000);
}

/** Contacts still at the account on `day`. */
export function presentContacts(ctx: AccountContext, day: number): ContactRecord[] {
  const iso = new Date(day * MS_PER_DAY).toISOString();
  return ctx.contacts.filter((c) => c.departedAt === null || c.departedAt > iso);
}
