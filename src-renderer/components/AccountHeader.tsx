import { healthTrend } from '../../src-shared/scoring/health';
import type { ScoringConfig } from '../../src-shared/scoring/scoring-config';
import { BAND_LABELS, LOYALTY_LABELS, TIER_LABELS, TREND_LABELS } from '../../src-shared/scoring/labels';
import { useT } from '../i18n/use-t';
import { CsmSentimentCard } from './CsmSentimentCard';
import type { AccountDetail } from '../queries/account-query';

/** Renewals this close are highlighted (the window of Today's renewal list, DESIGN 4.4 renewal prep). */
export const RENEWAL_SOON_DAYS = 90;

/** "▲ +6 in 30 days" / "▼ −8 in 30 days" / steady, decided by the engine's trend rule and the team's config. */
function HealthTrendLine({ score, before, config }: { score: number | null; before: number | null; config: ScoringConfig }) {
  const { t, fmt, locale } = useT();
  const trend = healthTrend(score, before, config);
  const days = config.health.trendWindowDays;
  if (score === null || before === null) {
    return <span className="trend trend-unknown">{t('panel.trend.unknown', { days })}</span>;
  }
  const delta = score - before;
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '▶';
  const signed = delta > 0 ? `+${fmt.number(delta)}` : delta < 0 ? `−${fmt.number(-delta)}` : fmt.number(0);
  return (
    <span className={`trend trend-${trend}`} title={t('panel.trend.before', { score: fmt.number(before), days })}>
      <span aria-hidden="true">{arrow} </span>
      {t('panel.trend.change', { delta: signed, days })}
      <span className="trend-label">{TREND_LABELS[locale][trend]}</span>
    </span>
  );
}

export function AccountHeader({ detail }: { detail: AccountDetail }) {
  const { t, fmt, locale } = useT();
  const { account, health, risk, signals } = detail;
  const renewalSoon = signals.daysToRenewal >= 0 && signals.daysToRenewal <= RENEWAL_SOON_DAYS;
  const escalationLevel = detail.openEscalations[0]?.level ?? null;
  return (
    <div className="panel-summary">
      <div className="panel-facts">
        <dl className="facts">
          <div>
            <dt>{t('column.plan')}</dt>
            <dd>{t(`plan.${account.plan}`)}</dd>
          </div>
          <div>
            <dt>{t('column.arr')}</dt>
            <dd>{fmt.currency(account.arr)}</dd>
          </div>
          <div>
            <dt>{t('column.renewal')}</dt>
            <dd>
              {fmt.date(account.renewalDate)}{' '}
              <span className={renewalSoon ? 'countdown is-soon' : 'countdown'}>{signals.daysToRenewal < 0 ? t('account.renewalAgo', { days: -signals.daysToRenewal }) : t('account.renewalIn', { days: signals.daysToRenewal })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('account.loyalty')}</dt>
            <dd>{LOYALTY_LABELS[locale][signals.loyalty.level]}</dd>
          </div>
          <div>
            <dt>{t('column.escalation')}</dt>
            <dd>{escalationLevel === null ? t('account.noEscalation') : t('account.escalationLevel', { level: escalationLevel })}</dd>
          </div>
        </dl>
        <div className="panel-pills">
          <span className={`pill tier-${health.tier}`} title={t('column.tier')}>{TIER_LABELS[locale][health.tier]}</span>
          <span className={`pill risk-${risk.band}`} title={t('column.risk')}>
            {risk.band === 'none' ? t('panel.noRisk') : t('panel.riskPill', { band: locale === 'es' ? BAND_LABELS.es[risk.band].toLowerCase() : BAND_LABELS.en[risk.band] })}
          </span>
        </div>
      </div>
      <CsmSentimentCard accountId={account.id} />
      <div className="health-big">
        <span className="health-big-label">{t('panel.health')}</span>
        <span className="health-big-score" data-testid="health-score">
          {health.score === null ? t('value.missing') : fmt.number(health.score)}
        </span>
        <HealthTrendLine score={health.score} before={detail.healthBefore?.score ?? null} config={detail.scoringConfig} />
      </div>
    </div>
  );
}

