import type { Locale } from '../../src-shared/scoring/labels';

const cache = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * "2 min ago" / "hace 2 min" for a past moment, or null under a minute (the caller says "just
 * now"). Minutes, then hours, then days: a sync status never needs more precision than that.
 */
export function timeAgo(locale: Locale, iso: string, now: number): string | null {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds < 60) return null;
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
    cache.set(locale, format);
  }
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour');
  return format.format(-Math.floor(seconds / 86_400), 'day');
}
