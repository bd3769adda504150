import type { Formatters } from '../i18n/format';
import type { MessageKey } from '../i18n/messages-en';
import type { Translate } from '../i18n/translate';
import { SEED_TARGETS, targetRangeText, type TargetMetric } from '../metrics/targets';
import { BAND_LABELS, TIER_LABELS, type Locale } from '../scoring/labels';
import type { Figure, FigureLabel, FigureUnit } from './dashboard-model';

export interface DashboardI18n {
  locale: Locale;
  t: Translate;
  fmt: Formatters;
}

/** A figure label as text in the reader's language. */
export function labelText(label: FigureLabel, { locale, t, fmt }: DashboardI18n): string {
  if ('key' in label) return t(label.key as MessageKey, label.params);
  if ('tier' in label) return TIER_LABELS[locale][label.tier];
  if ('band' in label) return BAND_LABELS[locale][label.band];
  if ('month' in label) return fmt.month(`${label.month}-01`);
  if ('week' in label) return t('dash.weekOf', { date: fmt.dayMonth(label.week) });
  return label.text;
}

/** A value in its unit for the reader's locale; a dash where there is nothing to measure. */
export function valueText(unit: FigureUnit, value: number | null, { fmt }: DashboardI18n): string {
  if (value === null) return '—';
  switch (unit) {
    case 'currency':
      return fmt.currency(value);
    case 'percent':
      return fmt.percent(value);
    case 'decimal':
      return fmt.number(Math.round(value * 100) / 100);
    case 'coefficient':
      return `${value > 0 ? '+' : ''}${fmt.number(Math.round(value * 1000) / 1000)}`;
    default:
      return fmt.number(Math.round(value));
  }
}

/** A seed target as the reader sees it ("70–80", "≥ 4.5", "< 2", "< 5%"). */
export function targetText(metric: TargetMetric, i18n: DashboardI18n): string {
  const unit: FigureUnit = metric === 'nps' ? 'score' : metric === 'csat' || metric === 'ces' ? 'decimal' : 'percent';
  return targetRangeText(SEED_TARGETS[metric], (v) => valueText(unit, v, i18n));
}

/** A figure's title message key. */
export function figureTitleKey(figure: Pick<Figure, 'id'>): MessageKey {
  return `dash.figure.${figure.id}` as MessageKey;
}

/** The figure as a grid of text: a header row, then a row per category (the table alternative). */
export function figureRows(figure: Figure, i18n: DashboardI18n): { header: string[]; rows: string[][] } {
  return {
    header: figure.series.map((s) => labelText(s.label, i18n)),
    rows: figure.categories.map((c, i) => [labelText(c.label, i18n), ...figure.series.map((s) => valueText(s.unit, s.values[i] ?? null, i18n))]),
  };
}

/** The series a chart draws: those in the first series' unit (the others are in the table only). */
export function chartedSeries(figure: Figure): Figure['series'] {
  const unit = figure.series[0]?.unit;
  return figure.series.filter((s) => s.unit === unit);
}
