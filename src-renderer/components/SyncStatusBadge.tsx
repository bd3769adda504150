import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import { timeAgo } from '../i18n/relative-time';
import type { I18n } from '../i18n/use-t';
import { useT } from '../i18n/use-t';
import { useAppStatusStore } from '../stores/app-status-store';
import { followSyncStatus, useSyncStore } from '../stores/sync-store';

/** How often "synced 2 min ago" is brought up to date. */
const TICK_MS = 30_000;

/** The short text of the chrome badge, and a longer one for its accessible name and tooltip. */
export function syncStateText(status: SyncStatus, { t, locale }: I18n, now: number): { short: string; long: string; tone: string } {
  const ago = status.lastSyncedAt ? (timeAgo(locale, status.lastSyncedAt, now) ?? t('sync.justNow')) : null;
  const extras = [
    status.pending > 0 ? t('sync.chrome.pending', { n: status.pending }) : null,
    status.rejected > 0 ? t('sync.chrome.rejected', { n: status.rejected }) : null,
  ].filter((part): part is string => part !== null);
  const withExtras = (text: string): string => [text, ...extras].join(' · ');
  switch (status.phase) {
    case 'signed-out':
      return { short: t('sync.chrome.signedOut'), long: t('sync.chrome.signedOutLong'), tone: 'muted' };
    case 'offline':
      return { short: withExtras(t('sync.chrome.offline')), long: withExtras(t('sync.chrome.offlineLong')), tone: 'offline' };
    case 'syncing':
      return { short: withExtras(t('sync.chrome.syncing')), long: withExtras(t('sync.chrome.syncing')), tone: 'syncing' };
    case 'error': {
      const text = withExtras(t('sync.chrome.error'));
      return { short: text, long: status.error ? `${text}: ${status.error.message}` : text, tone: 'error' };
    }
    case 'idle': {
      const synced = ago ? t('sync.chrome.synced', { ago }) : t('sync.chrome.neverSynced');
      // Waiting changes matter more than when the last round ended: they come first.
      const text = status.pending > 0 ? extras.join(' · ') : withExtras(synced);
      return { short: text, long: status.pending > 0 ? `${text} · ${synced}` : text, tone: extras.length ? 'pending' : ago ? 'ok' : 'muted' };
    }
  }
}

/** The compact sync status in the window chrome; hidden on the demo book, which never syncs. */
export function SyncStatusBadge() {
  const i18n = useT();
  const status = useSyncStore((s) => s.status);
  const load = useSyncStore((s) => s.load);
  const workspace = useAppStatusStore((s) => s.status?.workspace ?? null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void load();
    return followSyncStatus();
  }, [load]);
  // The account panel flags refused changes of its account: the list follows the refused count.
  const rejected = status?.rejected ?? 0;
  const loadProblems = useSyncStore((s) => s.loadProblems);
  useEffect(() => {
    if (rejected > 0) void loadProblems();
  }, [rejected, loadProblems]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  if (!status || workspace === 'demo') return null;
  const text = syncStateText(status, i18n, now);
  return (
    <span className={`sync-badge sync-${text.tone}`} role="status" aria-label={i18n.t('sync.chrome.label', { state: text.long })} title={text.long}>
      <span className="sync-dot" aria-hidden="true" />
      {text.short}
    </span>
  );
}
