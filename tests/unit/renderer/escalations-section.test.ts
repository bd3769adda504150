import { beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Escalation } from '../../../src-shared/domain/entities';
import type { RiskBand } from '../../../src-shared/scoring/types';
import { EscalationsSection } from '../../../src-renderer/components/EscalationsSection';
import { useLocaleStore } from '../../../src-renderer/i18n/locale-store';

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
