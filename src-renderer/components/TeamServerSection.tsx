import { useId, useState, type FormEvent } from 'react';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import { errorText } from '../i18n/error-text';
import type { Translate } from '../../src-shared/i18n/translate';
import { useT } from '../i18n/use-t';
import { useAppStatusStore } from '../stores/app-status-store';
import { useSyncStore } from '../stores/sync-store';
import { syncStateText } from './SyncStatusBadge';
import { SyncProblemsList } from './SyncProblemsList';

/** A sign-in error in words; a refused address gets its own hint rather than the field name. */
function signInErrorText(error: IpcError, t: Translate): string {
  if (error.code === 'VALIDATION' && error.field === 'serverUrl') return t('team.badUrl');
  return errorText(error, t);
}

function SignInForm() {
  const { t } = useT();
  const { busy, error, signIn } = useSyncStore();
  const [serverUrl, setServerUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void signIn({ serverUrl, email, password }).then((ok) => ok && setPassword(''));
  };
  return (
    <form className="team-form" onSubmit={submit}>
      <p className="muted small">{t('team.intro')}</p>
      <label htmlFor={`${id}-url`}>{t('team.serverUrl')}</label>
      <input id={`${id}-url`} type="url" required autoComplete="url" placeholder="https://sync.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
      <label htmlFor={`${id}-email`}>{t('team.email')}</label>
      <input id={`${id}-email`} type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor={`${id}-password`}>{t('team.password')}</label>
      <input id={`${id}-password`} type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <div className="team-actions">
        <button type="submit" className="button-primary" disabled={busy !== null}>
          {busy === 'signIn' ? t('team.signingIn') : t('team.signIn')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" title={error.message}>
          {t('team.signInFailed', { message: signInErrorText(error, t) })}
        </p>
      )}
    </form>
  );
}

function SignedIn({ status }: { status: SyncStatus & { user: NonNullable<SyncStatus['user']> } }) {
  const i18n = useT();
  const { t, fmt } = i18n;
  const { busy, error, unsynced, syncNow, signOut, cancelSignOut } = useSyncStore();
  const isDemo = useAppStatusStore((s) => s.status?.workspace === 'demo');
  const state = syncStateText(status, i18n, Date.now());
  return (
    <div className="team-signed-in">
      <p>{t('team.signedInAs', { name: status.user.name, email: status.user.email, role: t(`team.role.${status.user.role}`) })}</p>
      {isDemo && <p className="muted small">{t('team.demoNote')}</p>}
      <dl className="team-facts">
        <dt>{t('team.server')}</dt>
        <dd>{status.serverUrl}</dd>
        <dt>{t('team.state')}</dt>
        <dd>{state.short}</dd>
        <dt>{t('team.lastSynced')}</dt>
        <dd>{status.lastSyncedAt ? fmt.dateTime(status.lastSyncedAt) : t('team.neverSynced')}</dd>
        <dt>{t('team.pending')}</dt>
        <dd>{fmt.number(status.pending)}</dd>
        <dt>{t('team.rejected')}</dt>
        <dd>{fmt.number(status.rejected)}</dd>
      </dl>
      {status.error && (
        <p className="form-error" title={status.error.message}>
          {t('team.syncError', { message: status.error.message })}
        </p>
      )}
      {unsynced !== null ? (
        <div className="team-confirm" role="group" aria-label={t('team.unsynced', { n: unsynced })}>
          <p className="small">
            <strong>{t('team.unsynced', { n: unsynced })}</strong> {t('team.unsyncedHelp')}
          </p>
          <div className="team-actions">
            <button type="button" className="button-primary" disabled={busy !== null} onClick={() => void syncNow()}>
              {t('team.syncNow')}
            </button>
            <button type="button" className="button-danger" disabled={busy !== null} onClick={() => void signOut(true)}>
              {t('team.discardAndSignOut')}
            </button>
            <button type="button" className="button-secondary" onClick={cancelSignOut}>
              {t('team.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="team-actions">
          <button type="button" className="button-secondary" disabled={busy !== null || isDemo} onClick={() => void syncNow()}>
            {busy === 'syncNow' ? t('team.syncing') : t('team.syncNow')}
          </button>
          <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void signOut()}>
            {busy === 'signOut' ? t('team.signingOut') : t('team.signOut')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" title={error.message}>
          {t('team.error', { message: errorText(error, t) })}
        </p>
      )}
      {!isDemo && <SyncProblemsList rejected={status.rejected} />}
    </div>
  );
}

/** Settings' "Team server": sign in, or who is signed in where, sync now, sign out and sync problems. */
export function TeamServerSection({ headingId }: { headingId: string }) {
  const { t } = useT();
  const status = useSyncStore((s) => s.status);
  return (
    <section aria-labelledby={headingId} className="team-server">
      <h3 id={headingId}>{t('team.title')}</h3>
      {status?.user ? <SignedIn status={{ ...status, user: status.user }} /> : <SignInForm />}
    </section>
  );
}
