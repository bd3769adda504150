import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { applyPortfolioFilters, activeFilterCount, NO_FILTERS } from '../../../src-renderer/components/portfolio-filters';
import { portfolioCsv } from '../../../src-renderer/components/portfolio-csv';
import { formatters } from '../../../src-shared/i18n/format';
import { translator } from '../../../src-shared/i18n/translate';
import { portfolioRow } from '../../helpers/portfolio-row';

const asOf = new Date('2026-11-24T09:00:00Z');
const rows = [
  portfolioRow({ id: 'a', name: 'Granite Logística', industry: 'Logistics', tier: 'critical', riskBand: 'high', loyalty: 'gold', renewalDate: '2026-12-10', escalationLevel: 3 }),
  portfolioRow({ id: 'b', name: 'Atlas Marine', tier: 'stable', riskBand: 'low', loyalty: 'bronze', renewalDate: '2027-06-01', onboarding: true }),
  portfolioRow({
    id: 'c', name: 'Faro Salud', tier: 'at_risk', riskBand: 'medium', loyalty: 'platinum', renewalDate: '2026-11-01', ownerId: 'u2', ownerName: 'Bea Ruiz',
    nextTouchpoint: { id: 't', kind: 'check_in', title: '@checkIn:7', dueAt: '2026-11-20T09:00:00Z', overdue: true },
  }),
];
const ids = (f: Partial<typeof NO_FILTERS>) => applyPortfolioFilters(rows, { ...NO_FILTERS, ...f }, asOf).map((r) => r.id);

describe('portfolio filters', () => {
  it('each condition narrows the book, and they combine', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ tiers: ['critical', 'at_risk'] })).toEqual(['a', 'c']);
    expect(ids({ bands: ['low'] })).toEqual(['b']);
    expect(ids({ loyalty: ['platinum', 'bronze'] })).toEqual(['b', 'c']);
    expect(ids({ escalated: true })).toEqual(['a']);
    expect(ids({ overdue: true })).toEqual(['c']);
    expect(ids({ onboarding: true })).toEqual(['b']);
    expect(ids({ owner: 'u2' })).toEqual(['c']);
    expect(ids({ tiers: ['critical', 'at_risk'], bands: ['medium'] })).toEqual(['c']);
  });

  it('counts renewals from today, leaving out the ones already past', () => {
    expect(ids({ renewalWithinDays: 30 })).toEqual(['a']); // 16 days; Faro renewed 23 days ago
    expect(ids({ renewalWithinDays: 365 })).toEqual(['a', 'b']);
  });

  it('finds free text in name, industry and owner, without case or accents', () => {
    expect(ids({ text: 'logistica' })).toEqual(['a']);
    expect(ids({ text: 'LOGISTICS' })).toEqual(['a']);
    expect(ids({ text: 'bea' })).toEqual(['c']);
    expect(ids({ text: '  ' })).toEqual(['a', 'b', 'c']);
    expect(activeFilterCount({ ...NO_FILTERS, text: 'x', tiers: ['stable'], overdue: true })).toBe(3);
  });
});

describe('portfolio CSV', () => {
  it('has the visible columns in the order shown, in the chosen language, safe to open in a spreadsheet', () => {
    const evil = portfolioRow({ id: 'd', name: '=HYPERLINK("http://x")', arr: 5000 });
    const csv = portfolioCsv([rows[2]!, evil], new Set(['name', 'arr', 'tier', 'nextTouchpoint']), { locale: 'es', t: translator('es'), fmt: formatters('es') });
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1)).data;
    expect(parsed[0]).toEqual(['Cuenta', 'ARR', 'Nivel', 'Próximo contacto', 'Fecha del próximo contacto']);
    expect(parsed[1]).toEqual(['Faro Salud', '1000', 'En riesgo', 'Seguimiento semanal', '2026-11-20']);
    expect(parsed[2]![0]).toBe('\'=HYPERLINK("http://x")');
  });
});
