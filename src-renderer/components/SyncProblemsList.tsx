import { useEffect, useId, useState } from 'react';
import type { SyncProblem } from '../../src-shared/ipc/sync-status';
import { errorText } from '../i18n/error-text';
import type { MessageKey } from '../../src-shared/i18n/messages-en';
import type { Translate } from '../../src-shared/i18n/translate';
import { useT } from '../i18n/use-t';
import { useSyncStore } from '../stores/sync-store';

const ENTITY_KEYS: Readonly<Record<string, MessageKey>> = {
  notes: 'entity.notes',
  touchpoints: 'entity.touchpoints',
  escalations: 'entity.escalations',
  escalation_events: 'entity.escalation_events',
  csm_sentiments: 'entity.csm_sentiments',
  qbr_plans: 'entity.qbr_plans',
  goals: 'entity.goals',
  onboarding_items: 'entity.onboarding_items',
  feedback: 'entity.feedback',
};

/** "Saved note on Acme": what the refused change was, in words. */
function describe(problem: SyncProblem, t: Translate): string {
  const entity = t(ENTITY_KEYS[problem.entity] ?? 'entity.other');
  const what = t(problem.op === 'delete' ? 'problems.delete' : 'problems.upsert', { entity });
  return t('problems.change', { what, account: problem.accountName ?? t('problems.unknownAccount') });
}

/** Offers a text file as a download (no file system access from the renderer; works in both shells). */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The changes the team server refused, each with its account and the server's reason, and Export. */
export function SyncProblemsList({ rejected }: { rejected: number }) {
  const { t, fmt } = useT();
  const { problems, problemsError, loadProblems, exportProblems } = useSyncStore();
  const [exported, setExported] = useState<string | null>(null);
  const headingId = useId();

  // Reloaded when the count moves (a round refused something new).
  useEffect(() => {
    void loadProblems();
  }, [loadProblems, rejected]);

  return (
    <section className="sync-problems" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('problems.title')}</h4>
      {problems.length === 0 ? (
        <p className="muted small">{t('problems.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('problems.intro')}</p>
          <ul className="problem-list">
            {problems.map((problem) => (
              <li key={problem.mutationId} className="problem-item">
                <span className="problem-what">{describe(problem, t)}</span>
                <span className="problem-reason">{t('problems.reason', { message: problem.message, code: problem.code })}</span>
                <span className="muted small">{t('problems.made', { date: fmt.dateTime(problem.createdAt) })}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              void exportProblems().then((file) => {
                if (!file) return;
                download(file.fileName, file.content);
                setExported(file.fileName);
              })
            }
          >
            {t('problems.export')}
          </button>
        </>
      )}
      {exported && (
        <p className="notice notice-success" role="status">
          {t('problems.exported', { file: exported })}
        </p>
      )}
      {problemsError && (
        <p className="form-error" role="alert" title={problemsError.message}>
          {t('problems.error', { message: errorText(problemsError, t) })}
        </p>
      )}
    </section>
  );
}
