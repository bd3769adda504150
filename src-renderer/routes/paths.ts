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
  dashboards: '/dashboards',
  dashboard: '/dashboards/:name',
  dashboardKpi: '/dashboards/:name/kpi/:id',
  dashboardFigure: '/dashboards/:name/figure/:id/:series/:category',
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

/** One dashboard ('executive', 'operational', 'team'). */
export function dashboardPath(name: string): string {
  return `${PATHS.dashboards}/${encodeURIComponent(name)}`;
}

/** The accounts behind a dashboard's KPI, or behind one value of a figure (its series and category). */
export function drillPath(name: string, target: { kind: 'kpi'; id: string } | { kind: 'figure'; id: string; series: string; category: string }): string {
  const e = encodeURIComponent;
  return target.kind === 'kpi'
    ? `${dashboardPath(name)}/kpi/${e(target.id)}`
    : `${dashboardPath(name)}/figure/${e(target.id)}/${e(target.series)}/${e(target.category)}`;
}

/**
 * A route segment as it was before drillPath encoded it: the router decodes only what decodeURI
 * does, which leaves "/", "&", "?" and the like escaped (a feedback category "UI/UX").
 */
export function routeParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
  { path: PATHS.dashboards, label: 'nav.dashboards' },
  { path: PATHS.escalations, label: 'nav.escalations' },
  { path: PATHS.search, label: 'nav.search' },
];

/** The name of a list view, for "← Today" links back to it. */
export function placeLabel(path: string): MessageKey {
  return MAIN_PLACES.find((place) => place.path === path)?.label ?? 'nav.portfolio';
}
