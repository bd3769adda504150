import { idAt, moodAt, type AccountContext } from './demo-context';
import { isoAt } from './demo-days';
import type { CsmSentimentRecord } from './demo-records';
import { CSM_SENTIMENT_REASONS, type Mood } from './demo-text';

const RATING_BY_MOOD: Record<Mood, CsmSentimentRecord['rating']> = { good: 'green', mixed: 'amber', bad: 'red' };
const NEXT_TO: Record<CsmSentimentRecord['rating'], readonly CsmSentimentRecord['rating'][]> = { green: ['amber'], amber: ['green', 'red'], red: ['amber'] };

/**
 * Some live accounts carry the CSM's own read, one to three judgements over the last half year:
 * mostly what the account's state suggests, now and then a step off it (the CSM knows something
 * the metrics do not yet show), which is the point of recording it beside the score.
 */
export function emitCsmSentiments(ctx: AccountContext): void {
  const { rng, profile, asOfDay } = ctx;
  if (profile.cohort === 'churned' || !rng.chance(0.45)) return;
  const count = rng.weighted([[1, 5], [2, 3], [3, 2]]);
  const first = Math.max(profile.startDay + 14, asOfDay - 180);
  if (first >= asOfDay) return;
  const days = Array.from({ length: count }, () => rng.int(first, asOfDay - 1)).sort((a, b) => a - b);
  days.forEach((day, i) => {
    const fromMood = RATING_BY_MOOD[moodAt(ctx, day)];
    const rating = rng.chance(0.15) ? rng.pick(NEXT_TO[fromMood]) : fromMood;
    ctx.sink.csmSentiment({
      id: idAt(ctx, day, 700 + i),
      accountId: profile.record.id,
      authorId: profile.record.ownerId,
      rating,
      reason: rng.pick(CSM_SENTIMENT_REASONS[profile.lang][rating]),
      at: isoAt(day, 700 + i),
    });
    ctx.summary.csmSentiments += 1;
  });
}
