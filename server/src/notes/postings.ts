import { fnv1a } from '../common';

/**
 * The index's storage: postings lists (token → file id, section, count) in growable Int32Arrays,
 * which live outside the JS heap, so garbage collection never scans them. Tokens are numbered
 * once (`Vocabulary`), so counting a word and filing a file's counts index arrays instead of
 * looking strings up in maps per file.
 */

/** A growable Int32Array of triples. */
export class Triples {
  data = new Int32Array(6);
  length = 0;

  push3(a: number, b: number, c: number): void {
    const at = this.length;
    let data = this.data;
    if (at + 3 > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      this.data = data = grown;
    }
    data[at] = a;
    data[at + 1] = b;
    data[at + 2] = c;
    this.length = at + 3;
  }
}

/**
 * Token strings → dense numbers, shared by an index's postings tables. A token is looked up by its
 * range in the text it occurs in, so the millions of words in a notes folder are counted without a
 * string made for each: an open-addressing table of their FNV-1a hashes, compared char by char. (A Map
 * needs the string first; slicing and hashing every word was a quarter of the indexing time.)
 */
export class Vocabulary {
  private tokens: string[] = [];
  /** By token number: its hash. */
  private hashes = new Int32Array(1024);
  /**
   * The tokens' UTF-16 codes end to end, token `id`'s from `starts[id]` to `starts[id + 1]`: every
   * word is compared with its token, and a typed array reads faster than the token's string (often
   * a slice of a notes file).
   */
  private chars = new Uint16Array(8192);
  private starts = new Int32Array(1025);
  /** By hash, linear probing: a token number plus one, 0 for an empty slot; at most half full. */
  private table = new Int32Array(4096);

  get size(): number {
    return this.tokens.length;
  }

  /** The token's number, numbering it when it is new. */
  id(token: string): number {
    return this.idOf(token, 0, token.length, false);
  }

  /**
   * The number of `text.slice(start, end)`, its ASCII capitals lower-cased when `lower`, numbered
   * when new. `hash` is its `fnv1a`, when the caller has it already.
   */
  idOf(text: string, start: number, end: number, lower: boolean, hash = fnv1a(text, start, end, lower)): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) return this.add(slot, hash, text, start, end, lower);
      if (this.hashes[entry - 1] === hash && this.holds(entry - 1, text, start, end, lower)) return entry - 1;
    }
  }

  /** The token's number, if it has one. */
  find(token: string): number | undefined {
    const hash = fnv1a(token);
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) return undefined;
      if (this.hashes[entry - 1] === hash && this.tokens[entry - 1] === token) return entry - 1;
    }
  }

  /** Forgets the tokens `used` does not mark and numbers the rest densely again; returns old → new number (-1 for a forgotten one). */
  renumber(used: Uint8Array): Int32Array {
    const mapping = new Int32Array(this.tokens.length).fill(-1);
    const kept: string[] = [];
    const hashes: number[] = [];
    this.tokens.forEach((token, id) => {
      if (!used[id]) return;
      mapping[id] = kept.length;
      kept.push(token);
      hashes.push(this.hashes[id]);
    });
    this.tokens = [];
    this.starts[0] = 0;
    kept.forEach((token, id) => this.append(token, hashes[id]));
    this.rehash(this.table.length);
    return mapping;
  }

  /** Whether token `id` is `text.slice(start, end)` (ASCII capitals lower-cased when `lower`). */
  private holds(id: number, text: string, start: number, end: number, lower: boolean): boolean {
    const chars = this.chars;
    const from = this.starts[id];
    if (this.starts[id + 1] - from !== end - start) return false;
    for (let i = start, at = from; i < end; i++, at++) {
      let c = text.charCodeAt(i);
      if (lower && c >= 65 && c <= 90) c += 32;
      if (c !== chars[at]) return false;
    }
    return true;
  }

  private add(slot: number, hash: number, text: string, start: number, end: number, lower: boolean): number {
    const token = text.slice(start, end);
    const id = this.append(lower ? token.toLowerCase() : token, hash);
    this.table[slot] = id + 1;
    if (this.tokens.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    return id;
  }

  /** Gives `token` the next number, without entering it in the hash table. */
  private append(token: string, hash: number): number {
    const id = this.tokens.length;
    this.tokens.push(token);
    if (id + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.starts = grown(this.starts, this.starts.length * 2);
    }
    this.hashes[id] = hash;
    const from = this.starts[id];
    const to = from + token.length;
    if (to > this.chars.length) this.chars = grown(this.chars, Math.max(to, this.chars.length * 2));
    for (let i = 0; i < token.length; i++) this.chars[from + i] = token.charCodeAt(i);
    this.starts[id + 1] = to;
    return id;
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.tokens.length; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot]) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

