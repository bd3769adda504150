import { loyaltyFor } from '../scoring/loyalty';
import { DEFAULT_SCORING_CONFIG } from '../scoring/scoring-config';
import type { LoyaltyLevel, Tier } from '../scoring/types';
import { checkInIntervalDays, checkInTitle, firstCheckInDue, nextCheckIn } from '../schedule/cadence';
import { displayTitle, storedTitle } from '../schedule/touchpoint-titles';
import { onboardingPlan, type OnboardingStep } from '../schedule/onboarding';
import { qbrDue, renewalTouchpoints, upsellMoments, type RenewalTouchpoint } from '../schedule/renewals';
import { addUtcMonths, utcDay, utcQuarter } from '../schedule/utc-date';
import { idAt, moodAt, presentContacts, tierAt, type AccountContext } from './demo-context';
import { dateOf, dayOf, isoAt } from './demo-days';
import { HISTORY_WEEKS } from './demo-metrics';
import type { ContactRecord, Sentiment, TouchpointRecord } from './demo-records';
import { CONTACT_ROLES, OUTCOMES, SURVEY_COMMENTS, noteBody, personEmail, personName, type Mood, type NoteLanguage } from './demo-text';

/** Standalone notes (not tied to a touchpoint): about one per this many days of history. */
const NOTE_EVERY_DAYS = 45;
/** Manual calls, emails and meetings: about one per this many days of history. */
const MANUAL_EVERY_DAYS = 90;

export function emitContacts(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  const count = rng.int(2, 6);
  const champions = rng.chance(0.3) ? 2 : 1;
  const domain = profile.record.domain ?? 'example.com';
  for (let i = 0; i < count; i += 1) {
    const name = personName(rng);
    const createdDay = Math.min(asOfDay, profile.startDay + rng.int(0, 20));
    const isChampion = i < champions;
    let departedDay: number | null = null;
    if (isChampion && i === 0 && profile.championLeftRecently) departedDay = asOfDay - rng.int(3, 85);
    // Other departures are older than 90 days, so only flagged accounts raise champion_left.
    else if (rng.chance(0.1) && profile.endDay - 91 > createdDay + 30) departedDay = rng.int(createdDay + 30, profile.endDay - 91);
    const contact: ContactRecord = {
      id: idAt(ctx, createdDay, 600 + i),
      accountId: profile.record.id,
      name,
      email: personEmail(name, domain),
      role: i === 0 ? rng.pick(['CEO', 'COO', 'Head of Operations', 'Jefe de Operaciones']) : rng.pick(CONTACT_ROLES),
      isChampion,
      departedAt: departedDay === null ? null : isoAt(departedDay, 12 * 60),
      certificationLevel: rng.weighted([[0, 3], [1, 3], [2, 2], [3, isChampion ? 3 : 1]]),
      createdAt: isoAt(createdDay, 600 + i),
      updatedAt: isoAt(departedDay ?? createdDay, 600 + i),
    };
    ctx.sink.contact(contact);
    ctx.contacts.push(contact);
    ctx.summary.contacts += 1;
  }
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(x)));
}

export function emitSurveys(ctx: AccountContext): void {
  const { rng, profile } = ctx;
  if (profile.missing === 'surveys_engagement' || profile.missing === 'all') return;
  const first = Math.max(profile.startDay + 14, ctx.asOfDay - HISTORY_WEEKS * 7);
  const kinds = [
    ['nps', 90],
    ['csat', 60],
    ['ces', 120],
  ] as const;
  for (const [kind, every] of kinds) {
    for (let day = first + rng.int(0, every / 2); day <= profile.endDay; day += every + rng.int(-10, 10)) {
      const level = ctx.level(day);
      const score =
        kind === 'nps' ? clampInt(level / 10 + rng.normal(0, 1), 0, 10)
          : kind === 'csat' ? clampInt(1 + (4 * level) / 100 + rng.normal(0, 0.5), 1, 5)
            : clampInt(5.2 - (4 * level) / 100 + rng.normal(0, 0.5), 1, 5);
      const contacts = presentContacts(ctx, day);
      const mood = moodAt(ctx, day);
      ctx.sink.survey({
        id: idAt(ctx, day, 540),
        accountId: profile.record.id,
        contactId: contacts.length ? rng.pick(contacts).id : null,
        kind,
        score,
        answeredAt: isoAt(day, rng.int(8 * 60, 20 * 60)),
        comment: rng.chance(0.3) ? rng.pick(SURVEY_COMMENTS[mood]) : null,
      });
      ctx.summary.surveys += 1;
    }
  }
}

