import { useState } from 'react';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../src-shared/ipc/timeline-schemas';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { useT, type I18n } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';

function entryText(entry: TimelineEntry, { t, locale }: I18n): string {
  switch (entry.kind) {
    case 'touchpoint':
      return `${t(`touchpointKind.${entry.touchpointKind as 'call'}`)} · ${displayTitle(entry.title, locale)} — ${t(`timeline.status.${entry.status}`)}${entry.outcome ? `: ${entry.outcome}` : ''}`;
    case 'note':
      return `${entry.authorName ? `${entry.authorName}: ` : ''}${entry.excerpt}`;
    case 'escalation':
      return `${entry.fromLevel === null ? t('escalation.event.opened', { to: entry.toLevel }) : entry.fromLevel === entry.toLevel ? t('escalation.event.resolved') : t('escalation.event.moved', { from: entry.fromLevel, to: entry.toLevel })} — ${entry.why}`;
    case 'survey':
      return `${entry.surveyKind.toUpperCase()} ${entry.score}${entry.comment ? ` — “${entry.comment}”` : ''}`;
    case 'sentiment':
      return `${entry.authorName ? `${entry.authorName}: ` : ''}${t(`sentiment.rating.${entry.rating}`)} — ${entry.reason}`;
  }
}

/** One timeline of what happened on the account (touchpoints, notes, escalations, surveys, sentiments), with filters. */
export function TimelineSection({ accountId }: { accountId: string }) {
  const i18n = useT();
  const { t, fmt } = i18n;
  const { data } = useOperation('account.timeline', { accountId }, accountId);
  const [shown, setShown] = useState<ReadonlySet<TimelineKind>>(new Set(TIMELINE_KINDS));
  const entries = (data?.entries ?? []).filter((e) => shown.has(e.kind));
  return (
    <section className="panel-section is-wide" aria-labelledby="timeline-title">
      <h3 id="timeline-title">{t('timeline.title')}</h3>
      <fieldset className="timeline-filters">
        <legend className="visually-hidden">{t('timeline.filter')}</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} className="filter-toggle">
            <input
              type="checkbox"
              checked={shown.has(kind)}
              onChange={(e) => {
                const next = new Set(shown);
                if (e.target.checked) next.add(kind);
                else next.delete(kind);
                setShown(next);
              }}
            />
            {t(`timeline.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      {entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('timeline.title')} tabIndex={0}>
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`} className={`timeline-entry timeline-${entry.kind}`}>
              <span className="timeline-when">{fmt.date(entry.at)}</span>
              <span className={`badge timeline-badge-${entry.kind}`}>{t(`timeline.kind.${entry.kind}`)}</span>
              <span className="timeline-text">{entryText(entry, i18n)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
