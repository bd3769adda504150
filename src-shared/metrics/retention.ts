import { addUtcMonths, monthKeyStart, utcDay, utcMonthKey } from '../schedule/utc-date';

function assertCount(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`Invalid ${name} ${String(v)}: expected a non-negative integer`);
}

function assertAmount(name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`Invalid ${name} ${String(v)}: expected a non-negative number`);
}

/** Monthly churn rate = churned in the month ÷ active at its start, as a fraction; null when none were active. */
export function churnRate(input: { activeAtStart: number; churnedInMonth: number }): number | null {
  assertCount('activeAtStart', input.activeAtStart);
  assertCount('churnedInMonth', input.churnedInMonth);
  return input.activeAtStart === 0 ? null : input.churnedInMonth / input.activeAtStart;
}

export interface AccountLifespan {
  startedAt: Date;
  churnedAt: Date | null;
}

/**
 * Churn rate of a 'YYYY-MM' month from account records, by UTC calendar day: active at the start =
 * started on or before the 1st and not churned before it; churned in the month = churn day inside
 * the month (every such account, as DESIGN §4.7 reads, even one that also started in the month).
 */
export function monthlyChurnRate(accounts: readonly AccountLifespan[], month: string): number | null {
  const start = monthKeyStart(month).getTime();
  const end = addUtcMonths(monthKeyStart(month), 1).getTime();
  let activeAtStart = 0;
  let churnedInMonth = 0;
  for (const a of accounts) {
    const startDay = utcDay(a.startedAt).getTime();
    const churnDay = a.churnedAt === null ? null : utcDay(a.churnedAt).getTime();
    if (startDay <= start && (churnDay === null || churnDay >= start)) activeAtStart += 1;
    if (churnDay !== null && churnDay >= start && churnDay < end) churnedInMonth += 1;
  }
  return churnRate({ activeAtStart, churnedInMonth });
}

export interface RevenueRetention {
  /** (start − contraction − churn) ÷ start, at most 1; null when startArr is 0. */
  grr: number | null;
  /** (start + expansion − contraction − churn) ÷ start; null when startArr is 0. */
  nrr: number | null;
}

/** Gross and net revenue retention on ARR over a period, as fractions. */
export function revenueRetention(input: {
  startArr: number;
  expansionArr: number;
  contractionArr: number;
  churnedArr: number;
}): RevenueRetention {
  const { startArr, expansionArr, contractionArr, churnedArr } = input;
  assertAmount('startArr', startArr);
  assertAmount('expansionArr', expansionArr);
  assertAmount('contractionArr', contractionArr);
  assertAmount('churnedArr', churnedArr);
  if (contractionArr + churnedArr > startArr) {
    throw new RangeError(`contractionArr + churnedArr (${contractionArr + churnedArr}) exceeds startArr (${startArr})`);
  }
  if (startArr === 0) return { grr: null, nrr: null };
  const kept = startArr - contractionArr - churnedArr;
  return { grr: kept / startArr, nrr: (kept + expansionArr) / startArr };
}

/**
 * GRR/NRR from each account's ARR at period start and end. Only accounts with ARR at the start
 * count (new logos are growth, not retention); an end ARR of 0 is churn.
 */
export function revenueRetentionFromAccounts(
  accounts: ReadonlyArray<{ startArr: number; endArr: number }>,
): RevenueRetention {
  let startArr = 0;
  let expansionArr = 0;
  let contractionArr = 0;
  let churnedArr = 0;
  accounts.forEach((a, i) => {
    assertAmount(`startArr at index ${i}`, a.startArr);
    assertAmount(`endArr at index ${i}`, a.endArr);
    if (a.startArr === 0) return;
    startArr += a.startArr;
    if (a.endArr === 0) churnedArr += a.startArr;
    else if (a.endArr > a.startArr) expansionArr += a.endArr - a.startArr;
    else contractionArr += a.startArr - a.endArr;
  });
  return revenueRetention({ startArr, expansionArr, contractionArr, churnedArr });
}

export const COHORT_MONTHS = [1, 3, 6, 12] as const;

export interface CohortRow {
  /** 'YYYY-MM' of startedAt (UTC). */
  cohort: string;
  size: number;
  /** Share still active k months after each account's own start; null until every member reached it by asOf. */
  m1: number | null;
  m3: number | null;
  m6: number | null;
  m12: number | null;
}

/**
 * Cohort retention at months 1, 3, 6 and 12, by UTC calendar day. An account is retained at month k
 * when it has not churned on or before its k-month anniversary (start + k months, clamped to month
 * end). Accounts starting after asOf are left out. Rows are sorted by cohort.
 */
export function cohortRetention(accounts: readonly AccountLifespan[], asOf: Date): CohortRow[] {
  const today = utcDay(asOf).getTime();
  const cohorts = new Map<string, AccountLifespan[]>();
  for (const a of accounts) {
    if (utcDay(a.startedAt).getTime() > today) continue;
    const key = utcMonthKey(a.startedAt);
    const list = cohorts.get(key) ?? [];
    list.push(a);
    cohorts.set(key, list);
  }
  const share = (members: AccountLifespan[], k: number): number | null => {
    const anniversaries = members.map((a) => addUtcMonths(a.startedAt, k).getTime());
    if (anniversaries.some((t) => t > today)) return null;
    const retained = members.filter(
      (a, i) => a.churnedAt === null || utcDay(a.churnedAt).getTime() > (anniversaries[i] ?? 0),
    ).length;
    return retained / members.length;
  };
  return [...cohorts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([cohort, members]) => ({
      cohort,
      size: members.length,
      m1: share(members, 1),
      m3: share(members, 3),
      m6: share(members, 6),
      m12: share(members, 12),
    }));
}

/** Renewal rate = renewed ÷ renewals due, as a fraction; null when none were due. */
export function renewalRate(input: { renewalsDue: number; renewed: number }): number | null {
  assertCount('renewalsDue', input.renewalsDue);
  assertCount('renewed', input.renewed);
  if (input.renewed > input.renewalsDue) {
    throw new RangeError(`renewed (${input.renewed}) exceeds renewalsDue (${input.renewalsDue})`);
  }
  return input.renewalsDue === 0 ? null : input.renewed / input.renewalsDue;
}
