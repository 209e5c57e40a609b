/** Small text predicates shared by the document classifier, the notes index and the CLI. */

/** Files we never index or lint: a NUL byte in the first 8 KB means binary. */
export function looksBinary(text: string): boolean {
  const probe = text.length > 8192 ? text.slice(0, 8192) : text;
  return probe.includes('\u0000');
}

/** Levenshtein distance, used for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * The closest candidate within `maxDistance` edits (case-insensitive), for "did you mean `x`?".
 * The default allows about one edit per three letters, and at least two.
 */
export function closestMatch(word: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.floor(word.length / 3))): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    // Names whose lengths differ by more than the limit cannot be close enough.
    if (Math.abs(c.length - word.length) >= bestDistance) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
