import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type { IpcRequest } from '../../src-shared/ipc/contract';
import type { Goal } from '../../src-shared/ipc/plan-schemas';
import { ONBOARDING_CHECKLIST } from '../../src-shared/schedule/onboarding-checklist';
import { PHASE_LABELS } from '../../src-shared/schedule/labels';
import { invoke, toIpcError } from '../api/api-client';
import { InlineForm } from './InlineForm';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { afterWrite } from '../queries/account-query';
import { useOperation } from '../queries/query-client';
import { useMayChange } from '../stores/use-may-change';

const STATUSES = ['not_started', 'in_progress', 'done', 'missed'] as const;

function useSaveGoal() {
  return useMutation({
    mutationFn: (request: IpcRequest<'goals.save'>) => invoke('goals.save', request),
    onSuccess: ({ goal }) => afterWrite([goal.accountId]),
  });
}

/** Adds a goal, or edits one: title, target, due day, status and progress. */
function GoalForm({ accountId, goal, onDone }: { accountId: string; goal?: Goal; onDone: () => void }) {
  const { t } = useT();
  const save = useSaveGoal();
  const [title, setTitle] = useState(goal?.title ?? '');
  const [target, setTarget] = useState(goal?.target ?? '');
  const [dueAt, setDueAt] = useState(goal?.dueAt?.slice(0, 10) ?? '');
  const [status, setStatus] = useState<Goal['status']>(goal?.status ?? 'not_started');
  const [progress, setProgress] = useState(goal?.progress ?? 0);
  const [id] = useState(() => goal?.id ?? uuidv7());
  const ids = { title: useId(), target: useId(), due: useId(), status: useId(), progress: useId() };
  return (
    <InlineForm
      submitLabel={t('goals.save')}
      onSubmit={() => save.mutate({ id, accountId, title, target: target.trim() ? target : null, dueAt: dueAt || null, status, progress }, { onSuccess: onDone })}
      onCancel={onDone}
      pending={save.isPending}
      disabled={title.trim() === ''}
      error={save.error}
    >
      <label htmlFor={ids.title} className="note-label">{t('goals.titleField')}</label>
      <input id={ids.title} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} autoFocus required />
      <label htmlFor={ids.target} className="note-label">{t('goals.target')}</label>
      <input id={ids.target} value={target} maxLength={2000} onChange={(e) => setTarget(e.target.value)} />
      <div className="form-row">
        <label htmlFor={ids.due}>{t('goals.due')}</label>
        <input id={ids.due} type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
        <label htmlFor={ids.status}>{t('goals.status')}</label>
        <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as Goal['status'])}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{t(`goals.status.${s}`)}</option>
          ))}
        </select>
        <label htmlFor={ids.progress}>{t('goals.progress')}</label>
        <input id={ids.progress} type="range" min={0} max={100} step={5} value={progress} onChange={(e) => setProgress(Number(e.target.value))} />
        <output htmlFor={ids.progress}>{progress}%</output>
      </div>
    </InlineForm>
  );
}

/** The success plan: goals with their progress, added, edited and completed in place. */
export function GoalsSection({ accountId }: { accountId: string }) {
  const { t, fmt } = useT();
  const { data } = useOperation('plan.ofAccount', { accountId }, accountId);
  const mayChange = useMayChange(accountId, null);
  const [editing, setEditing] = useState<string | null>(null);
  const goals = data?.goals ?? [];
  return (
    <section className="panel-section" aria-labelledby="goals-title">
      <h3 id="goals-title">{t('goals.title')}</h3>
      {mayChange && editing !== 'new' && (
        <button type="button" className="button-secondary button-small section-action" onClick={() => setEditing('new')}>{t('goals.add')}</button>
      )}
      {editing === 'new' && <GoalForm accountId={accountId} onDone={() => setEditing(null)} />}
      {goals.length === 0 && editing !== 'new' && <p className="muted">{t('goals.none')}</p>}
      <ul className="goal-list">
        {goals.map((goal) =>
          editing === goal.id ? (
            <li key={goal.id}><GoalForm accountId={accountId} goal={goal} onDone={() => setEditing(null)} /></li>
          ) : (
            <li key={goal.id} className={`goal goal-${goal.status}`}>
              <div className="goal-head">
                <span className="goal-title">{goal.title}</span>
                <span className={`pill goal-status-${goal.status}`}>{t(`goals.status.${goal.status}`)}</span>
                {mayChange && <button type="button" className="button-link" onClick={() => setEditing(goal.id)}>{t('goals.edit')}</button>}
              </div>
              <div className="goal-progress" role="progressbar" aria-valuenow={goal.progress} aria-valuemin={0} aria-valuemax={100} aria-label={t('goals.progressOf', { title: goal.title })}>
                <span style={{ width: `${goal.progress}%` }} />
              </div>
              <p className="muted small">
                {goal.target && `${goal.target} · `}
                {t('goals.progressValue', { n: goal.progress })}
                {goal.dueAt && ` · ${t('goals.dueOn', { date: fmt.date(goal.dueAt) })}`}
              </p>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

/** The 15-item onboarding checklist by phase, ticked in place (accounts in onboarding). */
export function OnboardingSection({ accountId }: { accountId: string }) {
  const { t, locale } = useT();
  const { data } = useOperation('plan.ofAccount', { accountId }, accountId);
  const mayChange = useMayChange(accountId, null);
  const set = useMutation({
    mutationFn: (request: IpcRequest<'onboarding.setItem'>) => invoke('onboarding.setItem', request),
    onSuccess: ({ accountId: changed }) => afterWrite([changed]),
  });
  const done = new Set((data?.checklist ?? []).filter((i) => i.doneAt).map((i) => i.itemKey));
  const phases = ['preparation', 'go_live', 'optimization'] as const;
  return (
    <section className="panel-section" aria-labelledby="onboarding-title">
      <h3 id="onboarding-title">{t('onboarding.title', { done: done.size, total: ONBOARDING_CHECKLIST.length })}</h3>
      {set.error && <p className="form-error" role="alert">{errorText(toIpcError(set.error), t)}</p>}
      {phases.map((phase) => (
        <fieldset key={phase} className="checklist-phase">
          <legend>{PHASE_LABELS[phase][locale]}</legend>
          {ONBOARDING_CHECKLIST.filter((item) => item.phase === phase).map((item) => (
            <label key={item.key} className="checklist-item">
              <input
                type="checkbox"
                checked={done.has(item.key)}
                disabled={!mayChange || set.isPending}
                onChange={(e) => set.mutate({ accountId, itemKey: item.key, done: e.target.checked })}
              />
              {item.label[locale]}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
