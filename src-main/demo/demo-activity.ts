import type { ContactRecord, Sentiment, TouchpointRecord } from '../db/repositories/book-writer-repository';
import { addUtcMonths } from '../../src-shared/schedule/utc-date';
import { DAY_MS, isoAt } from './demo-accounts';
import { idAt, moodAt, presentContacts, type AccountContext } from './demo-context';
import { HISTORY_WEEKS } from './demo-metrics';
import { CONTACT_ROLES, OUTCOMES, SURVEY_COMMENTS, noteBody, personEmail, personName, type Mood, type NoteLanguage } from './demo-text';

/** Standalone notes (not tied to a touchpoint): about one per this many days of history. */
const NOTE_EVERY_DAYS = 45;
/** Manual calls, emails and meetings: about one per this many days of history. */
const MANUAL_EVERY_DAYS = 90;

export function writeContacts(ctx: AccountContext): void {
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
    ctx.writer.insertContact(contact);
    ctx.contacts.push(contact);
    ctx.summary.contacts += 1;
  }
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(x)));
}

export function writeSurveys(ctx: AccountContext): void {
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
      const mood: Mood = level >= 80 ? 'good' : level >= 60 ? 'mixed' : 'bad';
      ctx.writer.insertSurvey({
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
}

const CHECK_IN_TITLES: Record<number, string> = {
  7: 'Weekly check-in',
  14: 'Biweekly check-in',
  30: 'Monthly check-in',
  91: 'Quarterly check-in',
};

function cadenceDays(level: number): number {
  return level < 60 ? 7 : level < 80 ? 14 : level <= 90 ? 30 : 91;
}

function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Every touchpoint the account's life calls for, past and future, before statuses are decided. */
function scheduleItems(ctx: AccountContext): PlannedItem[] {
  const { rng, profile, asOfDay } = ctx;
  const items: PlannedItem[] = [];
  const horizon = profile.cohort === 'churned' ? profile.endDay : asOfDay + 120;
  const historyStart = asOfDay - HISTORY_WEEKS * 7;
  const s = profile.startDay;
  const add = (day: number, kind: Kind, origin: Origin, title: string): void => {
    if (day >= historyStart && day <= horizon) items.push({ day, kind, origin, title });
  };

  // Onboarding plan of DESIGN 4.4, from the purchase day.
  add(s, 'email', 'onboarding', 'Welcome email');
  add(s + rng.int(1, 3), 'onboarding', 'onboarding', 'Setup session (60 min)');
  add(s + 4, 'email', 'onboarding', 'How is your first experience going?');
  add(s + 5, 'email', 'onboarding', 'Tips to maximize your ROI');
  add(s + 6, 'email', 'onboarding', 'Need help with anything specific?');
  add(s + 7, 'email', 'onboarding', 'Your first week in review');
  const firstMonday = s + 7 + ((8 - new Date((s + 7) * DAY_MS).getUTCDay()) % 7);
  ['automations', 'campaign optimization', 'scaling'].forEach((focus, i) =>
    add(firstMonday + 7 * i, 'check_in', 'onboarding', `Onboarding check-in: ${focus}`),
  );

  // Recurring check-ins follow the tier cadence the account had at the time; the loop stops at
  // the first one past as-of, which becomes the planned next check-in.
  if (profile.cohort !== 'onboarding') {
    let day = Math.max(s + 30, historyStart + rng.int(0, 14));
    while (day <= profile.endDay) {
      const every = cadenceDays(ctx.level(Math.min(day, asOfDay)));
      add(day, 'check_in', 'cadence', CHECK_IN_TITLES[every] ?? 'Check-in');
      if (day > asOfDay) break;
      day += every + rng.int(-1, 2);
    }
  }

  // One QBR per calendar quarter once the account is past onboarding.
  const startQ = new Date(Math.max(s + 60, historyStart) * DAY_MS);
  for (let q = new Date(Date.UTC(startQ.getUTCFullYear(), Math.floor(startQ.getUTCMonth() / 3) * 3, 1)); ; ) {
    const qDay = dayOf(q);
    if (qDay > horizon) break;
    const qn = Math.floor(q.getUTCMonth() / 3) + 1;
    const day = qDay + rng.int(20, 70);
    if (day >= s + 60) add(day, 'qbr', 'cadence', `Q${qn} ${q.getUTCFullYear()} business review`);
    q = addUtcMonths(q, 3);
  }

  // Renewal prep 90 days and call 30 days before each renewal date, upsell reviews in year one.
  const start = new Date(s * DAY_MS);
  for (let k = 1; k <= 5; k += 1) {
    const renewal = dayOf(addUtcMonths(start, 12 * k));
    if (renewal - 90 > horizon) break;
    add(renewal - 90, 'renewal', 'renewal', 'Renewal prep');
    add(renewal - 30, 'renewal', 'renewal', 'Renewal call');
  }
  const offers = ['advanced features', 'higher plan', 'additional services', 'enterprise plan'];
  [3, 6, 9, 12].forEach((months, i) => {
    const day = dayOf(addUtcMonths(start, months));
    if (ctx.level(Math.min(day, asOfDay)) >= 80) add(day, 'upsell', 'upsell', `Upsell review: ${offers[i]}`);
  });

  const span = Math.max(0, Math.min(profile.endDay, asOfDay) - Math.max(s, historyStart));
  const manualCount = Math.round(span / MANUAL_EVERY_DAYS);
  for (let i = 0; i < manualCount; i += 1) {
    const kind = rng.weighted<Kind>([['email', 4], ['call', 3], ['meeting', 2]]);
    const title = kind === 'email' ? 'Follow-up email' : kind === 'call' ? 'Call with champion' : 'Working session';
    add(Math.max(s, historyStart) + rng.int(0, span), kind, 'manual', title);
  }
  if (profile.cohort !== 'churned' && rng.chance(0.3)) add(asOfDay + rng.int(1, 30), 'call', 'manual', 'Call with champion');
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

function writeNote(ctx: AccountContext, day: number, minutes: number, heading: string, touchpointId: string | null): void {
  const { rng, profile } = ctx;
  const contacts = presentContacts(ctx, day);
  const contact = contacts.length ? rng.pick(contacts).name : profile.record.name;
  const authorId = rng.chance(0.9) ? profile.record.ownerId : ctx.team.managerId;
  const createdAt = isoAt(day, minutes);
  ctx.writer.insertNote({
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

export function writeTouchpointsAndNotes(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  const accountId = profile.record.id;
  for (const item of scheduleItems(ctx)) {
    const minutes = rng.int(9 * 60, 17 * 60);
    const dueAt = isoAt(item.day, minutes);
    const past = item.day < asOfDay;
    // Recent past items left undone are the overdue work the queue surfaces.
    const overdue = past && profile.cohort !== 'churned' && item.day >= asOfDay - 21 && rng.chance(0.25);
    let status: TouchpointRecord['status'] = 'planned';
    if (past && !overdue) status = rng.weighted([['done', 88], ['skipped', 8], ['cancelled', 4]]);
    const done = status === 'done';
    const doneMinutes = minutes + rng.int(0, 90);
    const mood = moodAt(ctx, item.day);
    const createdDay = Math.max(profile.startDay - 3, item.day - rng.int(1, 30));
    const id = idAt(ctx, createdDay, minutes);
    const completedAt = done ? isoAt(item.day, doneMinutes) : null;
    ctx.writer.insertTouchpoint({
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
      createdAt: isoAt(createdDay, minutes),
      updatedAt: completedAt ?? (past && !overdue ? isoAt(item.day, minutes + 5) : isoAt(createdDay, minutes)),
    });
    ctx.summary.touchpoints += 1;
    if (done && item.kind !== 'email' && rng.chance(0.55)) writeNote(ctx, item.day, doneMinutes + 15, item.title, id);
  }

  const historyStart = Math.max(profile.startDay, asOfDay - HISTORY_WEEKS * 7);
  const span = Math.max(0, profile.endDay - historyStart);
  const standalone = Math.round(span / NOTE_EVERY_DAYS) + (profile.cohort === 'onboarding' ? 1 : 0);
  for (let i = 0; i < standalone; i += 1) {
    const day = historyStart + rng.int(0, span);
    writeNote(ctx, day, rng.int(8 * 60, 19 * 60), rng.pick(['Notes', 'Notas', 'Account update', 'Seguimiento']), null);
  }
}
