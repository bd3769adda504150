import { explainRisk } from '../../src-shared/scoring/explain';
import {
  BAND_LABELS,
  CHANNEL_LABELS,
  RESPONSE_GOAL_LABELS,
  RESPONSE_MESSAGE_LABELS,
  SEVERITY_LABELS,
  SIGNAL_LABELS,
} from '../../src-shared/scoring/labels';
import type { RiskResponse, RiskResult } from '../../src-shared/scoring/types';
import { useT } from '../i18n/use-t';
import type { AccountDetail } from '../queries/account-query';

function Playbook({ response }: { response: RiskResponse }) {
  const { t, fmt, locale } = useT();
  if (response.withinHours === null || response.message === null || response.goal === null) {
    return <p className="muted">{t('risk.response.none')}</p>;
  }
  const within = response.withinHours === 0 ? t('risk.response.immediately') : t('risk.response.hours', { n: fmt.number(response.withinHours) });
  return (
    <dl className="playbook">
      <div>
        <dt>{t('risk.response.within')}</dt>
        <dd>{within}</dd>
      </div>
      <div>
        <dt>{t('risk.response.channels')}</dt>
        <dd>{response.channels.map((c) => CHANNEL_LABELS[locale][c]).join(' + ')}</dd>
      </div>
      <div>
        <dt>{t('risk.response.message')}</dt>
        <dd>{RESPONSE_MESSAGE_LABELS[locale][response.message]}</dd>
      </div>
      <div>
        <dt>{t('risk.response.goal')}</dt>
        <dd>{RESPONSE_GOAL_LABELS[locale][response.goal]}</dd>
      </div>
    </dl>
  );
}

/** Churn risk: the points and band, each fired signal with its evidence, and what to do about it. */
export function RiskPanel({ risk }: { risk: AccountDetail['risk'] }) {
  const { t, fmt, locale } = useT();
  // The wire schema types signal keys and messages as strings; they are the engine's own keys.
  const result = risk as RiskResult;
  const sentences = explainRisk(result, locale);
  const signalTotal = result.signals.reduce((sum, s) => sum + s.points, 0);
  return (
    <section className="panel-section" aria-labelledby="panel-risk-title">
      <div className="section-head">
        <h3 id="panel-risk-title">{t('risk.title')}</h3>
        <span className={`pill risk-${result.band}`}>{BAND_LABELS[locale][result.band]}</span>
        <span className="risk-total">{t('risk.total', { n: fmt.number(result.points) })}</span>
      </div>
      {result.signals.length === 0 ? (
        <p className="muted">{t('risk.noSignals')}</p>
      ) : (
        <ul className="signal-list">
          {result.signals.map((signal, i) => (
            <li key={signal.key} className="signal">
              <div className="signal-head">
                <span className="signal-name">{SIGNAL_LABELS[locale][signal.key]}</span>
                <span className={`badge severity-${signal.severity}`}>{SEVERITY_LABELS[locale][signal.severity]}</span>
                <span className="signal-points">{t('risk.signalPoints', { n: fmt.number(signal.points) })}</span>
              </div>
              <p className="explain">{sentences[i]}</p>
            </li>
          ))}
        </ul>
      )}
      {signalTotal > result.points && (
        <p className="muted small">{t('risk.capped', { sum: fmt.number(signalTotal), n: fmt.number(result.points) })}</p>
      )}
      <h4 className="subhead">{t('risk.response.title')}</h4>
      <Playbook response={result.response} />
    </section>
  );
}
