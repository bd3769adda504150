import { describe, expect, it } from 'vitest';
import { formatMetricInput } from '../../../src-shared/scoring/explain-format';

describe('metric inputs in words', () => {
  it('says one post in the singular, in both languages', () => {
    expect(formatMetricInput('community_engagement', 1, 'en')).toBe('1 post or webinar in 90 days');
    expect(formatMetricInput('community_engagement', 3, 'en')).toBe('3 posts or webinars in 90 days');
    expect(formatMetricInput('community_engagement', 1, 'es')).toBe('1 publicación o webinar en 90 días');
    expect(formatMetricInput('community_engagement', 0, 'es')).toBe('0 publicaciones o webinars en 90 días');
  });
});
