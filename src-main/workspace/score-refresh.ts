import type { StoreProblemCode } from '../../src-shared/ipc/app-status';
import { MS_PER_DAY } from '../../src-shared/schedule/utc-date';
import { storeProblemOf } from '../db/store-errors';
import { ScoreService } from '../services/score-service';
import { TODAY_COMPARISON_DAYS } from '../services/today-service';
import type { ServiceContext } from '../services/service-context';

/**
 * Rescoring the whole book (the calendar day moved, "days since" inputs aged) takes about 100 ms
 * on 5,000 accounts: done at open and just after each UTC midnight, never inside a CSM's request.
 * Returns the function that stops it (the book closed).
 */
export function keepScoresFresh(
  ctx: ServiceContext,
  now: () => Date,
  on: { onStoreProblem: (code: StoreProblemCode, error: unknown) => void; report: (message: string) => void },
): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const rescore = (): void => {
    if (stopped) return;
    const ms = now().getTime();
    timer = setTimeout(rescore, MS_PER_DAY - (ms % MS_PER_DAY) + 1000);
    timer.unref();
    try {
      const scores = new ScoreService(ctx);
      scores.ensureFresh(now());
      // Today compares with last week: a store without that day yet gets it computed here, once.
      scores.ensureDayKept(now(), TODAY_COMPARISON_DAYS);
    } catch (error) {
      // A full disk or a lock fails this pass only: the portfolio rescores when next asked.
      const code = storeProblemOf(error);
      if (code) on.onStoreProblem(code, error);
      else on.report(`Rescoring the book failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  rescore();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
