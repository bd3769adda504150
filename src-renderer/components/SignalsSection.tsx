import type { InterventionAction, InterventionKind } from '../../src-shared/scoring/escalation';
import {
  EXPANSION_SIGNAL_LABELS,
  INTERVENTION_ACTION_LABELS,
  INTERVENTION_KIND_LABELS,
  LOYALTY_LABELS,
  LOYALTY_PERK_LABELS,
} from '../../src-shared/scoring/labels';
import type { LoyaltyPerk } from '../../src-shared/scoring/loyalty';
import { upsellMoments } from '../../src-shared/schedule/renewals';
import { titleText } from '../../src-shared/schedule/touchpoint-titles';
import { useT } from '../i18n/use-t';
import type { AccountDetail } from '../queries/account-query';

/** The upsell reviews still ahead (DESIGN §4.4): on the plan in tier 3 or 4, shown as held otherwise. */
function UpsellReviews({ detail }: { detail: AccountDetail }) {
  const { t, fmt, locale } = useT();
  const asOf = new Date(detail.asOf);
  const ahead = upsellMoments({ contractStart: new Date(detail.account.contractStart), tier: detail.health.tier }, detail.scoringConfig).filter((m) => m.dueAt >= asOf);
  if (ahead.length === 0) return null;
  return (
    <>
      <h4 className="subhead">{t('signals.upsell')}</h4>
      <ul className="plain-list">
        {ahead.map((m) => (
          <li key={m.month}>
            {titleText({ key: 'upsell', offer: m.offer }, locale)} · {fmt.date(m.dueAt.toISOString())}{' '}
            {m.held && <span className="badge badge-held" title={t('signals.heldWhy')}>{t('signals.held')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The recommended intervention, loyalty, expansion and advocate signals, upsell reviews (DESIGN §4.3-§4.5). */
export function SignalsSection({ detail }: { detail: AccountDetail }) {
  const { t, fmt, locale } = useT();
  const { signals } = detail;
  const { intervention, loyalty, expansion } = signals;
  const kind = intervention.kind as InterventionKind;
  return (
    <section className="panel-section" aria-labelledby="signals-title">
      <h3 id="signals-title">{t('signals.title')}</h3>
      <h4>{t('signals.intervention')}</h4>
      <p>
        <span className={`pill intervention-${kind}`}>{INTERVENTION_KIND_LABELS[locale][kind]}</span>
      </p>
      {intervention.actions.length > 0 && (
        <ul className="plain-list">
          {intervention.actions.map((action) => (
            <li key={action}>{INTERVENTION_ACTION_LABELS[locale][action as InterventionAction]}</li>
          ))}
        </ul>
      )}
      <h4 className="subhead">{t('signals.expansion')}</h4>
      {expansion.length === 0 ? (
        <p className="muted">{t('signals.noExpansion')}</p>
      ) : (
        <ul className="plain-list">
          {expansion.map((signal) => (
            <li key={signal.key}>
              {EXPANSION_SIGNAL_LABELS[locale][signal.key]}{' '}
              <span className="muted">
                {signal.key === 'nps'
                  ? t('signals.npsValue', { value: fmt.number(signal.value), threshold: fmt.number(signal.threshold) })
                  : t('signals.ratioValue', { value: fmt.number(Math.round(signal.value * 100)), threshold: fmt.number(Math.round(signal.threshold * 100)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="signal-flags">
        {signals.expansionCandidate && <span className="pill pill-good">{t('signals.expansionCandidate')}</span>}
        {signals.advocate && <span className="pill pill-good">{t('signals.advocate')}</span>}
      </p>
      <UpsellReviews detail={detail} />
      <h4 className="subhead">{t('signals.loyalty')}</h4>
      <p>
        <strong>{LOYALTY_LABELS[locale][loyalty.level]}</strong>{' '}
        <span className="muted">{t('signals.loyaltyDetail', { months: loyalty.months, discount: loyalty.discountPercent })}</span>
      </p>
      <p className="muted small">{loyalty.perks.map((perk) => LOYALTY_PERK_LABELS[locale][perk as LoyaltyPerk]).join(' · ')}</p>
    </section>
  );
}
