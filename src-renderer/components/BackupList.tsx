import { useEffect, useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { useAppStatusStore } from '../stores/app-status-store';

/** Megabytes with one decimal: backups are a few MB to a GB. */
const MEGABYTE = 1_000_000;

/**
 * The automatic backups of the user's book, newest first, each with Restore behind an inline
 * confirmation (restoring replaces the open book; the replaced file is kept aside).
 */
export function BackupList({ allowCreate }: { allowCreate: boolean }) {
  const { t, fmt } = useT();
  const { backups, backupsError, busy, error, loadBackups, createBackup, restore } = useAppStatusStore();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const problem = backupsError ?? error;
  return (
    <div className="backups">
      <p className="muted small">{t('backups.intro')}</p>
      {allowCreate && (
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void createBackup()}>
          {busy ? t('backups.working') : t('backups.createNow')}
        </button>
      )}
      {problem && (
        <p className="form-error" role="alert" title={problem.message}>
          {t('backups.error', { message: errorText(problem, t) })}
        </p>
      )}
      {restored && (
        <p className="notice notice-success" role="status">
          {t('backups.restored', { date: restored })}
        </p>
      )}
      {backups.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('backups.title')}>
          {backups.map((backup) => {
            const date = fmt.dateTime(backup.createdAt);
            return (
              <li key={backup.name} className="backup-item">
                <span className="backup-date">{date}</span>
                <span className="muted small">{t('backups.size', { size: fmt.decimal1(backup.bytes / MEGABYTE) })}</span>
                {confirming === backup.name ? (
                  <span className="backup-confirm" role="group" aria-label={t('backups.confirm', { date })}>
                    <span className="small">{t('backups.confirm', { date })}</span>
                    <button
                      type="button"
                      className="button-primary"
                      disabled={busy}
                      onClick={() => {
                        setConfirming(null);
                        void restore(backup.name).then(() => {
                          if (!useAppStatusStore.getState().error) setRestored(date);
                        });
                      }}
                    >
                      {t('backups.confirmYes')}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
                      {t('backups.cancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={busy}
                    aria-label={t('backups.restoreLabel', { date })}
                    onClick={() => setConfirming(backup.name)}
                  >
                    {t('backups.restore')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