type Kind = TouchpointRecord['kind'];
type Origin = TouchpointRecord['origin'];
interface PlannedItem {
  day: number;
  kind: Kind;
  origin: Origin;
  title: string;
  /** Minute of the day when the engine fixes the time (the welcome email); otherwise office hours. */
  minute?: number;
  /**
   * Recurring check-ins settle their own state, since each one is planned from the last one held:
   * the day it was held (done), or null while it is still open (planned, overdue when past).
   * Undefined: the status is drawn when the touchpoint is written.
   */
  heldDay?: number | null;
  /** Day the touchpoint was put on the plan, when the schedule knows it. */
  plannedDay?: number;
}

const SCHEDULE = DEFAULT_SCORING_CONFIG.schedule;
/** Past touchpoints this recent may still be open on a lagging account: the overdue work the queue surfaces. */
const OVERDUE_WINDOW_DAYS = 14;
const OVERDUE_CHANCE = 0.5;

const RENEWAL_TITLES: Readonly<Record<RenewalTouchpoint['key'], string>> = {
  renewal_prep: storedTitle({ key: 'renewalPrep' }),
  renewal_call: storedTitle({ key: 'renewalCall' }),
};

/** Titles a CSM types, in the language they write their notes in. */
const MANUAL_TITLES: Readonly<Record<NoteLanguage, Readonly<Record<'email' | 'call' | 'meeting', string>>>> = {
  en: { email: 'Follow-up email', call: 'Call with champion', meeting: 'Working session' },
  es: { email: 'Correo de seguimiento', call: 'Llamada con el champion', meeting: 'Sesión de trabajo' },
};

/** True when a touchpoint due on past `day` is left undone (only on lagging accounts, never churned ones). */
function leftOpen(ctx: AccountContext, day: number): boolean {
  return (
    ctx.profile.lagging &&
    day < ctx.asOfDay &&
    ctx.profile.cohort !== 'churned' &&
    day >= ctx.asOfDay - OVERDUE_WINDOW_DAYS &&
    ctx.rng.chance(OVERDUE_CHANCE)
  );
}

function onboardingTitle(step: OnboardingStep): string {
  if (step.subjectKey) return storedTitle({ key: 'onboardingEmail', subject: step.subjectKey });
  if (step.focusKey) return storedTitle({ key: 'onboardingCheckIn', focus: step.focusKey });
  return storedTitle({ key: 'setupSession', minutes: step.durationMinutes ?? null });
}

