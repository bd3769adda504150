import type { Account, Escalation, Touchpoint } from '../domain/entities';
import type { Goal } from '../ipc/plan-schemas';
import { ces, csat, nps, type NpsResult } from '../metrics/satisfaction';
import type { ExpansionSignal } from '../scoring/expansion';
import type { HealthInputs, HealthResult, RiskResult, RiskSignalKey, Tier } from '../scoring/types';
import { quarterOfKey } from '../schedule/utc-date';

/** One point of the quarter's health trend: a week's end (or the quarter's last day). */
export interface QbrHealthPoint {
  date: string;
  score: number | null;
  tier: Tier;
}

/** What a QBR pack is built from: the account's local data as it stood over the quarter. */
export interface QbrSources {
  account: Pick<Account, 'id' | 'name' | 'plan' | 'arr' | 'seats' | 'seatsUsed' | 'planFeatureCount' | 'contractStart' | 'renewalDate'>;
  quarter: string;
  /** When the data was read: the pack's data timestamp. */
  asOf: string;
  /** Health at the quarter's first day and at its end (its last day, or asOf in a quarter still running). */
  start: { health: HealthResult; inputs: HealthInputs };
  end: { health: HealthResult; inputs: HealthInputs; risk: RiskResult; expansion: readonly ExpansionSignal[] };
  /** Health at each week's end across the quarter, oldest first. */
  trend: readonly QbrHealthPoint[];
  goals: readonly Goal[];
  /** Touchpoints of the account (any period): the pack keeps those held in the quarter. */
  touchpoints: readonly Touchpoint[];
  escalations: readonly Escalation[];
  surveys: ReadonlyArray<{ kind: 'nps' | 'csat' | 'ces'; score: number; answeredAt: string; comment: string | null }>;
  /** The previous quarter's QBR as it was exported, when there is one. */
  previous: QbrSnapshot | null;
}

/** The figures of an exported pack the next quarter compares against (kept as JSON with the QBR). */
export interface QbrSnapshot {
  quarter: string;
  health: number | null;
  tier: Tier;
  goals: Array<{ id: string; title: string; status: Goal['status']; progress: number }>;
  risks: RiskSignalKey[];
  commitments: string[];
}

export interface QbrPack {
  quarter: string;
  period: { start: string; end: string };
  asOf: string;
  account: QbrSources['account'];
  health: { start: number | null; end: number | null; change: number | null; startTier: Tier; endTier: Tier; trend: QbrHealthPoint[] };
  /** Each move from one tier to another over the quarter, in order. */
  tierChanges: Array<{ date: string; from: Tier; to: Tier }>;
  /** Usage and adoption against what the plan allows (ratios 0..1+, null when unknown). */
  usage: {
    seats: { used: number; of: number; ratio: number | null };
    featureAdoption: { start: number | null; end: number | null };
    dataVolume: { start: number | null; end: number | null };
    loginFrequency: { start: number | null; end: number | null };
  };
  /** Percent of the ROI target reached, at the quarter's start and end. */
  roi: { start: number | null; end: number | null };
  goals: { list: Goal[]; completedInQuarter: number; open: number; averageProgress: number | null };
  touchpoints: { held: Touchpoint[]; byKind: Partial<Record<Touchpoint['kind'], number>> };
  escalations: { openedInQuarter: Escalation[]; resolvedInQuarter: Escalation[]; openAtEnd: Escalation[] };
  surveys: { answers: QbrSources['surveys'][number][]; nps: NpsResult; csat: number | null; ces: number | null };
  risks: RiskResult['signals'];
  expansion: ExpansionSignal[];
  comparison: QbrComparison | null;
}

/** This quarter against the previous QBR: its goals and commitments then, and what became of its risks. */
export interface QbrComparison {
  previousQuarter: string;
  health: { then: number | null; now: number | null; change: number | null };
  tier: { then: Tier; now: Tier };
  goals: Array<{ title: string; then: { status: Goal['status']; progress: number }; now: { status: Goal['status']; progress: number } | null }>;
  commitments: string[];
  risks: Array<{ key: RiskSignalKey; stillFiring: boolean }>;
}

const day = (iso: string) => iso.slice(0, 10);
const within = (iso: string | null, from: string, to: string) => iso !== null && day(iso) >= from && day(iso) <= to;

/** The commitments of a next-quarter plan: one per non-empty line, list markers and task boxes dropped. */
export function planCommitments(plan: string): string[] {
  return plan
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '').trim())
    .filter((line) => line !== '');
}

/**
 * The QBR pack of DESIGN §4.8 for one account and quarter, from its local data alone: every figure
 * is computed here from `sources`, so the preview, the PDF and the HTML export show the same numbers.
 */
