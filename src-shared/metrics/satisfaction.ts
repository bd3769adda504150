import { z } from 'zod';

/** One survey answer of each kind; integers only, since the surveys are 0-10 / 1-5 scales. */
export const NpsAnswerSchema = z.number().int().min(0).max(10);
export const CsatAnswerSchema = z.number().int().min(1).max(5);
export const CesAnswerSchema = z.number().int().min(1).max(5);

export interface NpsResult {
  /** −100..100, rounded half away from zero; null when there are no answers. */
  value: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
}

/** Throws a RangeError naming the first invalid answer and its index; never clamps. */
function assertAnswers(kind: string, scores: readonly number[], min: number, max: number): void {
  scores.forEach((s, i) => {
    if (!Number.isInteger(s) || s < min || s > max) {
      throw new RangeError(`Invalid ${kind} answer ${String(s)} at index ${i}: expected an integer ${min}..${max}`);
    }
  });
}

/** Rounds num/den (den > 0, both integers) half away from zero, exactly, without floating error. */
function roundRatio(num: number, den: number): number {
  const sign = num < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(num) + den) / (2 * den));
}

/** NPS = % promoters (9-10) − % detractors (0-6) over all answers (DESIGN §4.7). */
export function nps(scores: readonly number[]): NpsResult {
  assertAnswers('NPS', scores, 0, 10);
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const n = scores.length;
  return {
    value: n === 0 ? null : roundRatio(100 * (promoters - detractors), n),
    promoters,
    passives: n - promoters - detractors,
    detractors,
    n,
  };
}

/** Mean of integer answers to two decimals (half up), null when empty. */
function mean2(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  return roundRatio(100 * sum, scores.length) / 100;
}

/** CSAT = mean of 1-5 answers, 2 decimals; null when empty. */
export function csat(scores: readonly number[]): number | null {
  assertAnswers('CSAT', scores, 1, 5);
  return mean2(scores);
}

/** CES = mean of 1-5 answers (lower is better), 2 decimals; null when empty. */
export function ces(scores: readonly number[]): number | null {
  assertAnswers('CES', scores, 1, 5);
  return mean2(scores);
}
