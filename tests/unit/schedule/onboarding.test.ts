import { describe, expect, it } from 'vitest';
import {
  DAY0_ACTIONS,
  ONBOARDING_CHECKLIST,
  onboardingPlan,
  onboardingWeekMonday,
  type OnboardingStep,
} from '../../../src-shared/schedule/onboarding';
import { AGENDA_LABELS, SUBJECT_LABELS } from '../../../src-shared/schedule/labels';
import { d, ymd } from './helpers';

function byKey(steps: OnboardingStep[]): Record<string, OnboardingStep> {
  return Object.fromEntries(steps.map((s) => [s.key, s]));
}

/** UTC days of each step, in plan order. */
function days(purchase: Date): string[] {
  return onboardingPlan(purchase).map((s) => `${s.key}@${ymd(s.dueAt)}`);
}

describe('onboardingPlan', () => {
  it('builds the full plan for a Monday purchase at a year end (2025-12-29)', () => {
    const purchase = d('2025-12-29T10:00:00.000Z');
    const plan = onboardingPlan(purchase);
    expect(plan.map((s) => s.key)).toEqual([
      'welcome_email',
      'setup_session',
      'email_day_4',
      'email_day_5',
      'email_day_6',
      'email_day_7',
      'check_in_week_2',
      'check_in_week_3',
      'check_in_week_4',
    ]);
    const s = byKey(plan);
    expect(s.welcome_email).toEqual({
      key: 'welcome_email',
      kind: 'email',
      dueAt: d('2025-12-29T10:05:00.000Z'),
      subjectKey: 'welcome',
      actions: ['create_account', 'send_credentials', 'schedule_setup', 'assign_csm', 'open_follow_up_ticket'],
    });
    expect(s.setup_session).toEqual({
      key: 'setup_session',
      kind: 'onboarding',
      dueAt: d('2025-12-30'),
      windowEnd: d('2026-01-01'),
      durationMinutes: 60,
      agenda: [
        { key: 'introduction', minutes: 10 },
        { key: 'needs', minutes: 15 },
        { key: 'configuration', minutes: 20 },
        { key: 'first_demo', minutes: 10 },
        { key: 'next_steps', minutes: 5 },
      ],
    });
    expect(days(purchase).slice(2)).toEqual([
      'email_day_4@2026-01-02',
      'email_day_5@2026-01-03',
      'email_day_6@2026-01-04',
      'email_day_7@2026-01-05',
      'check_in_week_2@2026-01-05',
      'check_in_week_3@2026-01-12',
      'check_in_week_4@2026-01-19',
    ]);
    expect(plan.slice(2, 6).map((e) => [e.kind, e.subjectKey])).toEqual([
      ['email', 'first_experience'],
      ['email', 'maximize_roi'],
      ['email', 'need_help'],
      ['email', 'first_week_review'],
    ]);
    expect(plan.slice(6).map((c) => [c.kind, c.focusKey])).toEqual([
      ['check_in', 'automations'],
      ['check_in', 'campaign_optimization'],
      ['check_in', 'scaling'],
    ]);
  });

  it('moves the setup session off a weekend D+1 and crosses a month end (Fri 2026-02-27)', () => {
    const plan = byKey(onboardingPlan(d('2026-02-27T16:20:00.000Z')));
    expect(ymd(plan.setup_session!.dueAt)).toBe('2026-03-02');
    expect(ymd(plan.setup_session!.windowEnd!)).toBe('2026-03-02');
    expect(days(d('2026-02-27T16:20:00.000Z')).slice(2)).toEqual([
      'email_day_4@2026-03-03',
      'email_day_5@2026-03-04',
      'email_day_6@2026-03-05',
      'email_day_7@2026-03-06',
      'check_in_week_2@2026-03-09',
      'check_in_week_3@2026-03-16',
      'check_in_week_4@2026-03-23',
    ]);
  });

  it('counts the leap day (Wed 2024-02-28)', () => {
    expect(days(d('2024-02-28T08:00:00.000Z'))).toEqual([
      'welcome_email@2024-02-28',
      'setup_session@2024-02-29',
      'email_day_4@2024-03-03',
      'email_day_5@2024-03-04',
      'email_day_6@2024-03-05',
      'email_day_7@2024-03-06',
      'check_in_week_2@2024-03-11',
      'check_in_week_3@2024-03-18',
      'check_in_week_4@2024-03-25',
    ]);
    expect(ymd(byKey(onboardingPlan(d('2024-02-28'))).setup_session!.windowEnd!)).toBe('2024-03-02');
  });

  it('uses the UTC day of the purchase, and the welcome email crosses midnight exactly', () => {
    const plan = byKey(onboardingPlan(d('2025-12-31T23:58:00.000Z')));
    expect(plan.welcome_email!.dueAt.toISOString()).toBe('2026-01-01T00:03:00.000Z');
    expect(ymd(plan.setup_session!.dueAt)).toBe('2026-01-01');
    expect(ymd(plan.email_day_4!.dueAt)).toBe('2026-01-04');
  });

  // Purchases on every weekday of the week of Monday 2025-06-02.
  const weekdays: Array<[string, string, string, [string, string, string]]> = [
    // purchase, weekday, setup dueAt, [week 2, week 3, week 4 Mondays]
    ['2025-06-02', 'Mon', '2025-06-03', ['2025-06-09', '2025-06-16', '2025-06-23']],
    ['2025-06-03', 'Tue', '2025-06-04', ['2025-06-16', '2025-06-23', '2025-06-30']],
    ['2025-06-04', 'Wed', '2025-06-05', ['2025-06-16', '2025-06-23', '2025-06-30']],
    ['2025-06-05', 'Thu', '2025-06-06', ['2025-06-16', '2025-06-23', '2025-06-30']],
    ['2025-06-06', 'Fri', '2025-06-09', ['2025-06-16', '2025-06-23', '2025-06-30']],
    ['2025-06-07', 'Sat', '2025-06-09', ['2025-06-16', '2025-06-23', '2025-06-30']],
    ['2025-06-08', 'Sun', '2025-06-09', ['2025-06-16', '2025-06-23', '2025-06-30']],
  ];
  for (const [purchase, weekday, setup, mondays] of weekdays) {
    it(`purchase on ${weekday} ${purchase}: setup ${setup}, Mondays ${mondays.join(', ')}`, () => {
      const plan = byKey(onboardingPlan(d(`${purchase}T12:00:00.000Z`)));
      expect(ymd(plan.setup_session!.dueAt)).toBe(setup);
      expect([plan.check_in_week_2, plan.check_in_week_3, plan.check_in_week_4].map((s) => ymd(s!.dueAt))).toEqual(
        mondays,
      );
    });
  }

  it('places each week-k Monday inside D+7(k−1)..D+7(k−1)+6 for 800 consecutive purchase days', () => {
    for (let i = 0; i < 800; i++) {
      const purchase = new Date(Date.UTC(2023, 10, 1 + i, 9));
      const dayStart = Date.UTC(purchase.getUTCFullYear(), purchase.getUTCMonth(), purchase.getUTCDate());
      for (const week of [2, 3, 4]) {
        const monday = onboardingWeekMonday(purchase, week);
        const offset = (monday.getTime() - dayStart) / 86_400_000;
        expect(monday.getUTCDay()).toBe(1);
        expect(offset).toBeGreaterThanOrEqual(7 * (week - 1));
        expect(offset).toBeLessThanOrEqual(7 * (week - 1) + 6);
      }
      const setup = byKey(onboardingPlan(purchase)).setup_session!;
      expect([0, 6]).not.toContain(setup.dueAt.getUTCDay());
      expect(setup.dueAt.getTime()).toBeLessThanOrEqual(setup.windowEnd!.getTime());
    }
  });

  it('keeps plan order by dueAt', () => {
    const plan = onboardingPlan(d('2025-06-06T12:00:00.000Z'));
    const times = plan.map((s) => s.dueAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('labels and checklist', () => {
  it('has English and Spanish subjects as in the seed', () => {
    expect(SUBJECT_LABELS.first_experience).toEqual({
      en: 'How is your first experience going?',
      es: '¿Cómo va tu primera experiencia?',
    });
    expect(SUBJECT_LABELS.maximize_roi.en).toBe('Tips to maximize your ROI');
    expect(SUBJECT_LABELS.need_help.en).toBe('Need help with anything specific?');
    expect(SUBJECT_LABELS.first_week_review).toEqual({ en: 'Your first week in review', es: 'Resumen de tu primera semana' });
    expect(Object.keys(AGENDA_LABELS)).toHaveLength(5);
    expect(DAY0_ACTIONS).toHaveLength(5);
  });

  it('lists the 15 seed checklist items, five per phase, with unique keys', () => {
    expect(ONBOARDING_CHECKLIST).toHaveLength(15);
    expect(new Set(ONBOARDING_CHECKLIST.map((i) => i.key)).size).toBe(15);
    expect(ONBOARDING_CHECKLIST.map((i) => i.order)).toEqual([...Array(15).keys()].map((i) => i + 1));
    expect(ONBOARDING_CHECKLIST.map((i) => i.phase)).toEqual([
      ...Array<string>(5).fill('preparation'),
      ...Array<string>(5).fill('go_live'),
      ...Array<string>(5).fill('optimization'),
    ]);
    expect(ONBOARDING_CHECKLIST[0]!.label.es).toBe('Reunión de kickoff completada');
    expect(ONBOARDING_CHECKLIST[5]!.label.es).toBe('Configuración técnica completada');
    expect(ONBOARDING_CHECKLIST[14]!.label).toEqual({
      en: 'Success validated and documented',
      es: 'Éxito validado y documentado',
    });
  });
});