export function buildQbrPack(sources: QbrSources): QbrPack {
  const quarter = quarterOfKey(sources.quarter);
  const from = day(quarter.start.toISOString());
  const lastDay = day(quarter.lastDay.toISOString());
  const to = day(sources.asOf) < lastDay ? day(sources.asOf) : lastDay;
  const { start, end } = sources;

  const tierChanges: QbrPack['tierChanges'] = [];
  let tier = start.health.tier;
  for (const point of sources.trend) {
    if (point.tier !== tier) tierChanges.push({ date: point.date, from: tier, to: point.tier });
    tier = point.tier;
  }

  const goals = [...sources.goals];
  const open = goals.filter((g) => g.status === 'not_started' || g.status === 'in_progress');
  const held = sources.touchpoints
    .filter((t) => t.status === 'done' && within(t.completedAt, from, to))
    .sort((a, b) => (a.completedAt! < b.completedAt! ? -1 : 1));
  const byKind: QbrPack['touchpoints']['byKind'] = {};
  for (const t of held) byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
  const answers = sources.surveys.filter((s) => within(s.answeredAt, from, to)).sort((a, b) => (a.answeredAt < b.answeredAt ? -1 : 1));
  const scoresOf = (kind: 'nps' | 'csat' | 'ces') => answers.filter((a) => a.kind === kind).map((a) => a.score);
  const { seats, seatsUsed } = sources.account;

  return {
    quarter: quarter.key,
    period: { start: from, end: to },
    asOf: sources.asOf,
    // Only the facts a pack shows: the caller may hand over the whole account row.
    account: (({ id, name, plan, arr, seats, seatsUsed, planFeatureCount, contractStart, renewalDate }) => ({ id, name, plan, arr, seats, seatsUsed, planFeatureCount, contractStart, renewalDate }))(sources.account),
    health: {
      start: start.health.score,
      end: end.health.score,
      change: start.health.score === null || end.health.score === null ? null : end.health.score - start.health.score,
      startTier: start.health.tier,
      endTier: end.health.tier,
      trend: [...sources.trend],
    },
    tierChanges,
    usage: {
      seats: { used: seatsUsed, of: seats, ratio: seats > 0 ? seatsUsed / seats : null },
      featureAdoption: { start: start.inputs.feature_adoption ?? null, end: end.inputs.feature_adoption ?? null },
      dataVolume: { start: start.inputs.data_volume ?? null, end: end.inputs.data_volume ?? null },
      loginFrequency: { start: start.inputs.login_frequency ?? null, end: end.inputs.login_frequency ?? null },
    },
    roi: { start: start.inputs.roi_achievement ?? null, end: end.inputs.roi_achievement ?? null },
    goals: {
      list: goals,
      completedInQuarter: goals.filter((g) => g.status === 'done' && within(g.completedAt, from, to)).length,
      open: open.length,
      averageProgress: open.length === 0 ? null : Math.round(open.reduce((sum, g) => sum + g.progress, 0) / open.length),
    },
    touchpoints: { held, byKind },
    escalations: {
      openedInQuarter: sources.escalations.filter((e) => within(e.openedAt, from, to)),
      resolvedInQuarter: sources.escalations.filter((e) => e.status === 'resolved' && within(e.resolvedAt, from, to)),
      openAtEnd: sources.escalations.filter((e) => day(e.openedAt) <= to && (e.resolvedAt === null || day(e.resolvedAt) > to)),
    },
    surveys: { answers, nps: nps(scoresOf('nps')), csat: csat(scoresOf('csat')), ces: ces(scoresOf('ces')) },
    risks: end.risk.signals,
    expansion: [...end.expansion],
    comparison: sources.previous ? compare(sources.previous, goals, end) : null,
  };
}

function compare(previous: QbrSnapshot, goals: readonly Goal[], end: QbrSources['end']): QbrComparison {
  const firing = new Set(end.risk.signals.map((s) => s.key));
  return {
    previousQuarter: previous.quarter,
    health: { then: previous.health, now: end.health.score, change: previous.health === null || end.health.score === null ? null : end.health.score - previous.health },
    tier: { then: previous.tier, now: end.health.tier },
    goals: previous.goals.map((g) => {
      const now = goals.find((current) => current.id === g.id);
      return { title: g.title, then: { status: g.status, progress: g.progress }, now: now ? { status: now.status, progress: now.progress } : null };
    }),
    commitments: previous.commitments,
    risks: previous.risks.map((key) => ({ key, stillFiring: firing.has(key) })),
  };
}

/** What the next quarter's QBR will compare against: this pack's figures and its plan's commitments. */
export function qbrSnapshot(pack: QbrPack, nextPlan: string): QbrSnapshot {
  return {
    quarter: pack.quarter,
    health: pack.health.end,
    tier: pack.health.endTier,
    goals: pack.goals.list.map((g) => ({ id: g.id, title: g.title, status: g.status, progress: g.progress })),
    risks: pack.risks.map((s) => s.key),
    commitments: planCommitments(nextPlan),
  };
}
