/**
 * The index's storage: postings lists (token → file id, section, count) in growable Int32Arrays,
 * which live outside the JS heap, so garbage collection never scans them.
 */

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(6);
  length = 0;

  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
    this.data[this.length++] = c;
  }
}

/**
 * token → flat (file id, section, count) triples, ordered by file id and section: files get
 * increasing ids and are appended whole, so the order holds and lookups can binary-search.
 * Removing a file only makes its id dead (`files[id]` is undefined); dead triples are skipped and
 * dropped by `compact`.
 */
export class Postings<F extends { readonly id: number }> {
  private readonly map = new Map<string, IntList>();

  constructor(private readonly files: ReadonlyArray<F | undefined>) {}

  /** Adds a file's (section, count) pairs per token; returns how many entries that made. */
  add(file: F, entries: ReadonlyMap<string, number[]>): number {
    let added = 0;
    for (const [token, pairs] of entries) {
      let list = this.map.get(token);
      if (!list) this.map.set(token, (list = new IntList()));
      for (let p = 0; p < pairs.length; p += 2) list.push3(file.id, pairs[p], pairs[p + 1]);
      added += pairs.length / 2;
    }
    return added;
  }

  /** Each live (file, section, count) of a token in files `wanted` accepts. */
  forEach(token: string, wanted: (f: F) => boolean, visit: (f: F, section: number, count: number) => void): void {
    const list = this.map.get(token);
    if (!list) return;
    const data = list.data;
    for (let i = 0; i < list.length; i += 3) {
      const f = this.files[data[i]];
      if (f && wanted(f)) visit(f, data[i + 1], data[i + 2]);
    }
  }

  /** The count of a token in one section (0 when absent), with the token's list looked up once. */
  counter(token: string): (file: { readonly id: number }, section: number) => number {
    const list = this.map.get(token);
    return list ? (file, section) => countIn(list, file.id, section) : () => 0;
  }

  /**
   * Calls `visit` for each section (of files `wanted` accepts) holding every token, driven by the
   * rarest token, so a phrase with one common word checks only a few sections.
   */
  forSectionsWithAll(tokens: readonly string[], wanted: (f: F) => boolean, visit: (f: F, section: number) => void): void {
    const lists: IntList[] = [];
    for (const token of new Set(tokens)) {
      const list = this.map.get(token);
      if (!list) return;
      lists.push(list);
    }
    if (lists.length === 0) return;
    lists.sort((a, b) => a.length - b.length);
    const [driver, ...others] = lists;
    const data = driver.data;
    for (let i = 0; i < driver.length; i += 3) {
      const f = this.files[data[i]];
      if (!f || !wanted(f)) continue;
      const section = data[i + 1];
      if (others.every((o) => countIn(o, f.id, section) > 0)) visit(f, section);
    }
  }

  /** Drops the triples of removed files. */
  compact(): void {
    for (const [token, list] of this.map) {
      const kept = new IntList();
      for (let i = 0; i < list.length; i += 3) if (this.files[list.data[i]]) kept.push3(list.data[i], list.data[i + 1], list.data[i + 2]);
      if (kept.length) this.map.set(token, kept);
      else this.map.delete(token);
    }
  }
}

/** Binary search of (file id, section) in a triples list; the count, or 0 when absent. */
function countIn(list: IntList, id: number, section: number): number {
  const data = list.data;
  let lo = 0;
  let hi = list.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = mid * 3;
    const d = data[at] - id || data[at + 1] - section;
    if (d === 0) return data[at + 2];
    if (d < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
