import { ONBOARDING_CHECKLIST } from '../schedule/onboarding-checklist';
import { idAt, moodAt, type AccountContext } from './demo-context';
import { isoAt, isoDay } from './demo-days';
import type { EscalationRecord, GoalRecord } from './demo-records';
import { ESCALATION_OPENED, ESCALATION_REASONS, ESCALATION_WHY, FEEDBACK_ITEMS, GOAL_TITLES } from './demo-text';

const ESCALATION_CHANCE = { critical: 0.4, at_risk: 0.13, stable: 0.035, successful: 0.012 } as const;
const SEVERITY: Record<number, EscalationRecord['severity']> = { 1: 'low', 2: 'medium', 3: 'high', 4: 'critical', 5: 'critical' };

export function emitEscalations(ctx: AccountContext): void {
  const { rng, profile, asOfDay, team } = ctx;
  const churned = profile.cohort === 'churned';
  if (!rng.chance(churned ? 0.45 : ESCALATION_CHANCE[profile.tier])) return;
  const serial = ctx.escalationSerial.next;
  // The book's first five escalations peak at levels 1..5 so small books still show each level.
  const peak = serial < 5 ? serial + 1 : rng.weighted<number>([[1, 4], [2, 4], [3, 3], [4, 2], [5, 1]]);
  const start = peak === 1 ? 1 : rng.chance(0.7) ? 1 : 2;
  const open = !churned && (profile.tier === 'critical' || profile.tier === 'at_risk') && rng.chance(0.55);
  const steps = peak - start;
  const spanNeeded = steps * 6 + 2;
  const openedDay = open
    ? asOfDay - rng.int(spanNeeded + 1, spanNeeded + 35)
    : Math.max(profile.startDay + 20, Math.min(profile.endDay, asOfDay) - rng.int(spanNeeded + 25, 700));
  if (openedDay < profile.startDay || openedDay >= asOfDay) return;
  ctx.escalationSerial.next += 1;

  const id = idAt(ctx, openedDay, 600);
  const events: Array<{ day: number; from: number | null; to: number }> = [{ day: openedDay, from: null, to: start }];
  let day = openedDay;
  for (let level = start + 1; level <= peak; level += 1) {
    day += rng.int(1, 6);
    events.push({ day, from: level - 1, to: level });
  }
  const resolvedDay = open ? null : Math.min(asOfDay - 1, day + rng.int(3, 25));
  const owner = peak >= 3 ? team.managerOf(profile.record.ownerId) : profile.record.ownerId;
  ctx.sink.escalation({
    id,
    accountId: profile.record.id,
    level: peak,
    reason: rng.pick(ESCALATION_REASONS[profile.lang]),
    severity: SEVERITY[peak] ?? 'medium',
    status: open ? 'open' : 'resolved',
    ownerId: owner,
    openedAt: isoAt(openedDay, 600),
    resolvedAt: resolvedDay === null ? null : isoAt(resolvedDay, 900),
    createdAt: isoAt(openedDay, 600),
    updatedAt: isoAt(resolvedDay ?? day, 900),
  });
  ctx.summary.escalations += 1;
  for (const event of events) {
    ctx.sink.escalationEvent({
      id: idAt(ctx, event.day, 610),
      accountId: profile.record.id,
      escalationId: id,
      actorId: event.from === null ? profile.record.ownerId : event.to >= 3 ? team.managerOf(profile.record.ownerId) : profile.record.ownerId,
      at: isoAt(event.day, 610),
      fromLevel: event.from,
      toLevel: event.to,
      why: event.from === null ? ESCALATION_OPENED[profile.lang] : rng.pick(ESCALATION_WHY[profile.lang]),
    });
    ctx.summary.escalationEvents += 1;
  }
}

