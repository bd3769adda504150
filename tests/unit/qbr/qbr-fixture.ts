import type { Escalation, Touchpoint } from '../../../src-shared/domain/entities';
import type { Goal } from '../../../src-shared/ipc/plan-schemas';
import type { QbrSources } from '../../../src-shared/qbr/qbr-pack';
import { computeHealth } from '../../../src-shared/scoring/health';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import type { RiskResult } from '../../../src-shared/scoring/types';

/** A quarter of one account (2026-Q3) worked by hand: what the QBR pack and document tests read. */
const touchpoint = (id: string, kind: Touchpoint['kind'], status: Touchpoint['status'], completedAt: string | null): Touchpoint => ({
  id, accountId: 'a1', kind, origin: 'manual', title: id, dueAt: completedAt ?? '2026-10-01T00:00:00.000Z', completedAt, status, outcome: null, sentiment: null, contactId: null,
});
const goal = (id: string, status: Goal['status'], progress: number, completedAt: string | null = null): Goal => ({
  id, accountId: 'a1', title: `Goal ${id}`, target: null, dueAt: null, status, progress, completedAt,
});
const escalation = (id: string, openedAt: string, resolvedAt: string | null): Escalation => ({
  id, accountId: 'a1', level: 2, reason: id, severity: 'medium', status: resolvedAt ? 'resolved' : 'open', ownerId: null, openedAt, resolvedAt,
});
export const risk = (keys: RiskResult['signals'][number]['key'][]): RiskResult => ({
  points: 20 * keys.length, band: keys.length ? 'medium' : 'none',
  signals: keys.map((key) => ({ key, severity: 'medium', points: 20, evidence: { value: 1, threshold: 2 } })),
  response: { withinHours: null, channels: [], message: null, goal: null },
});

// A weak start and a better end; their health scores come from the engine.
const startInputs = { login_frequency: 1, feature_adoption: 30, data_volume: 40, roi_achievement: 50 };
const endInputs = { login_frequency: 4, feature_adoption: 70, data_volume: 65, roi_achievement: 90 };

export function sources(overrides: Partial<QbrSources> = {}): QbrSources {
  return {
    account: { id: 'a1', name: 'Acme', plan: 'professional', arr: 120_000, seats: 50, seatsUsed: 40, planFeatureCount: 20, contractStart: '2023-05-01', renewalDate: '2027-03-01' },
    quarter: '2026-Q3',
    asOf: '2026-11-24T09:00:00.000Z',
    start: { health: computeHealth(startInputs, DEFAULT_SCORING_CONFIG), inputs: startInputs },
    end: { health: computeHealth(endInputs, DEFAULT_SCORING_CONFIG), inputs: endInputs, risk: risk(['low_nps', 'no_webinars']), expansion: [] },
    trend: [
      { date: '2026-07-05', score: 38, tier: 'critical' },
      { date: '2026-08-02', score: 55, tier: 'at_risk' },
      { date: '2026-08-30', score: 72, tier: 'stable' },
      { date: '2026-09-30', score: 74, tier: 'stable' },
    ],
    goals: [goal('g1', 'done', 100, '2026-08-15T10:00:00.000Z'), goal('g2', 'in_progress', 40), goal('g3', 'not_started', 0), goal('g4', 'done', 100, '2026-05-01T00:00:00.000Z')],
    touchpoints: [
      touchpoint('call-jul', 'call', 'done', '2026-07-10T15:00:00.000Z'),
      touchpoint('qbr-q3', 'qbr', 'done', '2026-09-30T23:30:00.000Z'),
      touchpoint('call-sep', 'call', 'done', '2026-09-01T09:00:00.000Z'),
      touchpoint('call-jun', 'call', 'done', '2026-06-30T23:59:00.000Z'), // the quarter before
      touchpoint('skipped', 'call', 'skipped', null),
      touchpoint('call-oct', 'call', 'done', '2026-10-01T00:00:00.000Z'), // the quarter after
    ],
    escalations: [
      escalation('before-and-open', '2026-06-10T00:00:00.000Z', null),
      escalation('in-and-resolved', '2026-07-20T00:00:00.000Z', '2026-08-01T00:00:00.000Z'),
      escalation('resolved-after', '2026-09-20T00:00:00.000Z', '2026-10-05T00:00:00.000Z'),
      escalation('old', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
    ],
    surveys: [
      { kind: 'nps', score: 10, answeredAt: '2026-07-02T00:00:00.000Z', comment: null },
      { kind: 'nps', score: 9, answeredAt: '2026-08-02T00:00:00.000Z', comment: 'Great' },
      { kind: 'nps', score: 7, answeredAt: '2026-09-02T00:00:00.000Z', comment: null },
      { kind: 'nps', score: 3, answeredAt: '2026-09-29T00:00:00.000Z', comment: 'Slow' },
      { kind: 'nps', score: 0, answeredAt: '2026-06-29T00:00:00.000Z', comment: 'outside' },
      { kind: 'csat', score: 4, answeredAt: '2026-07-15T00:00:00.000Z', comment: null },
      { kind: 'csat', score: 5, answeredAt: '2026-08-15T00:00:00.000Z', comment: null },
      { kind: 'ces', score: 2, answeredAt: '2026-08-16T00:00:00.000Z', comment: null },
    ],
    previous: null,
    ...overrides,
  };
}

