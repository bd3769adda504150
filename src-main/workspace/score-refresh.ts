import type { StoreProblemCode } from '../../src-shared/ipc/app-status';
import { MS_PER_DAY } from '../../src-shared/schedule/utc-date';
import { storeProblemOf } from '../db/store-errors';
import { ScoreService } from '../services/score-service';
import { TODAY_COMPARISON_DAYS } from '../services/today-service';
import type { ServiceContext } from '../services/service-context';

/** How long after the book opens last week's scores are filled in when missing. */
const LAST_WEEK_DELAY_MS = 1500;
/** Longest a slice of that work holds the store (DESIGN §5: no operation over 100 ms). */
const SLICE_MS = 40;

/**
 * Rescoring the whole book (the calendar day moved, "days since" inputs aged) takes about 100 ms
 * on 5,000 accounts: done at open and just after each UTC midnight, never inside a CSM's request.
 * Returns the function that stops it (the book closed).
 */
export function keepScoresFresh(
  ctx: ServiceContext,
  now: () => Date,
  on: { onStoreProblem: (code: StoreProblemCode, error: unknown) => void; report: (message: string) => void; onHistoryKept?: () => void },
): () => void {
  let timer: NodeJS.Timeout | null = null;
  let lastWeekTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  const guarded = (what: string, work: () => void): void => {
    try {
      work();
    } catch (error) {
      // A full disk or a lock fails this pass only: the portfolio rescores when next asked.
      const code = storeProblemOf(error);
      if (code) on.onStoreProblem(code, error);
      else on.report(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const rescore = (): void => {
    if (stopped) return;
    const ms = now().getTime();
    timer = setTimeout(rescore, MS_PER_DAY - (ms % MS_PER_DAY) + 1000);
    timer.unref();
    guarded('Rescoring the book', () => new ScoreService(ctx).ensureFresh(now()));
    // Today compares with last week: a store without that day yet (a new device, the demo book)
    // gets it computed once, a moment after the book is on screen, a slice at a time so requests
    // are answered between slices.
    lastWeekTimer = setTimeout(() => {
      if (stopped) return;
      let job: ReturnType<ScoreService['dayKeepingJob']> = null;
      guarded("Keeping last week's scores", () => {
        job = new ScoreService(ctx).dayKeepingJob(now(), TODAY_COMPARISON_DAYS);
      });
      const slice = (): void => {
        if (stopped || !job) return;
        let finished = false;
        guarded("Keeping last week's scores", () => {
          finished = job!.step(SLICE_MS);
        });
        if (finished) on.onHistoryKept?.();
        else lastWeekTimer = setTimeout(slice, 0);
      };
      slice();
    }, LAST_WEEK_DELAY_MS);
    lastWeekTimer.unref();
  };
  rescore();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (lastWeekTimer) clearTimeout(lastWeekTimer);
  };
}