/** Every touchpoint the account's life calls for, past and future, dated by the schedule engine (DESIGN §4.4). */
function scheduleItems(ctx: AccountContext): PlannedItem[] {
  const { rng, profile, asOfDay } = ctx;
  const items: PlannedItem[] = [];
  const horizon = profile.cohort === 'churned' ? profile.endDay : asOfDay + 120;
  const historyStart = asOfDay - HISTORY_WEEKS * 7;
  const s = profile.startDay;
  const contractStart = dateOf(s);
  const asOf = dateOf(asOfDay);
  const add = (item: PlannedItem): void => {
    if (item.day >= historyStart && item.day <= horizon) items.push(item);
  };
  /** Tier and loyalty level on `day` (at most as-of: the future is planned with today's). */
  const standing = (day: number): { tier: Tier; loyalty: LoyaltyLevel } => {
    const at = Math.min(day, asOfDay);
    return { tier: tierAt(ctx, at), loyalty: loyaltyFor(contractStart, dateOf(at)).level };
  };

  // Onboarding plan from the purchase, in office hours on the contract's first day.
  const purchase = new Date(contractStart.getTime() + rng.int(9 * 60, 17 * 60) * 60_000);
  for (const step of onboardingPlan(purchase)) {
    const day = dayOf(step.dueAt);
    const timed = step.dueAt.getTime() !== utcDay(step.dueAt).getTime();
    add({
      day,
      kind: step.kind,
      origin: 'onboarding',
      title: onboardingTitle(step),
      ...(timed ? { minute: Math.round((step.dueAt.getTime() - dateOf(day).getTime()) / 60_000) } : {}),
    });
  }

  // Recurring check-ins once onboarding is over. None is held yet, so the first is due then; each
  // later one is planned when the previous one is held, at the interval of that day's tier and
  // loyalty. The chain ends at the open one: the planned next check-in (overdue when past).
  let due = dayOf(firstCheckInDue(dateOf(s)));
  let plannedDay: number | undefined;
  let { tier, loyalty } = standing(due);
  let title = checkInTitle(checkInIntervalDays(tier, loyalty));
  // A churned account's chain stops at churn; an active one always ends open (held ≥ as-of).
  while (profile.cohort !== 'churned' || due <= profile.endDay) {
    const held = Math.min(due + rng.int(-1, 2), profile.endDay);
    // Due today or later: still planned. A past one was held (today at the latest) unless its CSM is behind.
    const open = due >= asOfDay || leftOpen(ctx, due);
    add({ day: due, kind: 'check_in', origin: 'cadence', title, heldDay: open ? null : held, plannedDay });
    if (open) break;
    ({ tier, loyalty } = standing(held));
    const next = nextCheckIn({ lastCompletedCheckIn: dateOf(held), tier, loyalty, asOf });
    due = dayOf(next.dueAt);
    plannedDay = held;
    title = checkInTitle(next.intervalDays);
  }

  // One QBR per calendar quarter once the account is past onboarding.
  const firstQbrDay = s + SCHEDULE.onboardingDays;
  let lastQbrAt: Date | null = null;
  for (let q = utcQuarter(dateOf(Math.max(firstQbrDay, historyStart))).start; dayOf(q) <= horizon; q = addUtcMonths(q, 3)) {
    const { due: qbrIsDue, quarter, dueBy } = qbrDue({ lastQbrAt, asOf: q });
    const day = Math.min(dayOf(q) + rng.int(20, 70), dayOf(dueBy));
    if (!qbrIsDue || day < firstQbrDay) continue;
    add({ day, kind: 'qbr', origin: 'cadence', title: storedTitle({ key: 'qbr', quarter }) });
    lastQbrAt = dateOf(day);
  }

  // Renewal prep and call before each yearly renewal date.
  for (let k = 1; k <= 5; k += 1) {
    const touchpoints = renewalTouchpoints(addUtcMonths(contractStart, 12 * k), DEFAULT_SCORING_CONFIG, contractStart);
    if (Math.min(...touchpoints.map((t) => dayOf(t.dueAt))) > horizon) break;
    for (const t of touchpoints) add({ day: dayOf(t.dueAt), kind: t.kind, origin: 'renewal', title: RENEWAL_TITLES[t.key] });
  }

  // Upsell reviews: the engine dates them, then says per review whether the tier the account has
  // on that date holds it (held reviews are shown by the app, not put on the plan).
  upsellMoments({ contractStart, tier: 'unscored' }).forEach(({ dueAt }, i) => {
    const day = dayOf(dueAt);
    const moment = upsellMoments({ contractStart, tier: standing(day).tier })[i];
    if (moment && !moment.held) {
      add({ day, kind: 'upsell', origin: 'upsell', title: storedTitle({ key: 'upsell', offer: moment.offer }) });
    }
  });

  const span = Math.max(0, Math.min(profile.endDay, asOfDay) - Math.max(s, historyStart));
  const manualCount = Math.round(span / MANUAL_EVERY_DAYS);
  for (let i = 0; i < manualCount; i += 1) {
    const kind = rng.weighted<'email' | 'call' | 'meeting'>([['email', 4], ['call', 3], ['meeting', 2]]);
    add({ day: Math.max(s, historyStart) + rng.int(0, span), kind, origin: 'manual', title: MANUAL_TITLES[profile.lang][kind] });
  }
  if (profile.cohort !== 'churned' && rng.chance(0.3)) {
    add({ day: asOfDay + rng.int(1, 30), kind: 'call', origin: 'manual', title: MANUAL_TITLES[profile.lang].call });
  }
  return items.sort((a, b) => a.day - b.day);
}

