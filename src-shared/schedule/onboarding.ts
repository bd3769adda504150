import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../scoring/scoring-config';
import type { CheckInFocusKey, Day0Action, OnboardingSubjectKey, SetupAgendaKey } from './labels';
import { addUtcDays, nextUtcWeekdayOnOrAfter, utcDay, utcWeekday } from './utc-date';

export { ONBOARDING_CHECKLIST, type OnboardingChecklistItem } from './onboarding-checklist';

export type OnboardingStepKind = 'email' | 'onboarding' | 'check_in' | 'call' | 'meeting';

export type OnboardingStepKey =
  | 'welcome_email'
  | 'setup_session'
  | 'email_day_4'
  | 'email_day_5'
  | 'email_day_6'
  | 'email_day_7'
  | 'check_in_week_2'
  | 'check_in_week_3'
  | 'check_in_week_4';

export interface OnboardingStep {
  key: OnboardingStepKey;
  kind: OnboardingStepKind;
  dueAt: Date;
  /** Last UTC day on which the step is still on time (setup session only). */
  windowEnd?: Date;
  durationMinutes?: number;
  agenda?: ReadonlyArray<{ key: SetupAgendaKey; minutes: number }>;
  subjectKey?: OnboardingSubjectKey;
  focusKey?: CheckInFocusKey;
  actions?: readonly Day0Action[];
}

export const WELCOME_EMAIL_DELAY_MINUTES = 5;

export const DAY0_ACTIONS: readonly Day0Action[] = [
  'create_account',
  'send_credentials',
  'schedule_setup',
  'assign_csm',
  'open_follow_up_ticket',
];

export const SETUP_AGENDA: ReadonlyArray<{ key: SetupAgendaKey; minutes: number }> = [
  { key: 'introduction', minutes: 10 },
  { key: 'needs', minutes: 15 },
  { key: 'configuration', minutes: 20 },
  { key: 'first_demo', minutes: 10 },
  { key: 'next_steps', minutes: 5 },
];

const FIRST_WEEK_EMAILS: ReadonlyArray<{ day: number; key: OnboardingStepKey; subjectKey: OnboardingSubjectKey }> = [
  { day: 4, key: 'email_day_4', subjectKey: 'first_experience' },
  { day: 5, key: 'email_day_5', subjectKey: 'maximize_roi' },
  { day: 6, key: 'email_day_6', subjectKey: 'need_help' },
  { day: 7, key: 'email_day_7', subjectKey: 'first_week_review' },
];

const WEEKLY_CHECK_INS: ReadonlyArray<{ week: number; key: OnboardingStepKey; focusKey: CheckInFocusKey }> = [
  { week: 2, key: 'check_in_week_2', focusKey: 'automations' },
  { week: 3, key: 'check_in_week_3', focusKey: 'campaign_optimization' },
  { week: 4, key: 'check_in_week_4', focusKey: 'scaling' },
];

const MONDAY = 1;

/** The Monday of onboarding week k (k ≥ 2): the first Monday on or after D + 7·(k−1). */
export function onboardingWeekMonday(purchaseDate: Date, week: number): Date {
  // Week 1 is D..D+6, so week k starts at D+7(k−1); its check-in is that span's first Monday,
  // which is at most six days later and therefore always inside week k.
  return nextUtcWeekdayOnOrAfter(addUtcDays(purchaseDate, 7 * (week - 1)), MONDAY);
}

/** First weekday (Mon-Fri) on or after `day`. */
function firstWeekdayOnOrAfter(day: Date): Date {
  const weekday = utcWeekday(day);
  if (weekday === 6) return addUtcDays(day, 2);
  if (weekday === 0) return addUtcDays(day, 1);
  return day;
}

/**
 * The onboarding plan from purchase instant D (DESIGN §4.4), ordered by dueAt.
 *
 * Day-based steps are UTC calendar days (00:00Z): D is the UTC day of the purchase. The welcome
 * email is the one exact-time step (purchase + 5 minutes). The setup session's window stays
 * D+1..D+3, but when D+1 is a Saturday or Sunday its dueAt moves to the first weekday in that
 * window (always within it), since nobody books a setup call on a weekend.
 */
export function onboardingPlan(
  purchaseDate: Date,
  _config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): OnboardingStep[] {
  const d = utcDay(purchaseDate);
  const steps: OnboardingStep[] = [
    {
      key: 'welcome_email',
      kind: 'email',
      dueAt: new Date(purchaseDate.getTime() + WELCOME_EMAIL_DELAY_MINUTES * 60_000),
      subjectKey: 'welcome',
      actions: DAY0_ACTIONS,
    },
    {
      key: 'setup_session',
      kind: 'onboarding',
      dueAt: firstWeekdayOnOrAfter(addUtcDays(d, 1)),
      windowEnd: addUtcDays(d, 3),
      durationMinutes: SETUP_AGENDA.reduce((sum, a) => sum + a.minutes, 0),
      agenda: SETUP_AGENDA,
    },
    ...FIRST_WEEK_EMAILS.map(
      (e): OnboardingStep => ({ key: e.key, kind: 'email', dueAt: addUtcDays(d, e.day), subjectKey: e.subjectKey }),
    ),
    ...WEEKLY_CHECK_INS.map(
      (c): OnboardingStep => ({
        key: c.key,
        kind: 'check_in',
        dueAt: onboardingWeekMonday(d, c.week),
        focusKey: c.focusKey,
      }),
    ),
  ];
  // Stable sort: a same-day email (D+7 on a Monday purchase) stays ahead of the week-2 check-in.
  return steps.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
