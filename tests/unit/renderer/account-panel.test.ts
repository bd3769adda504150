import { beforeEach, describe, expect, it, vi } from 'vitest';
import { explainHealth } from '../../../src-shared/scoring/explain';
import { computeHealth } from '../../../src-shared/scoring/health';
import { METRIC_LABELS } from '../../../src-shared/scoring/labels';
import { HEALTH_METRICS } from '../../../src-shared/scoring/types';

const invoke = vi.fn();
vi.mock('../../../src-renderer/api/api-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src-renderer/api/api-client')>();
  return { ...actual, invoke: (...args: unknown[]) => invoke(...args) };
});

const { ApiError } = await import('../../../src-renderer/api/api-client');
const { useAccountStore } = await import('../../../src-renderer/stores/account-store');
const { sentencesByMetric } = await import('../../../src-renderer/components/HealthBreakdown');

describe('sentencesByMetric', () => {
  it('gives every scored metric its own explainHealth sentence, in both languages', () => {
    // Training and feedback missing (weight redistributed), the whole business category missing.
    const health = computeHealth({
      login_frequency: 2.5,
      feature_adoption: 60,
      data_volume: 40,
      api_calls: 1,
      support_tickets: 2,
      community_engagement: 1,
    });
    for (const locale of ['en', 'es'] as const) {
      const sentences = sentencesByMetric(health, explainHealth(health, locale));
      expect(sentences.summary).toContain(String(health.score));
      for (const key of [...HEALTH_METRICS.usage, 'support_tickets', 'community_engagement'] as const) {
        expect(sentences.metric[key], key).toMatch(new RegExp(`^${METRIC_LABELS[locale][key]} .*→`));
      }
      expect(sentences.metric.training_sessions).toMatch(/weight|peso/);
      expect(sentences.category.business).toMatch(/categor/);
    }
  });
});

describe('account store: notes', () => {
  beforeEach(() => {
    invoke.mockReset();
    useAccountStore.setState({ accountId: 'a1', notes: [], drafts: { a1: 'Call went well' } });
  });

  it('keeps the typed text when saving fails', async () => {
    invoke.mockRejectedValueOnce(new ApiError({ code: 'INTERNAL', message: 'disk full' }));
    await expect(useAccountStore.getState().addNote('a1', 'Call went well')).rejects.toThrow('disk full');
    expect(useAccountStore.getState().drafts.a1).toBe('Call went well');
    expect(useAccountStore.getState().notes).toEqual([]);
  });

  it('puts the saved note on top and clears the draft', async () => {
    const older = { id: 'n0', accountId: 'a1', touchpointId: null, authorId: null, body: 'old', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    const saved = { ...older, id: 'n1', body: 'Call went well', createdAt: '2026-02-01T00:00:00Z' };
    useAccountStore.setState({ notes: [older] });
    invoke.mockResolvedValueOnce({ note: saved });
    await useAccountStore.getState().addNote('a1', 'Call went well');
    expect(invoke).toHaveBeenCalledWith('notes.add', { accountId: 'a1', body: 'Call went well' });
    expect(useAccountStore.getState().notes.map((n) => n.id)).toEqual(['n1', 'n0']);
    expect(useAccountStore.getState().drafts.a1).toBeUndefined();
  });
});
