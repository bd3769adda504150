/**
 * Seeded randomness for the demo book: the same seed yields the same book, ids included, so the
 * generator never touches Math.random, crypto or the clock.
 */

/** 32-bit string/number mixer (murmur3 finaliser) used to derive independent streams. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed >>> 0) || 0x9e3779b9;
  }

  /**
   * A stream of its own for (seed, parts…): an account's history does not shift when another
   * account draws one more number, which keeps books comparable across code changes.
   */
  static derive(seed: number, ...parts: number[]): SeededRandom {
    let h = mix32(seed >>> 0);
    for (const part of parts) h = mix32((h ^ Math.imul(part + 0x632be5ab, 0x9e3779b1)) >>> 0);
    return new SeededRandom(h);
  }

  /** mulberry32: small, fast and good enough for synthetic data. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weight: weighted([['a', 3], ['b', 1]]) returns 'a' three times as often. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted: empty list');
    return last[0];
  }

  /** Approximately normal (Irwin–Hall of 4): bounded tails keep generated values plausible. */
  normal(mean = 0, sd = 1): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * Math.sqrt(3) * sd;
  }

  /**
   * A UUID v7 string whose 48-bit timestamp is `at` and whose other bits come from this stream:
   * ids still sort by creation time like the app's own, yet a seed reproduces them exactly.
   */
  uuidV7(at: Date | number): string {
    const ms = Math.max(0, Math.floor(typeof at === 'number' ? at : at.getTime()));
    const timeHex = ms.toString(16).padStart(12, '0').slice(-12);
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const randA = (a >>> 20) & 0xfff;
    const variant = (0x8 | ((a >>> 18) & 0x3)).toString(16);
    const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
    return (
      `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7${hex(randA, 3)}-` +
      `${variant}${hex((a >>> 6) & 0xfff, 3)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`
    );
  }
}
