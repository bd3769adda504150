import { useEffect, useId, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'wouter';
import { qbrDocument, type QbrPlanText } from '../../src-shared/qbr/qbr-document';
import { addUtcDays, utcQuarter } from '../../src-shared/schedule/utc-date';
import { invoke, toIpcError } from '../api/api-client';
import { base64Bytes, downloadFile } from '../components/download-file';
import { ErrorState } from '../components/ErrorState';
import { errorText } from '../i18n/error-text';
import { InlineForm } from '../components/InlineForm';
import { QbrDocumentView } from '../components/QbrDocumentView';
import { useT } from '../i18n/use-t';
import { afterWrite } from '../queries/account-query';
import { useOperation } from '../queries/query-client';
import { accountPath, goTo, qbrPath } from '../routes/paths';

/** Quarters a QBR can cover: from the contract's first quarter to this one, newest first (at most 12). */
function quarterChoices(contractStart: string | undefined, today: Date): string[] {
  const choices: string[] = [];
  const first = contractStart ? utcQuarter(new Date(contractStart)).key : null;
  for (let q = utcQuarter(today); choices.length < 12; q = utcQuarter(addUtcDays(q.start, -1))) {
    choices.push(q.key);
    if (q.key === first) break;
  }
  return choices;
}

/** The CSM's plan for next quarter and commentary, saved as the account's QBR for the quarter. */
function PlanEditor({ accountId, quarter, draft, onChange }: { accountId: string; quarter: string; draft: QbrPlanText; onChange: (next: QbrPlanText) => void }) {
  const { t, fmt } = useT();
  const ids = { plan: useId(), commentary: useId() };
  const save = useMutation({
    mutationFn: () => invoke('qbr.save', { accountId, quarter, ...draft }),
    onSuccess: ({ plan }) => afterWrite([plan.accountId]),
  });
  return (
    <section className="panel-section qbr-editor" aria-labelledby="qbr-editor-title">
      <h3 id="qbr-editor-title">{t('qbr.save')}</h3>
      <InlineForm submitLabel={t('qbr.save')} onSubmit={() => save.mutate()} onCancel={() => goTo(accountPath(accountId))} pending={save.isPending} error={save.error}>
        <label htmlFor={ids.plan} className="note-label">{t('qbr.planField')}</label>
        <textarea id={ids.plan} rows={6} maxLength={20_000} value={draft.nextPlan} onChange={(e) => onChange({ ...draft, nextPlan: e.target.value })} />
        <label htmlFor={ids.commentary} className="note-label">{t('qbr.commentaryField')}</label>
        <textarea id={ids.commentary} rows={4} maxLength={20_000} value={draft.commentary} onChange={(e) => onChange({ ...draft, commentary: e.target.value })} />
      </InlineForm>
      {save.isSuccess && <p className="muted" role="status">{t('qbr.saved', { when: fmt.dateTime(save.data.plan.updatedAt) })}</p>}
    </section>
  );
}

/** Saves the text being written, then exports the pack as a file in the reader's language. */
function ExportButtons({ accountId, quarter, draft, saved }: { accountId: string; quarter: string; draft: QbrPlanText; saved: QbrPlanText | null }) {
  const { t, locale } = useT();
  const exportFile = useMutation({
    mutationFn: async (format: 'pdf' | 'html') => {
      // Unchanged text needs no second write (and no second sync mutation) before the export's own.
      const unchanged = draft.nextPlan === (saved?.nextPlan ?? '') && draft.commentary === (saved?.commentary ?? '');
      if (!unchanged) await invoke('qbr.save', { accountId, quarter, ...draft });
      return invoke('qbr.export', { accountId, quarter, locale, format });
    },
    onSuccess: (file) => {
      const bytes = base64Bytes(file.base64);
      downloadFile(file.fileName, bytes, file.mimeType);
      void afterWrite([file.accountId]);
    },
  });
  return (
    <div className="qbr-exports" role="group" aria-label={t('qbr.exportsLabel')}>
      {(['pdf', 'html'] as const).map((format) => (
        <button key={format} type="button" className="button-primary button-small" disabled={exportFile.isPending} onClick={() => exportFile.mutate(format)}>
          {exportFile.isPending && exportFile.variables === format ? t('qbr.exporting') : t(format === 'pdf' ? 'qbr.exportPdf' : 'qbr.exportHtml')}
        </button>
      ))}
      {exportFile.error && <p className="form-error" role="alert">{t('qbr.exportError', { message: errorText(toIpcError(exportFile.error), t) })}</p>}
    </div>
  );
}

/** The QBR builder (#/accounts/ID/qbr/2026-Q4): the pack built from local data, previewed as it exports. */
export function QbrView({ accountId, quarter }: { accountId: string; quarter: string }) {
  const { t, locale } = useT();
  const { data, error, refetch } = useOperation('qbr.pack', { accountId, quarter }, accountId);
  const [draft, setDraft] = useState<QbrPlanText | null>(null);
  const quarterId = useId();
  // The saved text fills the editor once; later refetches (after a save) leave what is being typed.
  useEffect(() => {
    if (data && draft === null) setDraft({ nextPlan: data.plan?.nextPlan ?? '', commentary: data.plan?.commentary ?? '' });
  }, [data, draft]);
  const doc = useMemo(() => (data ? qbrDocument(data.pack, draft, locale) : null), [data, draft, locale]);
  useEffect(() => {
    if (doc) document.title = `${doc.title} — ${t('app.title')}`;
  }, [doc, t]);
  const choices = quarterChoices(data?.pack.account.contractStart, new Date());

  return (
    <article className="qbr-page account-page" aria-labelledby="qbr-title">
      <header className="page-header">
        <Link href={accountPath(accountId)} className="back-link">{t('brief.toAccount')}</Link>
        <h2 id="qbr-title" className="page-title">{doc?.title ?? t('qbr.loading')}</h2>
        <label htmlFor={quarterId} className="qbr-quarter-label">{t('qbr.quarter')}</label>
        <select id={quarterId} value={quarter} onChange={(e) => goTo(qbrPath(accountId, e.target.value))}>
          {(choices.includes(quarter) ? choices : [quarter, ...choices]).map((q) => <option key={q} value={q}>{q}</option>)}
        </select>
      </header>
      {error && <ErrorState title={t('qbr.error', { message: toIpcError(error).message })} error={toIpcError(error)} onRetry={() => void refetch()} />}
      {!data && !error && <p className="muted state" role="status">{t('qbr.loading')}</p>}
      {doc && draft && (
        <div className="qbr-body">
          <div className="qbr-toolbar">
            <p className="muted qbr-subtitle">
              {doc.subtitle} · {doc.dataAsOf}
            </p>
            <ExportButtons accountId={accountId} quarter={quarter} draft={draft} saved={data?.plan ?? null} />
          </div>
          <QbrDocumentView doc={doc} />
          <PlanEditor accountId={accountId} quarter={quarter} draft={draft} onChange={setDraft} />
        </div>
      )}
    </article>
  );
}
