import { formatMetricInput } from '../../src-shared/scoring/explain-format';
import { healthChanges } from '../../src-shared/scoring/health-change';
import { METRIC_LABELS } from '../../src-shared/scoring/labels';
import { useT } from '../i18n/use-t';
import type { AccountDetail } from '../queries/account-query';

/** Moves smaller than this (in points of the score) are noise, not news. */
const MIN_POINTS = 0.05;

/**
 * What changed since one trend window ago, metric by metric, largest move first: the reason a
 * score dropped (or rose) without reading every metric.
 */
export function HealthChanges({ detail }: { detail: AccountDetail }) {
  const { t, fmt, locale } = useT();
  const days = detail.scoringConfig.health.trendWindowDays;
  const changes = healthChanges(detail.health, detail.healthBefore).filter((c) => Math.abs(c.pointsDelta) >= MIN_POINTS);
  const input = (key: (typeof changes)[number]['key'], value: number | null) =>
    value === null ? t('value.missing') : formatMetricInput(key, value, locale);
  return (
    <section className="panel-section" aria-labelledby="what-changed-title">
      <h3 id="what-changed-title">{t('changes.title', { days })}</h3>
      {detail.healthBefore === null ? (
        <p className="muted">{t('changes.noHistory', { days })}</p>
      ) : changes.length === 0 ? (
        <p className="muted">{t('changes.none', { days })}</p>
      ) : (
        <table className="metric-table changes-table">
          <thead>
            <tr>
              <th scope="col">{t('health.col.metric')}</th>
              <th scope="col">{t('changes.then', { days })}</th>
              <th scope="col">{t('changes.now')}</th>
              <th scope="col" className="num">{t('changes.points')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => {
              const delta = Math.round(change.pointsDelta * 10) / 10;
              return (
                <tr key={change.key} className={delta < 0 ? 'is-down' : 'is-up'}>
                  <th scope="row">{METRIC_LABELS[locale][change.key]}</th>
                  <td>{input(change.key, change.inputBefore)}</td>
                  <td>{input(change.key, change.inputNow)}</td>
                  <td className="num delta">{delta > 0 ? `+${fmt.decimal1(delta)}` : `−${fmt.decimal1(-delta)}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
