import { navigate } from 'wouter/use-hash-location';
import type { MessageKey } from '../../src-shared/i18n/messages-en';

/**
 * The app's places, as hash routes (#/accounts/ID) so a deep link works the same from Electron's
 * file:// page and the web shell.
 */
export const PATHS = {
  today: '/',
  portfolio: '/portfolio',
  account: '/accounts/:accountId',
  brief: '/accounts/:accountId/brief',
  qbr: '/accounts/:accountId/qbr/:quarter',
  escalations: '/escalations',
  search: '/search',
  agenda: '/agenda',
  qbrs: '/qbr',
} as const;

/** The deep link of one account's page. */
export function accountPath(accountId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}`;
}

/** The call brief of one account. */
export function briefPath(accountId: string): string {
  return `${accountPath(accountId)}/brief`;
}

/** The QBR builder of one account and quarter ('2026-Q4'). */
export function qbrPath(accountId: string, quarter: string): string {
  return `${accountPath(accountId)}/qbr/${encodeURIComponent(quarter)}`;
}

/** Goes to a place from code that has no hooks (table cells, the command palette). */
export function goTo(path: string): void {
  navigate(path);
}

/** The main places, in the order the header and the command palette list them. */
export const MAIN_PLACES: ReadonlyArray<{ path: string; label: MessageKey }> = [
  { path: PATHS.today, label: 'nav.today' },
  { path: PATHS.portfolio, label: 'nav.portfolio' },
  { path: PATHS.agenda, label: 'nav.agenda' },
  { path: PATHS.qbrs, label: 'nav.qbrs' },
  { path: PATHS.escalations, label: 'nav.escalations' },
  { path: PATHS.search, label: 'nav.search' },
];

/** The name of a list view, for "← Today" links back to it. */
export function placeLabel(path: string): MessageKey {
  return MAIN_PLACES.find((place) => place.path === path)?.label ?? 'nav.portfolio';
}