/** A copy of a typed array in a larger one. */
function grown<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array);
  return copy;
}

/**
 * One file's entries for one postings table before they are filed: (token number, section,
 * count) triples, each token's in section order. The index reuses them from file to file
 * (`NotesIndex`), so they seldom grow, and the millions of entries of a notes folder make no garbage.
 */
export type FileEntries = Triples;

/**
 * token → flat (file id, section, count) triples, ordered by file id and section: files get
 * increasing ids and are appended whole, so the order holds and lookups can binary-search.
 * Removing a file only makes its id dead (`files[id]` is undefined); dead triples are skipped and
 * dropped by `compact`.
 */
export class Postings<F extends { readonly id: number }> {
  /** By token number. */
  private lists: Array<Triples | undefined> = [];
  /** By token number: where its triple for the section counted last is in that file's entries (see `count`). */
  private slots = new Int32Array(1024);

  constructor(
    private readonly files: ReadonlyArray<F | undefined>,
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * Counts a token once more in a section of a file's entries. Sections are counted one after the
   * other and each in one go, so the token's triple for this section, if any, is where `slots`
   * says, and the triple there tells whether it is.
   */
  count(entries: FileEntries, token: number, section: number): void {
    if (token >= this.slots.length) {
      const grown = new Int32Array(Math.max(token + 1, this.slots.length * 2));
      grown.set(this.slots);
      this.slots = grown;
    }
    const at = this.slots[token];
    const data = entries.data;
    if (at < entries.length && data[at] === token && data[at + 1] === section) {
      data[at + 2]++;
    } else {
      this.slots[token] = entries.length;
      entries.push3(token, section, 1);
    }
  }

  /** Files a file's entries under its id; returns how many there were. */
  add(file: F, entries: FileEntries): number {
    const lists = this.lists;
    // Grown one by one to the vocabulary's size, so the array stays dense (an index far past its end would make it a slow dictionary).
    while (lists.length < this.vocabulary.size) lists.push(undefined);
    const data = entries.data;
    for (let i = 0; i < entries.length; i += 3) {
      const token = data[i];
      let list = lists[token];
      if (!list) lists[token] = list = new Triples();
      list.push3(file.id, data[i + 1], data[i + 2]);
    }
    return entries.length / 3;
  }

  private list(token: string): Triples | undefined {
    const id = this.vocabulary.find(token);
    return id === undefined ? undefined : this.lists[id];
  }

  /** Each live (file, section, count) of a token in files `wanted` accepts. */
  forEach(token: string, wanted: (f: F) => boolean, visit: (f: F, section: number, count: number) => void): void {
    const list = this.list(token);
    if (!list) return;
    const data = list.data;
    // A file's triples are together: its id is looked up, and `wanted` asked, once per file.
    let id = -1;
    let file: F | undefined;
    for (let i = 0; i < list.length; i += 3) {
      if (data[i] !== id) {
        id = data[i];
        file = this.files[id];
        if (file && !wanted(file)) file = undefined;
      }
      if (file) visit(file, data[i + 1], data[i + 2]);
    }
  }

  /** The count of a token in one section (0 when absent), with the token's list looked up once. */
  counter(token: string): (file: { readonly id: number }, section: number) => number {
    const list = this.list(token);
    if (!list) return () => 0;
    const counts = new Counts(list);
    return (file, section) => counts.of(file.id, section);
  }

  /**
   * Calls `visit` for each section (of files `wanted` accepts) holding every token, driven by the
   * rarest token, so a phrase with one common word checks only a few sections.
   */
  forSectionsWithAll(tokens: readonly string[], wanted: (f: F) => boolean, visit: (f: F, section: number) => void): void {
    const lists: Triples[] = [];
    for (const token of new Set(tokens)) {
      const list = this.list(token);
      if (!list) return;
      lists.push(list);
    }
    if (lists.length === 0) return;
    lists.sort((a, b) => a.length - b.length);
    const [driver, ...rest] = lists;
    const others = rest.map((list) => new Counts(list));
    const data = driver.data;
    let id = -1;
    let file: F | undefined;
    for (let i = 0; i < driver.length; i += 3) {
      if (data[i] !== id) {
        id = data[i];
        file = this.files[id];
        if (file && !wanted(file)) file = undefined;
      }
      if (!file) continue;
      const section = data[i + 1];
      // A loop, not `every`: a closure per entry of a common word's list costs more than its searches.
      let inAll = true;
      for (let o = 0; o < others.length && inAll; o++) inAll = others[o].of(id, section) > 0;
      if (inAll) visit(file, section);
    }
  }

  /** Drops the triples of removed files, and marks in `used` the tokens that keep some. */
  compact(used: Uint8Array): void {
    this.lists.forEach((list, token) => {
      if (!list) return;
      const kept = new Triples();
      for (let i = 0; i < list.length; i += 3) if (this.files[list.data[i]]) kept.push3(list.data[i], list.data[i + 1], list.data[i + 2]);
      this.lists[token] = kept.length ? kept : undefined;
      if (kept.length) used[token] = 1;
    });
  }

  /** Moves the lists to the tokens' new numbers (`Vocabulary.renumber`). */
  renumber(mapping: Int32Array): void {
    const lists: Array<Triples | undefined> = [];
    this.lists.forEach((list, token) => {
      if (!list) return;
      while (lists.length < mapping[token]) lists.push(undefined);
      lists[mapping[token]] = list;
    });
    this.lists = lists;
    this.slots = new Int32Array(this.slots.length);
  }
}

/** Drops the triples of removed files from every table, and the tokens none of them holds any more. */
export function compact(vocabulary: Vocabulary, tables: ReadonlyArray<Postings<{ readonly id: number }>>): void {
  const used = new Uint8Array(vocabulary.size);
  for (const table of tables) table.compact(used);
  const mapping = vocabulary.renumber(used);
  for (const table of tables) table.renumber(mapping);
}

/**
 * The counts of (file id, section) pairs in a triples list. A search starts where the last one
 * ended: a lookup asks mostly in list order (the sections of a heading match, the driver of
 * `forSectionsWithAll`), so each is a short gallop forward over nearby entries instead of a
 * binary search of the whole list, whose every step is a cache miss in a common word's list.
 */
class Counts {
  /** Where the last search ended, in triples. */
  private at = 0;

  constructor(private readonly list: Triples) {}

  /** The count of the pair, or 0 when absent. */
  of(id: number, section: number): number {
    const data = this.list.data;
    const n = this.list.length / 3;
    // The first triple not before the pair lies in lo..hi (hi when every one in between is before it).
    let lo = 0;
    let hi = Math.min(this.at, n);
    if (this.at < n && before(data, this.at, id, section)) {
      let bound = 1;
      while (this.at + bound < n && before(data, this.at + bound, id, section)) bound *= 2;
      lo = this.at + (bound >> 1) + 1;
      hi = Math.min(this.at + bound, n);
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(data, mid, id, section)) lo = mid + 1;
      else hi = mid;
    }
    this.at = lo;
    return lo < n && data[lo * 3] === id && data[lo * 3 + 1] === section ? data[lo * 3 + 2] : 0;
  }
}

/** Whether triple `t` of a list is before (file id, section). */
function before(data: Int32Array, t: number, id: number, section: number): boolean {
  const at = t * 3;
  return data[at] < id || (data[at] === id && data[at + 1] < section);
}
