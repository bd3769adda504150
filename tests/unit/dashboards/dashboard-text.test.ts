import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src-shared/dashboards/dashboard-model';
import { figureRows, labelText, targetText, valueText, type DashboardI18n } from '../../../src-shared/dashboards/dashboard-text';
import { formatters } from '../../../src-shared/i18n/format';
import { translator } from '../../../src-shared/i18n/translate';

const en: DashboardI18n = { locale: 'en', t: translator('en'), fmt: formatters('en') };
const es: DashboardI18n = { locale: 'es', t: translator('es'), fmt: formatters('es') };

describe('valueText', () => {
  it('formats each unit for English readers', () => {
    expect(valueText('percent', 0.834, en)).toBe('83.4%');
    expect(valueText('percent', 1 / 7, en)).toBe('14.3%'); // 14.2857…% to one decimal
    expect(valueText('currency', 1_200, en)).toBe('$1,200');
    expect(valueText('currency', 1_234.56, en)).toBe('$1,235'); // whole dollars
    expect(valueText('decimal', 13 / 3, en)).toBe('4.33');
    expect(valueText('count', 1_234.6, en)).toBe('1,235');
    expect(valueText('score', 13, en)).toBe('13');
  });

  it('signs coefficients and rounds them to three decimals', () => {
    expect(valueText('coefficient', 0.5, en)).toBe('+0.5');
    expect(valueText('coefficient', 1.23456, en)).toBe('+1.235');
    expect(valueText('coefficient', -0.25, en)).toBe('-0.25');
    expect(valueText('coefficient', 0, en)).toBe('0');
  });

  it('shows a dash where there is nothing to measure, and 0 as 0', () => {
    for (const unit of ['count', 'currency', 'percent', 'score', 'decimal', 'coefficient'] as const) {
      expect(valueText(unit, null, en)).toBe('—');
    }
    expect(valueText('count', 0, en)).toBe('0');
  });
});

describe('targetText', () => {
  it('reads the seed targets as ranges and bounds', () => {
    expect(targetText('nps', en)).toBe('70–80');
    expect(targetText('csat', en)).toBe('≥ 4.5');
    expect(targetText('ces', en)).toBe('< 2');
    expect(targetText('monthly_churn', en)).toBe('< 5%');
    expect(targetText('renewal_rate', en)).toBe('85%–90%');
  });
});

describe('labelText', () => {
  it('turns every kind of label into English text', () => {
    expect(labelText({ tier: 'at_risk' }, en)).toBe('At risk');
    expect(labelText({ band: 'high' }, en)).toBe('High');
    expect(labelText({ key: 'dash.window.days', params: { days: 30 } }, en)).toBe('Next 30 days');
    expect(labelText({ key: 'owner.none' }, en)).toBe('No owner');
    expect(labelText({ text: 'Carla Diaz' }, en)).toBe('Carla Diaz');
    const march = labelText({ month: '2026-03' }, en);
    expect(march).toContain('Mar');
    expect(march).toContain('26');
    expect(labelText({ week: '2026-11-16' }, en)).toBe('Wk Nov 16');
  });

  it('speaks Spanish to a Spanish reader', () => {
    expect(labelText({ key: 'dash.window.days', params: { days: 60 } }, es)).toBe('Próximos 60 días');
    expect(labelText({ tier: 'at_risk' }, es)).toBe('En riesgo');
    expect(labelText({ key: 'owner.none' }, es)).toBe('Sin responsable');
  });
});

describe('figureRows', () => {
  it('makes a header of series labels and a row per category, values formatted by unit', () => {
    const renewals: Figure = {
      id: 'renewals', chart: 'stackedBar',
      categories: [
        { key: 'd30', label: { key: 'dash.window.days', params: { days: 30 } } },
        { key: 'd60', label: { key: 'dash.window.days', params: { days: 60 } } },
      ],
      series: [
        { key: 'arrAtRisk', label: { key: 'dash.series.arrAtRisk' }, unit: 'currency', values: [1_200, 30_000] },
        { key: 'renewals', label: { key: 'dash.series.renewals' }, unit: 'count', values: [1, null] },
      ],
    };
    expect(figureRows(renewals, en)).toEqual({
      header: ['ARR at risk', 'Renewals'],
      rows: [
        ['Next 30 days', '$1,200', '1'],
        ['Next 60 days', '$30,000', '—'],
      ],
    });
  });
});
