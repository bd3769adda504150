import type { StoreProblem } from '../../src-shared/ipc/app-status';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { useAppStatusStore } from '../stores/app-status-store';
import { BackupList } from './BackupList';

function DemoButton({ primary }: { primary: boolean }) {
  const { t } = useT();
  const { busy, openDemo } = useAppStatusStore();
  return (
    <button type="button" className={primary ? 'button-primary' : 'button-secondary'} disabled={busy} onClick={() => void openDemo()}>
      {busy ? t('welcome.opening') : t('welcome.demo')}
    </button>
  );
}

/** The first start without data: nothing is created until the CSM chooses. */
export function WelcomeScreen() {
  const { t } = useT();
  const error = useAppStatusStore((s) => s.error);
  return (
    <section className="state workspace-screen" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.body')}</p>
      <DemoButton primary />
      <p className="muted small">{t('welcome.signInLater')}</p>
      {error && (
        <p className="form-error" role="alert" title={error.message}>
          {errorText(error, t)}
        </p>
      )}
    </section>
  );
}

/** A store that cannot be used: what is wrong, which file, what to do; the file itself is left as it is. */
export function StoreProblemScreen({ problem }: { problem: StoreProblem }) {
  const { t } = useT();
  const { busy, reopen } = useAppStatusStore();
  return (
    <section className="state state-error workspace-screen" role="alert" aria-labelledby="problem-title">
      <h2 id="problem-title">{t('problem.title')}</h2>
      <p>{errorText({ code: problem.code, message: problem.detail }, t)}</p>
      <p className="problem-file">
        {t('problem.file')} <code>{problem.file}</code>
      </p>
      <details>
        <summary>{t('problem.details')}</summary>
        <pre className="problem-detail">{problem.detail}</pre>
      </details>
      <div className="workspace-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void reopen()}>
          {t('problem.retry')}
        </button>
        <DemoButton primary={false} />
      </div>
      <h3>{t('backups.title')}</h3>
      <BackupList allowCreate={false} />
    </section>
  );
}
