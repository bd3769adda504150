import { describe, expect, it } from 'vitest';
import {
  CesAnswerSchema,
  CsatAnswerSchema,
  NpsAnswerSchema,
  ces,
  csat,
  nps,
} from '../../../src-shared/metrics/satisfaction';

describe('nps', () => {
  it('balances promoters and detractors (worked example)', () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toEqual({ value: 0, promoters: 2, passives: 2, detractors: 2, n: 6 });
  });

  it('computes 50 for 4 promoters, 1 passive, 1 detractor of 6', () => {
    expect(nps([10, 10, 10, 9, 8, 3])).toEqual({ value: 50, promoters: 4, passives: 1, detractors: 1, n: 6 });
  });

  it('uses 9 as the lowest promoter and 6 as the highest detractor', () => {
    expect(nps([9]).value).toBe(100);
    expect(nps([8]).value).toBe(0);
    expect(nps([7]).value).toBe(0);
    expect(nps([6]).value).toBe(-100);
    expect(nps([0, 0]).value).toBe(-100);
  });

  it('rounds to an integer, halves away from zero', () => {
    expect(nps([9, 9, 6]).value).toBe(33);
    expect(nps([9, 6, 6]).value).toBe(-33);
    expect(nps([9, 7, 7, 7, 7, 7, 7, 7]).value).toBe(13); // 12.5
    expect(nps([0, 7, 7, 7, 7, 7, 7, 7]).value).toBe(-13); // −12.5
    expect(nps([10, 10, 8]).value).toBe(67); // 66.67
  });

  it('is null with no answers', () => {
    expect(nps([])).toEqual({ value: null, promoters: 0, passives: 0, detractors: 0, n: 0 });
  });

  it.each([
    [[5, 11], '11', 1],
    [[-1], '-1', 0],
    [[7, 8, 7.5], '7.5', 2],
    [[Number.NaN], 'NaN', 0],
    [[Number.POSITIVE_INFINITY], 'Infinity', 0],
  ])('rejects %j naming the value and index', (scores, value, index) => {
    expect(() => nps(scores)).toThrow(RangeError);
    expect(() => nps(scores)).toThrow(`Invalid NPS answer ${value} at index ${index}`);
  });
});

describe('csat', () => {
  it('is the mean to two decimals', () => {
    expect(csat([5, 4, 4])).toBe(4.33);
    expect(csat([5, 4])).toBe(4.5);
    expect(csat([1, 2, 2])).toBe(1.67);
    expect(csat([4, 4, 4, 4, 4, 4, 4, 5])).toBe(4.13); // 4.125 rounds half up
    expect(csat([5])).toBe(5);
  });
  it('is null with no answers', () => {
    expect(csat([])).toBeNull();
  });
  it.each([[[0]], [[6]], [[4.5]], [[Number.NaN]]])('rejects %j', (scores) => {
    expect(() => csat(scores)).toThrow(/Invalid CSAT answer .* at index 0/);
  });
});

describe('ces', () => {
  it('is the mean to two decimals (lower is better)', () => {
    expect(ces([1, 2])).toBe(1.5);
    expect(ces([3, 3, 2])).toBe(2.67);
    expect(ces([1, 1, 1])).toBe(1);
  });
  it('is null with no answers', () => {
    expect(ces([])).toBeNull();
  });
  it('rejects answers outside 1..5', () => {
    expect(() => ces([2, 0])).toThrow('Invalid CES answer 0 at index 1');
    expect(() => ces([6])).toThrow(RangeError);
  });
});

describe('answer schemas', () => {
  it('accept the scale and reject everything else', () => {
    expect(NpsAnswerSchema.safeParse(0).success).toBe(true);
    expect(NpsAnswerSchema.safeParse(10).success).toBe(true);
    expect(NpsAnswerSchema.safeParse(11).success).toBe(false);
    expect(NpsAnswerSchema.safeParse(8.5).success).toBe(false);
    expect(NpsAnswerSchema.safeParse(Number.NaN).success).toBe(false);
    expect(CsatAnswerSchema.safeParse(1).success).toBe(true);
    expect(CsatAnswerSchema.safeParse(0).success).toBe(false);
    expect(CesAnswerSchema.safeParse(5).success).toBe(true);
    expect(CesAnswerSchema.safeParse(6).success).toBe(false);
  });
});
