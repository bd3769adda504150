import { useMemo } from 'react';
import { formatMetricInput } from '../../src-shared/scoring/explain-format';
import { METRIC_LABELS } from '../../src-shared/scoring/labels';
import { HEALTH_METRICS } from '../../src-shared/scoring/types';
import { useT } from '../i18n/use-t';
import type { AccountDetail } from '../queries/account-query';
import { LineChart, type LineSeries } from './LineChart';

const USAGE_KEYS = HEALTH_METRICS.usage;

/** The year's health score and usage as charts, each with its figures in a table below. */
export function HealthHistory({ detail }: { detail: AccountDetail }) {
  const { t, fmt, locale } = useT();
  const history = detail.healthHistory;
  const labels = useMemo(() => history.map((p, i) => (i === history.length - 1 ? t('chart.today') : fmt.month(p.date))), [history, t, fmt]);
  const healthSeries = useMemo<LineSeries[]>(() => [{ label: t('panel.health'), values: history.map((p) => p.score), color: '#2563eb' }], [history, t]);
  const usageSeries = useMemo<LineSeries[]>(
    () => [
      { label: METRIC_LABELS[locale].feature_adoption, values: history.map((p) => p.usage.feature_adoption ?? null), color: '#0f766e' },
      { label: METRIC_LABELS[locale].data_volume, values: history.map((p) => p.usage.data_volume ?? null), color: '#a16207' },
      { label: METRIC_LABELS[locale].login_frequency, values: history.map((p) => p.usage.login_frequency ?? null), color: '#7c3aed', axis: 'right' },
    ],
    [history, locale],
  );
  const first = history.find((p) => p.score !== null)?.score ?? null;
  const last = history.at(-1)?.score ?? null;
  const summary =
    first === null || last === null
      ? t('chart.health.summaryUnknown')
      : t('chart.health.summary', { from: fmt.number(first), to: fmt.number(last), months: history.length - 1 });
  return (
    <section className="panel-section is-wide" aria-labelledby="history-title">
      <h3 id="history-title">{t('chart.title')}</h3>
      <div className="chart-pair">
        <figure className="chart-figure">
          <figcaption>{t('chart.health.caption')}</figcaption>
          <LineChart summary={summary} labels={labels} series={healthSeries} yLeft={{ min: 0, max: 100 }} />
        </figure>
        <figure className="chart-figure">
          <figcaption>{t('chart.usage.caption')}</figcaption>
          <LineChart
            summary={t('chart.usage.summary')}
            labels={labels}
            series={usageSeries}
            yLeft={{ min: 0, max: 100, title: '%' }}
            yRight={{ min: 0, title: t('chart.usage.perWeek') }}
          />
        </figure>
      </div>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        <table className="metric-table">
          <caption className="visually-hidden">{t('chart.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.month')}</th>
              <th scope="col" className="num">{t('panel.health')}</th>
              {USAGE_KEYS.map((key) => (
                <th key={key} scope="col">{METRIC_LABELS[locale][key]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.map((point, i) => (
              <tr key={point.date}>
                <th scope="row">{labels[i]}</th>
                <td className="num">{point.score === null ? t('value.missing') : fmt.number(point.score)}</td>
                {USAGE_KEYS.map((key) => {
                  const value = point.usage[key];
                  return <td key={key}>{value === null || value === undefined ? t('value.missing') : formatMetricInput(key, value, locale)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
