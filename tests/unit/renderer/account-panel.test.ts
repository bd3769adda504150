import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Escalation } from '../../../src-shared/domain/entities';
import type { RiskBand } from '../../../src-shared/scoring/types';

const invoke = vi.fn();
vi.mock('../../../src-renderer/api/api-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src-renderer/api/api-client')>();
  return { ...actual, invoke: (...args: unknown[]) => invoke(...args) };
});

const { ApiError } = await import('../../../src-renderer/api/api-client');
const { useAccountStore } = await import('../../../src-renderer/stores/account-store');
const { EscalationsSection } = await import('../../../src-renderer/components/PeopleSections');
const { useLocaleStore } = await import('../../../src-renderer/i18n/locale-store');

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

  it('keeps text typed while the save is in flight', async () => {
    const saved = { id: 'n1', accountId: 'a1', touchpointId: null, authorId: null, body: 'Call went well', createdAt: '2026-02-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z' };
    let answer!: (value: { note: typeof saved }) => void;
    invoke.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const saving = useAccountStore.getState().addNote('a1', 'Call went well');
    useAccountStore.getState().setDraft('a1', 'Call went well. Follow up on Friday');
    answer({ note: saved });
    await saving;
    expect(useAccountStore.getState().notes.map((n) => n.id)).toEqual(['n1']);
    expect(useAccountStore.getState().drafts.a1).toBe('Call went well. Follow up on Friday');
  });
});

describe('EscalationsSection', () => {
  const asOf = new Date('2026-03-10T12:00:00Z');
  const openedHoursAgo = (hours: number): Escalation => ({
    id: `e${hours}`, accountId: 'a1', level: 2, reason: 'Outage', severity: 'high', status: 'open', ownerId: null,
    openedAt: new Date(asOf.getTime() - hours * 3_600_000).toISOString(), resolvedAt: null,
  });
  const late = (hours: number, band: RiskBand) =>
    renderToStaticMarkup(createElement(EscalationsSection, { escalations: [openedHoursAgo(hours)], band, asOf })).includes('is-late');

  beforeEach(() => useLocaleStore.setState({ locale: 'en' }));

  it("uses the engine's response time for the account's risk band", () => {
    // High band: respond immediately, so any delay is late (the old UI rule allowed 1 h).
    expect(late(0, 'high')).toBe(false);
    expect(late(0.5, 'high')).toBe(true);
    // Medium band: 24 h.
    expect(late(24, 'medium')).toBe(false);
    expect(late(25, 'medium')).toBe(true);
    // No risk band still expects an answer within 48 h (the old UI rule never marked it late).
    expect(late(47, 'none')).toBe(false);
    expect(late(49, 'none')).toBe(true);
  });

  it('shows whole hours and the late note', () => {
    const html = renderToStaticMarkup(createElement(EscalationsSection, { escalations: [openedHoursAgo(5.5)], band: 'high', asOf }));
    expect(html).toContain('Open 5 h · past the response time');
  });
});