export function emitGoals(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  const count = rng.int(2, 4);
  const used = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const titles = GOAL_TITLES[profile.lang];
    let title = rng.pick(titles);
    if (used.has(title)) title = titles[(titles.indexOf(title) + 1) % titles.length] ?? title;
    used.add(title);
    // Success plans get renewed over the years: goals start anywhere in the account's life.
    const lifeDays = Math.max(0, Math.min(asOfDay, profile.endDay) - profile.startDay - 200);
    const createdDay = Math.min(asOfDay, profile.startDay + rng.int(3, 30) + Math.floor(lifeDays * rng.next()));
    const dueDay = createdDay + rng.int(45, 240);
    let status: GoalRecord['status'];
    let progress: number;
    let completedDay: number | null = null;
    if (dueDay < Math.min(asOfDay, profile.endDay)) {
      const met = rng.chance(moodAt(ctx, dueDay) === 'good' ? 0.85 : moodAt(ctx, dueDay) === 'mixed' ? 0.55 : 0.25);
      status = met ? 'done' : 'missed';
      progress = met ? 100 : rng.int(20, 90);
      completedDay = met ? dueDay - rng.int(0, 20) : null;
    } else {
      status = rng.chance(0.2) ? 'not_started' : 'in_progress';
      progress = status === 'not_started' ? 0 : rng.int(10, 90);
    }
    ctx.sink.goal({
      id: idAt(ctx, createdDay, 660 + i),
      accountId: profile.record.id,
      title,
      target: rng.pick(['80%', '50%', 'All teams', '90 days', '3 campaigns', '100% of users']),
      dueAt: isoDay(dueDay),
      status,
      progress,
      completedAt: completedDay === null ? null : isoAt(completedDay, 700),
      createdAt: isoAt(createdDay, 660 + i),
      updatedAt: isoAt(completedDay ?? Math.min(asOfDay, createdDay + rng.int(0, 30)), 700),
    });
    ctx.summary.goals += 1;
  }
}

const PHASE_DAYS = { preparation: [0, 7], go_live: [8, 25], optimization: [26, 60] } as const;

export function emitOnboardingItems(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  const struggling = profile.cohort === 'onboarding' && profile.tier === 'critical';
  for (const item of ONBOARDING_CHECKLIST) {
    const [lo, hi] = PHASE_DAYS[item.phase];
    const doneDay = profile.startDay + rng.int(lo, hi) + (struggling ? rng.int(0, 10) : 0);
    const done = doneDay <= Math.min(asOfDay, profile.endDay) && !(profile.cohort === 'onboarding' && rng.chance(0.15));
    ctx.sink.onboardingItem({
      id: idAt(ctx, profile.startDay, item.order),
      accountId: profile.record.id,
      itemKey: item.key,
      phase: item.phase,
      doneAt: done ? isoAt(doneDay, 720 + item.order) : null,
      createdAt: isoAt(profile.startDay, item.order),
      updatedAt: done ? isoAt(doneDay, 720 + item.order) : isoAt(profile.startDay, item.order),
    });
    ctx.summary.onboardingItems += 1;
  }
}

export function emitFeedback(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  const count = rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]]);
  const last = Math.min(asOfDay, profile.endDay);
  for (let i = 0; i < count; i += 1) {
    const [category, body] = rng.pick(FEEDBACK_ITEMS);
    const day = rng.int(profile.startDay, last);
    const mood = moodAt(ctx, day);
    const status = day < asOfDay - 60
      ? rng.weighted([['done', 3], ['declined', 2], ['planned', 2], ['reviewed', 1]] as const)
      : rng.weighted([['new', 3], ['reviewed', 2], ['planned', 1]] as const);
    ctx.sink.feedback({
      id: idAt(ctx, day, 800 + i),
      accountId: profile.record.id,
      category,
      sentiment: category === 'support' || mood === 'good' ? 'positive' : mood === 'bad' || category === 'bug' ? 'negative' : 'neutral',
      priority: category === 'bug' ? 'high' : rng.pick(['low', 'medium', 'medium', 'high'] as const),
      status,
      body,
      createdAt: isoAt(day, 800 + i),
      updatedAt: isoAt(Math.min(asOfDay, day + rng.int(0, 30)), 800 + i),
    });
    ctx.summary.feedback += 1;
  }
}
