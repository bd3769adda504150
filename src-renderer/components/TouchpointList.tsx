import type { Touchpoint } from '../../src-shared/domain/entities';
import { isOverdue } from '../../src-shared/schedule/work-queue';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { toIpcError } from '../api/api-client';
import { useCompleteTouchpoint } from '../queries/account-query';
import { useMayChange } from '../stores/use-may-change';

/** Overdue = due before today and not done (DESIGN §4.4): the engine's rule, as in the table. */
function overdue(tp: Touchpoint, today: Date): boolean {
  return isOverdue({ dueAt: new Date(tp.dueAt), status: tp.status }, today);
}

/** The account's planned touchpoints, soonest first, each one click away from done. */
export function TouchpointList({ touchpoints, asOf, accountId }: { touchpoints: Touchpoint[]; asOf: Date; accountId: string }) {
  const { t, fmt } = useT();
  // A manager reads a report's touchpoints: they are the CSM's to complete.
  const mayChange = useMayChange(accountId, null);
  const completion = useCompleteTouchpoint();
  const actionError = completion.error ? toIpcError(completion.error) : null;
  // Main's clock, as the portfolio table uses, so both always agree on what is overdue.
  const today = asOf;
  return (
    <section className="panel-section" aria-labelledby="panel-touchpoints-title">
      <h3 id="panel-touchpoints-title">{t('touchpoints.title')}</h3>
      {actionError && (
        <p className="form-error" role="alert" title={actionError.message}>
          {t('touchpoints.error', { message: errorText(actionError, t) })}
        </p>
      )}
      {touchpoints.length === 0 ? (
        <p className="muted">{t('touchpoint.none')}</p>
      ) : (
        <ul className="touchpoint-list" aria-label={t('touchpoints.title')}>
          {touchpoints.map((tp) => {
            const late = overdue(tp, today);
            const busy = completion.isPending && completion.variables === tp.id;
            return (
              <li key={tp.id} className="touchpoint" data-touchpoint-id={tp.id}>
                <span className="tp-kind">{t(`touchpointKind.${tp.kind}`)}</span>
                <span className="tp-title" title={tp.title}>{tp.title}</span>
                <span className={late ? 'tp-due is-overdue' : 'tp-due'}>{fmt.date(tp.dueAt)}</span>
                {late && <span className="badge badge-overdue">{t('touchpoint.overdue')}</span>}
                {mayChange && (
                  <button
                    type="button"
                    className="button-secondary button-small"
                    disabled={busy}
                    aria-label={t('touchpoints.markDoneLabel', { title: tp.title })}
                    onClick={() => completion.mutate(tp.id)}
                  >
                    {busy ? t('touchpoints.marking') : t('touchpoints.markDone')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
