import { describe, expect, it } from 'vitest';
import { buildQbrPack, planCommitments, qbrSnapshot } from '../../../src-shared/qbr/qbr-pack';
import { previousQuarterKey, quarterOfKey } from '../../../src-shared/schedule/utc-date';
import { risk, sources } from './qbr-fixture';

describe('quarters', () => {
  it('names the first and last day of a quarter and the quarter before, across a year', () => {
    const q = quarterOfKey('2026-Q3');
    expect([q.start.toISOString(), q.lastDay.toISOString()]).toEqual(['2026-07-01T00:00:00.000Z', '2026-09-30T00:00:00.000Z']);
    expect(previousQuarterKey('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarterKey('2026-Q4')).toBe('2026-Q3');
    expect(() => quarterOfKey('2026-Q5')).toThrow(/Invalid quarter "2026-Q5"/);
  });
});

describe('the QBR pack of a quarter, worked by hand', () => {
  it('counts only what happened inside the quarter, and computes the survey scores of DESIGN §4.7', () => {
    const pack = buildQbrPack(sources());
    expect(pack.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    // The engine scores the start 44 (critical) and the end 86 (stable): +42 over the quarter.
    expect(pack.health).toMatchObject({ start: 44, end: 86, change: 42, startTier: 'critical', endTier: 'stable' });
    // critical → at_risk → stable, read off the weekly trend.
    expect(pack.tierChanges).toEqual([
      { date: '2026-08-02', from: 'critical', to: 'at_risk' },
      { date: '2026-08-30', from: 'at_risk', to: 'stable' },
    ]);
    expect(pack.usage.seats).toEqual({ used: 40, of: 50, ratio: 0.8 });
    expect(pack.usage.featureAdoption).toEqual({ start: 30, end: 70 });
    expect(pack.roi).toEqual({ start: 50, end: 90 });
    // Goals: g1 done in the quarter, g4 done before it; g2 and g3 open at (40 + 0) / 2 = 20 %.
    expect(pack.goals).toMatchObject({ completedInQuarter: 1, open: 2, averageProgress: 20 });
    // Touchpoints held from Jul 1 to Sep 30 inclusive, in order; June's and October's are out.
    expect(pack.touchpoints.held.map((t) => t.id)).toEqual(['call-jul', 'call-sep', 'qbr-q3']);
    expect(pack.touchpoints.byKind).toEqual({ call: 2, qbr: 1 });
    expect(pack.escalations.openedInQuarter.map((e) => e.id)).toEqual(['in-and-resolved', 'resolved-after']);
    expect(pack.escalations.resolvedInQuarter.map((e) => e.id)).toEqual(['in-and-resolved']);
    expect(pack.escalations.openAtEnd.map((e) => e.id)).toEqual(['before-and-open', 'resolved-after']);
    // NPS of 10, 9, 7, 3: 2 promoters, 1 detractor of 4 → 50 % − 25 % = 25. CSAT (4 + 5) / 2 = 4.5. CES 2.
    expect(pack.surveys.answers).toHaveLength(7);
    expect(pack.surveys.nps).toMatchObject({ value: 25, promoters: 2, passives: 1, detractors: 1, n: 4 });
    expect(pack.surveys.csat).toBe(4.5);
    expect(pack.surveys.ces).toBe(2);
    expect(pack.risks.map((s) => s.key)).toEqual(['low_nps', 'no_webinars']);
    expect(pack.comparison).toBeNull();
  });

  it('stops a quarter still running at the data timestamp', () => {
    const pack = buildQbrPack(sources({ quarter: '2026-Q4', asOf: '2026-11-24T09:00:00.000Z' }));
    expect(pack.period).toEqual({ start: '2026-10-01', end: '2026-11-24' });
    expect(pack.touchpoints.held.map((t) => t.id)).toEqual(['call-oct']);
    expect(pack.escalations.resolvedInQuarter.map((e) => e.id)).toEqual(['resolved-after']);
  });

  it('compares with the previous QBR: goals then and now, its commitments, and which of its risks still fire', () => {
    const previousPack = buildQbrPack(sources({ quarter: '2026-Q2', end: { ...sources().end, risk: risk(['low_nps', 'champion_left']) } }));
    const snapshot = qbrSnapshot(previousPack, '- [ ] Train the finance team\n\n2. Review API limits\n* [x] Send ROI report');
    expect(snapshot.commitments).toEqual(['Train the finance team', 'Review API limits', 'Send ROI report']);
    const pack = buildQbrPack(sources({ previous: { ...snapshot, goals: [{ id: 'g2', title: 'Goal g2', status: 'not_started', progress: 10 }, { id: 'gone', title: 'Dropped goal', status: 'in_progress', progress: 50 }] } }));
    expect(pack.comparison).toEqual({
      previousQuarter: '2026-Q2',
      health: { then: snapshot.health, now: pack.health.end, change: (pack.health.end ?? 0) - (snapshot.health ?? 0) },
      tier: { then: snapshot.tier, now: pack.health.endTier },
      goals: [
        { title: 'Goal g2', then: { status: 'not_started', progress: 10 }, now: { status: 'in_progress', progress: 40 } },
        { title: 'Dropped goal', then: { status: 'in_progress', progress: 50 }, now: null },
      ],
      commitments: ['Train the finance team', 'Review API limits', 'Send ROI report'],
      risks: [{ key: 'low_nps', stillFiring: true }, { key: 'champion_left', stillFiring: false }],
    });
  });

  it('reads commitments from any list style and ignores blank lines', () => {
    expect(planCommitments('  - one\r\n+ two\n\n3) three\nplain line\n- [X] done task')).toEqual(['one', 'two', 'three', 'plain line', 'done task']);
    expect(planCommitments('')).toEqual([]);
  });
});
