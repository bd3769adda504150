import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { BAND_LABELS, METRIC_LABELS, TIER_LABELS } from '../../src-shared/scoring/labels';
import { toIpcError } from '../api/api-client';
import { ErrorState } from '../components/ErrorState';
import { TouchpointTitle } from '../components/TouchpointTitle';
import { DueReminders } from '../components/DueReminders';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { ageText, responseText } from '../components/EscalationsSection';
import { useT } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';
import { accountPath, briefPath } from '../routes/paths';

type Overview = IpcResponse<'today.overview'>;
type TodayAccount = Overview['work'][number]['account'];

/** An account's name as the link to its page, with its tier and risk beside it. */
function AccountCell({ account }: { account: TodayAccount }) {
  const { locale } = useT();
  return (
    <span className="today-account">
      <Link href={accountPath(account.id)} className="acct-link today-name">
        {account.name}
      </Link>
      <span className={`pill pill-small tier-${account.tier}`}>{TIER_LABELS[locale][account.tier]}</span>
      {account.riskBand !== 'none' && <span className={`pill pill-small risk-${account.riskBand}`}>{BAND_LABELS[locale][account.riskBand]}</span>}
    </span>
  );
}

function Card({ id, title, count, children, empty }: { id: string; title: string; count: number; children: ReactNode; empty: string }) {
  return (
    <section className={`today-card today-${id}`} aria-labelledby={`today-${id}-title`}>
      <h2 id={`today-${id}-title`} className="today-card-title">
        {title} <span className="today-count">{count}</span>
      </h2>
      {count === 0 ? <p className="muted today-empty">{empty}</p> : <div className="today-card-body">{children}</div>}
    </section>
  );
}

function WorkList({ data }: { data: Overview }) {
  const { t, fmt } = useT();
  return (
    <ol className="today-list" aria-label={t('today.work')}>
      {data.work.map((item) => (
        <li key={item.id} className="today-row">
          <AccountCell account={item.account} />
          <span className="tp-kind">{t(`touchpointKind.${item.kind}`)}</span>
          <TouchpointTitle className="today-title" title={item.title} />
          <span className={item.overdue ? 'today-due is-overdue' : 'today-due'}>
            {item.overdue ? t('today.overdueSince', { date: fmt.date(item.dueAt) }) : t('today.dueToday')}
          </span>
          <Link href={briefPath(item.account.id)} className="button-link" aria-label={t('brief.openFor', { name: item.account.name })}>
            {t('brief.open')}
          </Link>
        </li>
      ))}
    </ol>
  );
}

/** The home view: everything that needs the CSM today, each row one click from its account. */
export function TodayView() {
  const i18n = useT();
  const { t, fmt, locale } = i18n;
  const { data, error, isPending, refetch } = useOperation('today.overview', {});
  if (isPending) {
    return (
      <div className="state state-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('today.loading')}
      </div>
    );
  }
  if (error) return <ErrorState title={t('today.error')} error={toIpcError(error)} onRetry={() => void refetch()} />;
  if (data.activeAccounts === 0) return <div className="state state-empty">{t('portfolio.empty')}</div>;
  const dueToday = data.workTotal - data.overdueTotal;
  return (
    <div className="today">
      <h1 className="visually-hidden">{t('nav.today')}</h1>
      <div className="today-head">
        <p className="today-summary" role="status">
          {t('today.summary', { due: dueToday, overdue: data.overdueTotal, renewals: data.renewals.length, escalations: data.escalations.length })}
        </p>
        <DueReminders due={dueToday} overdue={data.overdueTotal} day={data.asOf.slice(0, 10)} />
      </div>
      <div className="today-grid">
        <Card id="work" title={t('today.work')} count={data.workTotal} empty={t('today.workEmpty')}>
          <WorkList data={data} />
          {data.workTotal > data.work.length && <p className="muted small">{t('today.more', { n: data.workTotal - data.work.length })}</p>}
        </Card>
        <Card id="movers" title={t('today.movers')} count={data.movers.length} empty={data.comparedWith ? t('today.moversEmpty') : t('today.moversPending')}>
          <ul className="today-list">
            {data.movers.map((m) => (
              <li key={m.account.id} className="today-row">
                <AccountCell account={m.account} />
                <span className="today-detail">
                  {m.healthBefore !== null && m.account.health !== null && m.account.health < m.healthBefore
                    ? t('today.healthFell', { from: fmt.number(m.healthBefore), to: fmt.number(m.account.health) })
                    : t('today.riskRose', { from: BAND_LABELS[locale][m.riskBandBefore], to: BAND_LABELS[locale][m.account.riskBand] })}
                  {m.topMetric && (
                    <span className="muted">
                      {' · '}
                      {t('today.topMetric', { metric: METRIC_LABELS[locale][m.topMetric.key], points: fmt.decimal1(m.topMetric.pointsDelta) })}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card id="renewals" title={t('today.renewals')} count={data.renewals.length} empty={t('today.renewalsEmpty')}>
          <p className="today-arr-at-risk">{t('today.arrAtRisk', { amount: fmt.currency(data.arrAtRisk) })}</p>
          <ul className="today-list">
            {data.renewals.map((r) => (
              <li key={r.account.id} className="today-row">
                <AccountCell account={r.account} />
                <span className="today-detail num">{fmt.currency(r.account.arr)}</span>
                <span className="today-due">{t('account.renewalIn', { days: r.daysToRenewal })}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card id="escalations" title={t('today.escalations')} count={data.escalations.length} empty={t('today.escalationsEmpty')}>
          <ul className="today-list">
            {data.escalations.map((e) => (
              <li key={e.escalation.id} className="today-row">
                <AccountCell account={e.account} />
                <span className="today-detail" title={e.escalation.reason}>
                  {t('account.escalationLevel', { level: e.escalation.level })} · {e.escalation.reason}
                </span>
                <span className={e.overdue ? 'today-due is-overdue' : 'today-due'}>
                  {ageText(i18n, e.ageHours)} · {responseText(i18n, e.responseHours)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card id="onboarding" title={t('today.onboarding')} count={data.onboarding.length} empty={t('today.onboardingEmpty')}>
          <ul className="today-list">
            {data.onboarding.map((o) => (
              <li key={o.account.id} className="today-row">
                <AccountCell account={o.account} />
                <span className="today-detail">
                  {o.nextStep ? t('today.nextStep', { title: displayTitle(o.nextStep.title, locale), date: fmt.date(o.nextStep.dueAt) }) : t('today.noNextStep')}
                </span>
                <span className="today-due">{t('today.checklist', { done: o.checklistDone, total: o.checklistTotal })}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
