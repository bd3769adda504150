import { useEffect, useState } from 'react';
import { forgivingLocalStorage } from '../stores/browser-storage';
import { useT } from '../i18n/use-t';

const NOTIFIED_KEY = 'csm.remindedDay';

function notificationsAvailable(): boolean {
  return typeof Notification !== 'undefined';
}

/**
 * A desktop notification, once a day, of the touchpoints due today and overdue (Electron shows the
 * renderer's notifications natively; a browser asks first, from the button this renders).
 */
export function DueReminders({ due, overdue, day }: { due: number; overdue: number; day: string }) {
  const { t } = useT();
  const [permission, setPermission] = useState(() => (notificationsAvailable() ? Notification.permission : 'denied'));

  useEffect(() => {
    if (permission !== 'granted' || due + overdue === 0) return;
    if (forgivingLocalStorage.getItem(NOTIFIED_KEY) === day) return;
    forgivingLocalStorage.setItem(NOTIFIED_KEY, day);
    new Notification(t('reminders.title'), { body: t('reminders.body', { due, overdue }), tag: `csm-due-${day}` });
  }, [permission, due, overdue, day, t]);

  if (!notificationsAvailable() || permission !== 'default') return null;
  return (
    <button
      type="button"
      className="button-secondary button-small"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t('reminders.enable')}
    </button>
  );
}
