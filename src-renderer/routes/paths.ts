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
  escalations: '/escalations',
  search: '/search',
  agenda: '/agenda',
} as const;

/** The deep link of one account's page. */
export function accountPath(accountId: string): string {
  return `/accounts/${encodeURIComponent(accountId)}`;
}

/** The call brief of one account. */
export function briefPath(accountId: string): string {
  return `${accountPath(accountId)}/brief`;
}

/** Goes to a place from code that has no hooks (table cells, the command palette). */
export function goTo(path: string): void {
  navigate(path);
}

/** The name of a list view, for "← Today" links back to it. */
export function placeLabel(path: string): MessageKey {
  if (path === PATHS.today) return 'nav.today';
  if (path === PATHS.escalations) return 'nav.escalations';
  if (path === PATHS.search) return 'nav.search';
  if (path === PATHS.agenda) return 'nav.agenda';
  return 'nav.portfolio';
}
