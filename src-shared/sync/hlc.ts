/**
 * Hybrid logical clock (DESIGN §3): physical milliseconds plus a counter, so stamps from one device
 * keep increasing even when its wall clock steps back. Only breaks ties between concurrent edits.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
  node: string;
}

/** Advances the clock for a local event at physical time `nowMs`. */
export function tickHlc(state: HlcState, nowMs: number): HlcState {
  if (nowMs > state.wallMs) return { wallMs: nowMs, counter: 0, node: state.node };
  return { wallMs: state.wallMs, counter: state.counter + 1, node: state.node };
}

/** Serializes a stamp so that string order equals clock order (fixed-width fields). */
export function formatHlc(state: HlcState): string {
  return `${state.wallMs.toString().padStart(15, '0')}-${state.counter.toString().padStart(6, '0')}-${state.node}`;
}

/** Parses a stamp made by formatHlc; throws on anything else. */
export function parseHlc(stamp: string): HlcState {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a hybrid logical clock stamp: "${stamp}"`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] ?? '' };
}
