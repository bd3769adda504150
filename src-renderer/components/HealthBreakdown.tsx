import { explainHealth, explainHealthMetrics } from '../../src-shared/scoring/explain';
import type { ScoringConfig } from '../../src-shared/scoring/scoring-config';
import { formatMetricInput } from '../../src-shared/scoring/explain-format';
import { roundHalfUp } from '../../src-shared/scoring/health';
import { CATEGORY_LABELS, METRIC_LABELS } from '../../src-shared/scoring/labels';
import { HEALTH_METRICS, type HealthCategory, type HealthMetricKey, type HealthResult } from '../../src-shared/scoring/types';
import { useT, type I18n } from '../i18n/use-t';
import type { AccountDetail } from '../queries/account-query';

const CATEGORIES = Object.keys(HEALTH_METRICS) as HealthCategory[];

/** One decimal at most: points and percentages are shares, not counts. */
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

type MetricSentences = Partial<Record<HealthMetricKey, string>>;

function percent({ t, fmt }: I18n, share: number): string {
  return t('value.percent', { n: fmt.number(oneDecimal(share * 100)) });
}

function CategoryBlock({ category, health, sentences }: { category: HealthCategory; health: HealthResult; sentences: MetricSentences }) {
  const i18n = useT();
  const { t, fmt, locale } = i18n;
  const breakdown = health.categories[category];
  const headingId = `health-cat-${category}`;
  return (
    <section className="health-category" aria-labelledby={headingId}>
      <div className="category-head">
        <h4 id={headingId}>{t(`health.category.${category}`)}</h4>
        {breakdown.score === null ? (
          <span className="muted">{t('health.category.noData')}</span>
        ) : (
          <span className="category-score">
            {t('health.category.score', { score: fmt.number(roundHalfUp(breakdown.score)) })}
            <span className="category-weight">{t('health.category.weight', { weight: percent(i18n, breakdown.weight) })}</span>
          </span>
        )}
      </div>
      {breakdown.score !== null && (
        <table className="metric-table">
          <thead>
            <tr>
              <th scope="col">{t('health.col.metric')}</th>
              <th scope="col">{t('health.col.input')}</th>
              <th scope="col" className="num">{t('health.col.score')}</th>
              <th scope="col" className="num">{t('health.col.weight')}</th>
              <th scope="col" className="num">{t('health.col.points')}</th>
            </tr>
          </thead>
          <tbody>
            {breakdown.metrics.map((m) => {
              const label = METRIC_LABELS[locale][m.key];
              if (m.input === null || m.score === null) {
                return (
                  <tr key={m.key} className="is-missing">
                    <th scope="row">{label}</th>
                    <td colSpan={4} className="muted">
                      {t('health.metric.noData', { category: CATEGORY_LABELS[locale][category] })}
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={m.key}>
                  <th scope="row">
                    {label}
                    <span className="explain">{sentences[m.key]}</span>
                  </th>
                  <td>{formatMetricInput(m.key, m.input, locale)}</td>
                  <td className="num">{fmt.number(roundHalfUp(m.score))}</td>
                  <td className="num">{percent(i18n, m.weight)}</td>
                  <td className="num strong">{fmt.decimal1(m.points)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Why this health score": every point traced to a category, a metric and a sentence. */
export function HealthBreakdown({ health, config }: { health: AccountDetail['health']; config: ScoringConfig }) {
  const { t, locale } = useT();
  // The wire schema types metric keys as strings; they are the engine's own keys.
  const result = health as HealthResult;
  const sentences = explainHealthMetrics(result, locale, config);
  return (
    <section className="panel-section" aria-labelledby="panel-health-title">
      <h3 id="panel-health-title">{t('health.title')}</h3>
      <p className="explain-summary">{result.score === null ? t('health.unknown') : explainHealth(result, locale, config)[0]}</p>
      {CATEGORIES.map((category) => (
        <CategoryBlock key={category} category={category} health={result} sentences={sentences} />
      ))}
      <p className="muted small">{t('health.pointsNote')}</p>
    </section>
  );
}
