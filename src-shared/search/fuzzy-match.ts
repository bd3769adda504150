/** Lower-case without accents, so "logis" finds "Logística". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How well `query` matches `label` as a subsequence (each letter in order, gaps allowed), or null
 * when it does not. Higher is better: consecutive letters, a match at a word start and an early
 * match score more. An empty query matches everything with 0.
 */
export function fuzzyScore(query: string, label: string): number | null {
  const q = fold(query.trim());
  if (q === '') return 0;
  const text = fold(label);
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    if (char === ' ') continue;
    const at = text.indexOf(char, from);
    if (at < 0) return null;
    score += 1;
    if (at === previous + 1) score += 3; // consecutive
    if (at === 0 || /[\s\-_.(]/.test(text[at - 1] ?? '')) score += 2; // start of a word
    previous = at;
    from = at + 1;
  }
  // Shorter labels and earlier matches first.
  return score - text.length / 100 - (text.indexOf(q[0] ?? '') / 50);
}

/** The items whose label matches, best first, at most `limit`. */
export function fuzzyFilter<T>(items: readonly T[], query: string, labelOf: (item: T) => string, limit: number): T[] {
  const scored: Array<{ item: T; score: number }> = [];
  for (const item of items) {
    const score = fuzzyScore(query, labelOf(item));
    if (score !== null) scored.push({ item, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.item);
}
