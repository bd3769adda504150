import { useEffect } from 'react';
import { Link } from 'wouter';
import { commitmentsIn } from '../../src-shared/search/next-steps';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { BAND_LABELS, METRIC_LABELS, SIGNAL_LABELS, TIER_LABELS } from '../../src-shared/scoring/labels';
import { healthChanges } from '../../src-shared/scoring/health-change';
import { toIpcError } from '../api/api-client';
import { ErrorState } from '../components/ErrorState';
import { useT } from '../i18n/use-t';
import { useAccountDetail } from '../queries/account-query';
import { useOperation } from '../queries/query-client';
import { accountPath } from '../routes/paths';

/** Touchpoints, notes read for commitments, and what-changed lines a brief shows. */
const LAST_TOUCHPOINTS = 3;
const NOTES_READ = 10;
const CHANGES_SHOWN = 3;
const COMMITMENTS_SHOWN = 8;

/** One printable screen to read before a call, built from the local store alone. */
export function AccountBriefView({ accountId }: { accountId: string }) {
  const { t, fmt, locale } = useT();
  const { data: detail, error, refetch } = useAccountDetail(accountId);
  const { data: plan } = useOperation('plan.ofAccount', { accountId }, accountId);
  const { data: timeline } = useOperation('account.timeline', { accountId, limit: 100 }, accountId);
  const { data: notes } = useOperation('notes.list', { accountId, limit: NOTES_READ }, accountId);
  const { data: sentiment } = useOperation('sentiment.ofAccount', { accountId }, accountId);
  useEffect(() => {
    if (detail) document.title = `${t('brief.title', { name: detail.account.name })} — ${t('app.title')}`;
  }, [detail, t]);
  if (error) return <ErrorState title={t('panel.error.title')} error={toIpcError(error)} onRetry={() => void refetch()} />;
  if (!detail) return <p className="muted" role="status">{t('panel.loading')}</p>;

  const { account, health, risk, signals } = detail;
  const held = (timeline?.entries ?? []).filter((e) => e.kind === 'touchpoint' && e.status === 'done').slice(0, LAST_TOUCHPOINTS);
  // Newest first, each commitment once (a step repeated call after call is still one step).
  const seen = new Set<string>();
  const commitments = (notes?.notes ?? [])
    .flatMap((note) => commitmentsIn(note.body).map((text) => ({ text, at: note.createdAt, id: note.id })))
    .filter((c) => !seen.has(c.text.toLowerCase()) && seen.add(c.text.toLowerCase()))
    .slice(0, COMMITMENTS_SHOWN);
  const changes = healthChanges(health, detail.healthBefore).filter((c) => Math.abs(c.pointsDelta) >= 0.5).slice(0, CHANGES_SHOWN);
  const stakeholders = detail.contacts.filter((c) => !c.departedAt);
  const openGoals = (plan?.goals ?? []).filter((g) => g.status !== 'done' && g.status !== 'missed');

  return (
    <article className="brief" aria-labelledby="brief-title">
      <header className="brief-head">
        <h1 id="brief-title">{t('brief.title', { name: account.name })}</h1>
        <p className="muted">
          {t('brief.facts', {
            arr: fmt.currency(account.arr),
            renewal: fmt.date(account.renewalDate),
            days: signals.daysToRenewal,
            health: health.score ?? '—',
            tier: TIER_LABELS[locale][health.tier],
            risk: BAND_LABELS[locale][risk.band],
          })}
        </p>
        {sentiment?.current && (
          <p data-testid="brief-sentiment">
            {t('sentiment.title')}: <span className={`sentiment-pill sentiment-${sentiment.current.rating}`}>{t(`sentiment.rating.${sentiment.current.rating}`)}</span>{' '}
            {sentiment.current.reason}
          </p>
        )}
        <div className="brief-actions no-print">
          <Link href={accountPath(accountId)} className="back-link">{t('brief.toAccount')}</Link>
          <button type="button" className="button-secondary button-small" onClick={() => window.print()}>{t('brief.print')}</button>
        </div>
      </header>
      <div className="brief-grid">
        <section aria-labelledby="brief-last">
          <h2 id="brief-last">{t('brief.lastTouchpoints')}</h2>
          {held.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{held.map((e) => e.kind === 'touchpoint' && (
              <li key={e.id}>{fmt.date(e.at)} · {displayTitle(e.title, locale)}{e.outcome ? ` — ${e.outcome}` : ''}{e.sentiment ? ` (${t(`sentiment.${e.sentiment}`)})` : ''}</li>
            ))}</ul>
          )}
        </section>
        <section aria-labelledby="brief-commitments">
          <h2 id="brief-commitments">{t('brief.commitments')}</h2>
          {commitments.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{commitments.map((c, i) => <li key={`${c.id}-${i}`}>{c.text} <span className="muted small">({fmt.date(c.at)})</span></li>)}</ul>
          )}
        </section>
        <section aria-labelledby="brief-changed">
          <h2 id="brief-changed">{t('brief.changed', { days: detail.scoringConfig.health.trendWindowDays })}</h2>
          {changes.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{changes.map((c) => <li key={c.key}>{METRIC_LABELS[locale][c.key]}: {c.pointsDelta > 0 ? '+' : '−'}{fmt.decimal1(Math.abs(c.pointsDelta))} {t('brief.points')}</li>)}</ul>
          )}
        </section>
        <section aria-labelledby="brief-risks">
          <h2 id="brief-risks">{t('brief.risks')}</h2>
          {risk.signals.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{risk.signals.map((s) => <li key={s.key}>{SIGNAL_LABELS[locale][s.key as keyof (typeof SIGNAL_LABELS)['en']]}</li>)}</ul>
          )}
        </section>
        <section aria-labelledby="brief-escalations">
          <h2 id="brief-escalations">{t('brief.escalations')}</h2>
          {detail.openEscalations.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{detail.openEscalations.map((e) => <li key={e.id}>{t('account.escalationLevel', { level: e.level })} — {e.reason}</li>)}</ul>
          )}
        </section>
        <section aria-labelledby="brief-goals">
          <h2 id="brief-goals">{t('goals.title')}</h2>
          {openGoals.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{openGoals.map((g) => <li key={g.id}>{g.title} — {t('goals.progressValue', { n: g.progress })}{g.dueAt ? `, ${t('goals.dueOn', { date: fmt.date(g.dueAt) })}` : ''}</li>)}</ul>
          )}
        </section>
        <section aria-labelledby="brief-people">
          <h2 id="brief-people">{t('brief.stakeholders')}</h2>
          {stakeholders.length === 0 ? <p className="muted">{t('brief.none')}</p> : (
            <ul>{stakeholders.map((c) => <li key={c.id}>{c.name}{c.role ? `, ${c.role}` : ''}{c.isChampion ? ` (${t('contacts.champion')})` : ''}</li>)}</ul>
          )}
        </section>
      </div>
    </article>
  );
}
