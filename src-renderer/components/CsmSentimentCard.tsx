import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type { CsmRating, CsmSentiment } from '../../src-shared/domain/entities';
import type { IpcRequest } from '../../src-shared/ipc/contract';
import { invoke } from '../api/api-client';
import { InlineForm } from './InlineForm';
import { useT } from '../i18n/use-t';
import { afterWrite } from '../queries/account-query';
import { useOperation } from '../queries/query-client';

const RATINGS: readonly CsmRating[] = ['green', 'amber', 'red'];

function useRecordSentiment() {
  return useMutation({
    mutationFn: (request: IpcRequest<'sentiment.record'>) => invoke('sentiment.record', request),
    onSuccess: ({ sentiment }) => afterWrite([sentiment.accountId]),
  });
}

/** Red / amber / green and the reason, which is required: a judgement nobody can explain helps no one. */
function SentimentForm({ accountId, current, onDone }: { accountId: string; current: CsmSentiment | null; onDone: () => void }) {
  const { t } = useT();
  const record = useRecordSentiment();
  const [rating, setRating] = useState<CsmRating>(current?.rating ?? 'green');
  const [reason, setReason] = useState('');
  const [id] = useState(() => uuidv7());
  const reasonId = useId();
  return (
    <InlineForm
      submitLabel={t('sentiment.save')}
      onSubmit={() => record.mutate({ id, accountId, rating, reason }, { onSuccess: onDone })}
      onCancel={onDone}
      pending={record.isPending}
      disabled={reason.trim() === ''}
      error={record.error}
    >
      <fieldset className="sentiment-choices">
        <legend className="note-label">{t('sentiment.rating')}</legend>
        {RATINGS.map((r) => (
          <label key={r} className={`sentiment-choice sentiment-${r}`}>
            <input type="radio" name={`sentiment-${id}`} value={r} checked={rating === r} onChange={() => setRating(r)} />
            {t(`sentiment.rating.${r}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={reasonId} className="note-label">{t('sentiment.reason')}</label>
      <textarea id={reasonId} value={reason} maxLength={2000} rows={2} onChange={(e) => setReason(e.target.value)} required autoFocus />
    </InlineForm>
  );
}

/**
 * The CSM's own read of the account beside the computed score (never replacing it): the current
 * rating with its reason, who said it and when, the earlier ones, and a way to record a new one.
 */
export function CsmSentimentCard({ accountId }: { accountId: string }) {
  const { t, fmt } = useT();
  const { data } = useOperation('sentiment.ofAccount', { accountId }, accountId);
  const [editing, setEditing] = useState(false);
  const current = data?.current ?? null;
  const earlier = data?.history.slice(1) ?? [];
  const byline = (s: CsmSentiment) => (s.authorName ? t('sentiment.byline', { who: s.authorName, when: fmt.date(s.at) }) : fmt.date(s.at));
  return (
    <section className="csm-sentiment" aria-labelledby="sentiment-title">
      <h3 id="sentiment-title" className="health-big-label">{t('sentiment.title')}</h3>
      {current ? (
        <p className="sentiment-current" data-testid="csm-sentiment">
          <span className={`sentiment-pill sentiment-${current.rating}`}>{t(`sentiment.rating.${current.rating}`)}</span>
          <span className="sentiment-reason">{current.reason}</span>
          <span className="sentiment-byline">{byline(current)}</span>
        </p>
      ) : (
        <p className="muted sentiment-none">{t('sentiment.none')}</p>
      )}
      {editing ? (
        <SentimentForm accountId={accountId} current={current} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" className="button-secondary button-small" onClick={() => setEditing(true)}>
          {current ? t('sentiment.change') : t('sentiment.set')}
        </button>
      )}
      {earlier.length > 0 && (
        <details className="sentiment-history">
          <summary>{t('sentiment.earlier', { n: earlier.length })}</summary>
          <ol>
            {earlier.map((s) => (
              <li key={s.id}>
                <span className={`sentiment-pill sentiment-${s.rating}`}>{t(`sentiment.rating.${s.rating}`)}</span> {s.reason}{' '}
                <span className="sentiment-byline">{byline(s)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