function sentimentFor(mood: Mood, rng: AccountContext['rng']): Sentiment {
  const roll = rng.next();
  if (mood === 'good') return roll < 0.8 ? 'positive' : 'neutral';
  if (mood === 'mixed') return roll < 0.25 ? 'positive' : roll < 0.8 ? 'neutral' : 'negative';
  return roll < 0.6 ? 'negative' : 'neutral';
}

function noteLanguage(ctx: AccountContext): NoteLanguage {
  const home = ctx.profile.lang;
  return ctx.rng.chance(0.8) ? home : home === 'es' ? 'en' : 'es';
}

function emitNote(ctx: AccountContext, day: number, minutes: number, heading: string, touchpointId: string | null): void {
  const { rng, profile } = ctx;
  const contacts = presentContacts(ctx, day);
  const contact = contacts.length ? rng.pick(contacts).name : profile.record.name;
  const authorId = rng.chance(0.9) ? profile.record.ownerId : ctx.team.managerOf(profile.record.ownerId);
  const createdAt = isoAt(day, minutes);
  ctx.sink.note({
    id: idAt(ctx, day, minutes),
    accountId: profile.record.id,
    touchpointId,
    authorId,
    body: noteBody(rng, noteLanguage(ctx), moodAt(ctx, day), contact, heading),
    createdAt,
    updatedAt: rng.chance(0.15) ? isoAt(day, minutes + rng.int(5, 600)) : createdAt,
  });
  ctx.summary.notes += 1;
}

export function emitTouchpointsAndNotes(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  const accountId = profile.record.id;
  for (const item of scheduleItems(ctx)) {
    const minutes = item.minute ?? rng.int(9 * 60, 17 * 60);
    const dueAt = isoAt(item.day, minutes);
    let status: TouchpointRecord['status'] = 'planned';
    let doneDay = item.day;
    if (item.heldDay === undefined) {
      if (item.day < asOfDay && !leftOpen(ctx, item.day)) {
        status = rng.weighted([['done', 88], ['skipped', 8], ['cancelled', 4]]);
      }
    } else if (item.heldDay !== null) {
      status = 'done';
      doneDay = item.heldDay;
    }
    const done = status === 'done';
    // A touchpoint with an exact time (the welcome email) goes out at that time.
    const doneMinutes = item.minute === undefined ? minutes + rng.int(0, 90) : minutes;
    const mood = moodAt(ctx, doneDay);
    const createdDay = item.plannedDay ?? Math.max(profile.startDay - 3, item.day - rng.int(1, 30));
    const id = idAt(ctx, createdDay, minutes);
    const completedAt = done ? isoAt(doneDay, doneMinutes) : null;
    ctx.sink.touchpoint({
      id,
      accountId,
      kind: item.kind,
      origin: item.origin,
      title: item.title,
      dueAt,
      completedAt,
      status,
      outcome: done && item.kind !== 'email' ? rng.pick(OUTCOMES[mood]) : null,
      sentiment: done && item.kind !== 'email' ? sentimentFor(mood, rng) : null,
      contactId: null,
      createdAt: isoAt(createdDay, minutes),
      updatedAt: completedAt ?? (status === 'planned' ? isoAt(createdDay, minutes) : isoAt(item.day, minutes + 5)),
    });
    ctx.summary.touchpoints += 1;
    if (done && item.kind !== 'email' && rng.chance(0.55)) emitNote(ctx, doneDay, doneMinutes + 15, displayTitle(item.title, noteLanguage(ctx)), id);
  }

  const historyStart = Math.max(profile.startDay, asOfDay - HISTORY_WEEKS * 7);
  const span = Math.max(0, profile.endDay - historyStart);
  const standalone = Math.round(span / NOTE_EVERY_DAYS) + (profile.cohort === 'onboarding' ? 1 : 0);
  for (let i = 0; i < standalone; i += 1) {
    const day = historyStart + rng.int(0, span);
    emitNote(ctx, day, rng.int(8 * 60, 19 * 60), rng.pick(['Notes', 'Notas', 'Account update', 'Seguimiento']), null);
  }
}
