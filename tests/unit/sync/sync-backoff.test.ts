import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from '../../../src-main/sync/sync-backoff';

describe('retry backoff (exponential, full jitter)', () => {
  it('doubles the ceiling per failure from 1 s and never exceeds 5 minutes', () => {
    const top = () => 0.999999;
    expect(backoffDelay(1, top)).toBe(999);
    expect(backoffDelay(2, top)).toBe(1999);
    expect(backoffDelay(4, top)).toBe(7999);
    expect(backoffDelay(9, top)).toBe(255_999);
    expect(backoffDelay(10, top)).toBe(BACKOFF_CAP_MS - 1);
    expect(backoffDelay(500, top)).toBe(BACKOFF_CAP_MS - 1);
  });

  it('spreads retries over the whole window (full jitter) but never retries at once', () => {
    expect(backoffDelay(5, () => 0.5)).toBe(8000);
    expect(backoffDelay(5, () => 0)).toBe(250);
  });
});
