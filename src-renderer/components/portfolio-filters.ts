import { z } from 'zod';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import { utcDaysBetween } from '../../src-shared/schedule/utc-date';
import { NO_OWNER } from './OwnerFilter';

const TIERS = ['critical', 'at_risk', 'stable', 'successful', 'unscored'] as const;
const BANDS = ['high', 'medium', 'low', 'none'] as const;
const LOYALTY = ['bronze', 'silver', 'gold', 'platinum'] as const;
export const FILTER_CHOICES = { tiers: TIERS, bands: BANDS, loyalty: LOYALTY } as const;
/** The renewal windows a CSM filters by. */
export const RENEWAL_WINDOWS = [30, 60, 90, 180] as const;

/** What the portfolio shows: every condition must hold; an empty list or false means "any". */
export const portfolioFiltersSchema = z.object({
  text: z.string().max(200),
  tiers: z.array(z.enum(TIERS)).max(TIERS.length),
  bands: z.array(z.enum(BANDS)).max(BANDS.length),
  loyalty: z.array(z.enum(LOYALTY)).max(LOYALTY.length),
  renewalWithinDays: z.number().int().min(1).max(3650).nullable(),
  escalated: z.boolean(),
  overdue: z.boolean(),
  onboarding: z.boolean(),
  /** An owner's id, NO_OWNER for accounts without one, '' for all. */
  owner: z.string().max(64),
});
export type PortfolioFilters = z.infer<typeof portfolioFiltersSchema>;

export const NO_FILTERS: PortfolioFilters = {
  text: '', tiers: [], bands: [], loyalty: [], renewalWithinDays: null, escalated: false, overdue: false, onboarding: false, owner: '',
};

/** How many conditions are set (the free text counts as one). */
export function activeFilterCount(f: PortfolioFilters): number {
  return (
    (f.text.trim() ? 1 : 0) + (f.tiers.length ? 1 : 0) + (f.bands.length ? 1 : 0) + (f.loyalty.length ? 1 : 0) +
    (f.renewalWithinDays !== null ? 1 : 0) + Number(f.escalated) + Number(f.overdue) + Number(f.onboarding) + (f.owner ? 1 : 0)
  );
}

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The rows that pass every filter. The free text looks in the account's name, industry and owner,
 * without regard to case or accents; the renewal window counts days from `asOf` (renewals already
 * past are not "within" it).
 */
export function applyPortfolioFilters(rows: readonly PortfolioRow[], f: PortfolioFilters, asOf: Date): PortfolioRow[] {
  const text = folded(f.text.trim());
  const tiers = new Set<string>(f.tiers);
  const bands = new Set<string>(f.bands);
  const loyalty = new Set<string>(f.loyalty);
  return rows.filter((row) => {
    if (tiers.size && !tiers.has(row.tier)) return false;
    if (bands.size && !bands.has(row.riskBand)) return false;
    if (loyalty.size && !loyalty.has(row.loyalty)) return false;
    if (f.escalated && row.escalationLevel === null) return false;
    if (f.overdue && !row.nextTouchpoint?.overdue) return false;
    if (f.onboarding && !row.onboarding) return false;
    if (f.owner && (row.ownerId ?? NO_OWNER) !== f.owner) return false;
    if (f.renewalWithinDays !== null) {
      const days = utcDaysBetween(asOf, new Date(row.renewalDate));
      if (days < 0 || days > f.renewalWithinDays) return false;
    }
    if (text) {
      const haystack = folded(`${row.name} ${row.industry ?? ''} ${row.ownerName ?? ''}`);
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}
