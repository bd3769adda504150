/** First retry waits up to this long; each further failure doubles it, up to the cap. */
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 5 * 60 * 1000;
/** Never retry sooner than this, so a jitter draw near 0 does not hammer a struggling server. */
const BACKOFF_FLOOR_MS = 250;

/**
 * Exponential backoff with full jitter (a uniform draw between 0 and the doubled delay), so clients
 * that failed together do not retry together. `failures` counts consecutive failures (1 = first).
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.max(BACKOFF_FLOOR_MS, Math.floor(random() * ceiling));
}
