import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useAppStatusStore } from '../stores/app-status-store';
import { BackupList } from './BackupList';
import { TeamServerSection } from './TeamServerSection';

/** The Settings button in the header and its dialog (team server and sync problems, backups and Restore). */
export function SettingsButton() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const workspace = useAppStatusStore((s) => s.status?.workspace ?? null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  const close = (): void => {
    dialogRef.current?.close();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <>
      <button ref={buttonRef} type="button" className="header-button" onClick={() => setOpen(true)}>
        {t('settings.open')}
      </button>
      {open && (
        <dialog
          ref={dialogRef}
          className="settings-dialog"
          aria-labelledby={titleId}
          onCancel={(event) => {
            event.preventDefault();
            close();
          }}
        >
          <header className="panel-header">
            <h2 id={titleId} className="panel-title">
              {t('settings.title')}
            </h2>
            <button type="button" className="button-secondary" onClick={close}>
              {t('settings.close')}
            </button>
          </header>
          <TeamServerSection headingId={`${titleId}-team`} />
          <section aria-labelledby={`${titleId}-backups`}>
            <h3 id={`${titleId}-backups`}>{t('backups.title')}</h3>
            {workspace === 'demo' && <p className="muted small">{t('backups.demoNote')}</p>}
            <BackupList allowCreate={workspace === 'real'} />
          </section>
        </dialog>
      )}
    </>
  );
}
