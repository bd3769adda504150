import type { CurvePoints } from './scoring-config';

/** Piecewise-linear interpolation through sorted [x, y] points, clamped to the end values. */
export function interpolate(curve: CurvePoints, x: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) throw new Error('interpolate: empty curve');
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < curve.length; i += 1) {
    const hi = curve[i];
    const lo = curve[i - 1];
    if (!hi || !lo || x > hi[0]) continue;
    if (x === hi[0]) {
      // At a vertical step (points sharing an x) the later point wins.
      let j = i;
      while (curve[j + 1]?.[0] === x) j += 1;
      return curve[j]?.[1] ?? hi[1];
    }
    return lo[1] + ((x - lo[0]) / (hi[0] - lo[0])) * (hi[1] - lo[1]);
  }
  return last[1];
}
