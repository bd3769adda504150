import type { InterventionAction, InterventionKind } from '../../src-shared/scoring/escalation';
import {
  EXPANSION_SIGNAL_LABELS,
  INTERVENTION_ACTION_LABELS,
  INTERVENTION_KIND_LABELS,
  LOYALTY_LABELS,
  LOYALTY_PERK_LABELS,
} from '../../src-shared/scoring/labels';
import type { LoyaltyPerk } from '../../src-shared/scoring/loyalty';
import { useT } from '../i18n/use-t';
import type { AccountDetail } from '../queries/account-query';

/** The recommended intervention, loyalty, and expansion and advocate signals (DESIGN §4.3, §4.5). */
export function SignalsSection({ signals }: { signals: AccountDetail['signals'] }) {
  const { t, fmt, locale } = useT();
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
      <h4 className="subhead">{t('signals.loyalty')}</h4>
      <p>
        <strong>{LOYALTY_LABELS[locale][loyalty.level]}</strong>{' '}
        <span className="muted">{t('signals.loyaltyDetail', { months: loyalty.months, discount: loyalty.discountPercent })}</span>
      </p>
      <p className="muted small">{loyalty.perks.map((perk) => LOYALTY_PERK_LABELS[locale][perk as LoyaltyPerk]).join(' · ')}</p>
    </section>
  );
}
