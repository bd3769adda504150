import Papa from 'papaparse';
import type { Figure } from '../../src-shared/dashboards/dashboard-model';
import { labelText, type DashboardI18n } from '../../src-shared/dashboards/dashboard-text';

/**
 * A figure as CSV in the reader's language: a row per category, a column per series, plain
 * numbers (percentages as 0-100, so a spreadsheet sums and charts them), BOM for the accents.
 */
export function figureCsv(figure: Figure, title: string, i18n: DashboardI18n): string {
  const fields = [title, ...figure.series.map((s) => `${labelText(s.label, i18n)}${s.unit === 'percent' ? ' (%)' : ''}`)];
  const data = figure.categories.map((c, i) => [
    labelText(c.label, i18n),
    ...figure.series.map((s) => {
      const v = s.values[i] ?? null;
      if (v === null) return '';
      return s.unit === 'percent' ? Math.round(v * 1000) / 10 : Math.round(v * 1000) / 1000;
    }),
  ]);
  return `\ufeff${Papa.unparse({ fields, data }, { escapeFormulae: true })}`;
}
