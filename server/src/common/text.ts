/** Small text helpers shared by the readers of files, the notes index and the CLI. */

/**
 * Files larger than this are not read, by the editor, the command line or the notes loader alike:
 * real manifests, Dockerfiles, charts and notes are far smaller.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** How much of a file is searched for a NUL byte, the sign of a binary file (as git does). */
const BINARY_PROBE_BYTES = 8192;

/** Why a file's bytes are not text we read; `too-large` says how many bytes there were. */
export type TextProblem = { problem: 'too-large'; bytes: number } | { problem: 'binary' } | { problem: 'not-utf8' };

/**
 * The text of a file's bytes, or why it is not text we read: more than `limit` bytes, binary (a NUL
 * in the first 8 KB) or not strict UTF-8. A leading byte-order mark is dropped. A reader that
 * stops after `limit + 1` bytes hands over enough to tell a file is too large.
 */
export function decodeText(bytes: Uint8Array, limit = MAX_FILE_BYTES): { text: string } | TextProblem {
  if (bytes.length > limit) return { problem: 'too-large', bytes: bytes.length };
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { problem: 'binary' };
  try {
    return { text: withLineFeeds(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')) };
  } catch {
    return { problem: 'not-utf8' };
  }
}

/**
 * The text with every lone carriage return made a line feed. LSP, and the editors, end a line at a
 * lone `\r` as at `\n` and `\r\n`, while parsers and rules split on `\n`; the swap is one character
 * for one, so every offset and every line/character position stays what the editor says it is.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** A size over the limit in the words of the skip messages: `10.0 MB is over the 5 MB limit`. */
export function describeSize(bytes: number, limit = MAX_FILE_BYTES): string {
  return `${(bytes / 1048576).toFixed(1)} MB is over the ${limit / 1048576} MB limit`;
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

/** FNV-1a's offset basis and prime (32-bit), for a scan that hashes as it goes (notes' `Words`). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 codes of `text.slice(start, end)`, ASCII capitals lower-cased when `lower`. */
export function fnv1a(text: string, start = 0, end = text.length, lower = false): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (lower && c >= 65 && c <= 90) c += 32;
    hash = Math.imul(hash ^ c, FNV_PRIME);
  }
  return hash;
}

/**
 * What an edit changed: the lengths of the longest common prefix and suffix of two texts (the
 * suffix not overlapping the prefix in either). Compared in halving chunks (each a native string
 * comparison) before single characters: a character loop over a 1 MB manifest took 10–20 ms on
 * every keystroke.
 */
export function changedSpan(before: string, after: string): { prefix: number; suffix: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  for (let step = 1 << 16; step >= 1; step >>= 1) {
    while (prefix + step <= shorter && before.slice(prefix, prefix + step) === after.slice(prefix, prefix + step)) prefix += step;
  }
  const room = shorter - prefix;
  let suffix = 0;
  for (let step = 1 << 16; step >= 1; step >>= 1) {
    while (
      suffix + step <= room &&
      before.slice(before.length - suffix - step, before.length - suffix) === after.slice(after.length - suffix - step, after.length - suffix)
    )
      suffix += step;
  }
  return { prefix, suffix };
}
