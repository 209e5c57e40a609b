import { parseSections } from './sections';
import { asciiTokens, cjkChars, forEachToken, queryFor, type Term, termPattern } from './terms';
import type { LookupOptions, MatchReason, NoteFile, NoteSection, RankedSection } from './types';

/**
 * Scores, highest first. The bands never overlap: any tag (≥ 800) beats any heading (400–700),
 * and a body mention (≤ 150) never outranks a heading match.
 */
const SCORE = {
  tag: 1000,
  fileTag: 800,
  heading: 600,
  headingAlias: 450,
  body: 100,
  bodyAlias: 50,
} as const;
/** Scores at or above this are "strong": with one of those, an origin's body mentions are dropped. */
const STRONG = 400;
/** How a heading match's score (within its band of 100) splits between heading coverage and body evidence. */
const OWN_WEIGHTS = { coverage: 50, evidence: 50 };
const ALIAS_WEIGHTS = { coverage: 20, evidence: 80 };
const MAX_CACHED_LOOKUPS = 2000;
const MAX_RANKED = 50;

interface IndexedFile {
  file: NoteFile;
  sections: NoteSection[];
  /** Per section: the body without HTML comments (tags are no mention), for counting phrases. */
  searchable: string[];
  /** Per section: its own heading, trimmed, and that heading's length without trailing punctuation. */
  headings: string[];
  headingLengths: number[];
  /** The tokens this file added to each postings table, so removal touches only those. */
  tokens: Map<Postings, string[]>;
}

/**
 * token → file → (section index, count) pairs. Keyed by file so a file's entries are replaced
 * without scanning the others.
 */
class Postings {
  private readonly map = new Map<string, Map<IndexedFile, number[]>>();

  get(token: string): ReadonlyMap<IndexedFile, readonly number[]> | undefined {
    return this.map.get(token);
  }

  addFile(file: IndexedFile, entries: ReadonlyMap<string, number[]>): void {
    for (const [token, values] of entries) {
      let files = this.map.get(token);
      if (!files) this.map.set(token, (files = new Map()));
      files.set(file, values);
    }
    file.tokens.set(this, [...entries.keys()]);
  }

  /**
   * The sections (of files `wanted` accepts) holding every token, found from the token in the
   * fewest files, so a phrase with one common word ("k8s/hostpath-3") checks only a few sections.
   */
  *sectionsWithAll(tokens: readonly string[], wanted: (f: IndexedFile) => boolean): Generator<[IndexedFile, number, number]> {
    const lists: Array<ReadonlyMap<IndexedFile, readonly number[]>> = [];
    for (const token of new Set(tokens)) {
      const list = this.map.get(token);
      if (!list) return;
      lists.push(list);
    }
    if (lists.length === 0) return;
    lists.sort((a, b) => a.size - b.size);
    const [driver, ...others] = lists;
    for (const [f, pairs] of driver) {
      if (!wanted(f)) continue;
      const rest = others.map((o) => o.get(f));
      if (rest.some((r) => r === undefined)) continue;
      for (let p = 0; p < pairs.length; p += 2) {
        if (rest.every((r) => hasSection(r as readonly number[], pairs[p]))) yield [f, pairs[p], pairs[p + 1]];
      }
    }
  }

  removeFile(file: IndexedFile): void {
    for (const token of file.tokens.get(this) ?? []) {
      const files = this.map.get(token);
      files?.delete(file);
      if (files?.size === 0) this.map.delete(token);
    }
  }
}

function hasSection(pairs: readonly number[], section: number): boolean {
  return countIn(pairs, section) > 0;
}

/** The count paired with `section` in (section, count) pairs; 0 when absent. */
function countIn(pairs: readonly number[] | undefined, section: number): number {
  if (!pairs) return 0;
  for (let p = 0; p < pairs.length; p += 2) if (pairs[p] === section) return pairs[p + 1];
  return 0;
}

function push(map: Map<string, number[]>, token: string, ...values: number[]): void {
  const list = map.get(token);
  if (list) list.push(...values);
  else map.set(token, values);
}

const UPPER_WORD = /^[A-Z][A-Z0-9]+$/;
/** A term that is one token (a word, maybe marked with `--` or `.`), so its counts are in the postings. */
const ONE_TOKEN = /^(--|\.)?[A-Za-z0-9_]+$/;

/**
 * The notes index: files → sections → lookup by hover key. Pure (callers hand in the texts) and
 * incremental: setting a file re-indexes only that file. Lookups touch only sections that share a
 * word with the key's terms and are cached per key until the next change. Never throws.
 */
export class NotesIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly headings = new Postings();
  private readonly headingChars = new Postings();
  private readonly bodies = new Postings();
  private readonly capitals = new Postings();
  private readonly tagPostings = new Postings();
  private readonly lookups = new Map<string, RankedSection[]>();
  private readonly patterns = new Map<string, RegExp>();
  private order: Map<string, number> | undefined;
  private gen = 0;

  /** Increases on every change; data derived from the index may be cached per generation. */
  get generation(): number {
    return this.gen;
  }

  get fileCount(): number {
    return this.files.size;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** Adds or replaces a file; a file with the same text and origin is left as it is. */
  setFile(file: NoteFile): void {
    const old = this.files.get(file.uri);
    if (old && old.file.text === file.text && old.file.origin === file.origin && old.file.language === file.language) return;
    if (old) this.unindex(old);
    const entry = this.index(file);
    this.files.set(file.uri, entry);
    this.changed();
  }

  removeFile(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.unindex(old);
    this.files.delete(uri);
    this.changed();
  }

  /** The best sections for a hover key: user notes first, then by rank; at most `maxSections`. */
  lookup(key: string, options: LookupOptions): NoteSection[] {
    return this.rank(key, options).slice(0, options.maxSections).map((r) => r.section);
  }

  /** Every section that matches `key`, best first, with why it matched (at most 50). */
  rank(key: string, options: Omit<LookupOptions, 'maxSections'>): RankedSection[] {
    const cacheKey = `${key}\u0000${options.includeBundled}\u0000${options.language}`;
    const cached = this.lookups.get(cacheKey);
    if (cached) return cached;
    const ranked = this.computeRank(key, options);
    if (this.lookups.size >= MAX_CACHED_LOOKUPS) this.lookups.clear();
    this.lookups.set(cacheKey, ranked);
    return ranked;
  }

  /** All sections with content, user notes first, in file and line order (for "Search Notes"). */
  sections(options: Omit<LookupOptions, 'maxSections'>): NoteSection[] {
    const files = [...this.files.values()].filter((f) => admits(f.file, options));
    files.sort((a, b) => originOrder(a.file) - originOrder(b.file) || compare(a.file.uri, b.file.uri));
    return files.flatMap((f) => f.sections.filter((s) => !s.empty));
  }

  /** Compiled once per term (the terms of a key do not change). */
  private pattern(term: Term): RegExp {
    const id = `${term.caseSensitive ? 's' : 'i'}${term.text}`;
    let pattern = this.patterns.get(id);
    if (!pattern) {
      if (this.patterns.size >= MAX_CACHED_LOOKUPS) this.patterns.clear();
      pattern = termPattern(term);
      this.patterns.set(id, pattern);
    }
    pattern.lastIndex = 0;
    return pattern;
  }

  private changed(): void {
    this.gen++;
    this.lookups.clear();
    this.order = undefined;
  }

  private index(file: NoteFile): IndexedFile {
    const sections = parseSections(file);
    const entry: IndexedFile = { file, sections, searchable: [], headings: [], headingLengths: [], tokens: new Map() };
    const headingTokens = new Map<string, number[]>();
    const headingChars = new Map<string, number[]>();
    const bodyTokens = new Map<string, number[]>();
    const capitalTokens = new Map<string, number[]>();
    const tags = new Map<string, number[]>();
    sections.forEach((section, i) => {
      // A heading that gathers its subsections mentions nothing itself; the subsections do.
      const own = section.coversSubsections ? '' : section.body;
      entry.searchable.push(own.includes('<!--') ? own.replace(/<!--[\s\S]*?-->/g, ' ') : own);
      const heading = (section.headingPath[section.headingPath.length - 1] ?? '').trim();
      entry.headings.push(heading);
      entry.headingLengths.push(Math.max(1, heading.replace(/[\s.:：。]+$/, '').length));
      if (section.empty) return;
      for (const token of new Set(asciiTokens(heading))) push(headingTokens, token, i, 1);
      for (const char of new Set(cjkChars(heading))) push(headingChars, char, i, 1);
      const counts = new Map<string, number>();
      const capitals = new Map<string, number>();
      forEachToken(entry.searchable[i], (token, word) => {
        counts.set(token, (counts.get(token) ?? 0) + 1);
        if (token.length === word.length && isCapitalWord(word)) capitals.set(word, (capitals.get(word) ?? 0) + 1);
      });
      for (const [token, count] of counts) push(bodyTokens, token, i, count);
      for (const [token, count] of capitals) push(capitalTokens, token, i, count);
      for (const tag of section.tags) push(tags, tag.toLowerCase(), i, 0);
      for (const tag of section.fileTags) push(tags, tag.toLowerCase(), i, 1);
    });
    this.headings.addFile(entry, headingTokens);
    this.headingChars.addFile(entry, headingChars);
    this.bodies.addFile(entry, bodyTokens);
    this.capitals.addFile(entry, capitalTokens);
    this.tagPostings.addFile(entry, tags);
    return entry;
  }

  private unindex(entry: IndexedFile): void {
    for (const postings of [this.headings, this.headingChars, this.bodies, this.capitals, this.tagPostings]) postings.removeFile(entry);
  }

  private computeRank(key: string, options: Omit<LookupOptions, 'maxSections'>): RankedSection[] {
    const query = queryFor(key);
    const best = new Map<NoteSection, RankedSection>();
    const offer: Offer = (section, score, reason, matched) => {
      const current = best.get(section);
      if (!current || score > current.score) best.set(section, { section, score, reason, matched });
    };
    const admitted = (f: IndexedFile) => admits(f.file, options);

    query.tags.forEach((tag, i) => {
      // The key itself beats any path end; a longer path end beats a shorter one.
      const specificity = i === 0 ? 50 : Math.min(40, tag.split('.').length);
      for (const [f, pairs] of this.tagPostings.get(tag) ?? []) {
        if (!admitted(f)) continue;
        for (let p = 0; p < pairs.length; p += 2) {
          const fromFile = pairs[p + 1] === 1;
          offer(f.sections[pairs[p]], (fromFile ? SCORE.fileTag : SCORE.tag) + specificity, fromFile ? 'file tag' : 'tag', tag);
        }
      }
    });

    const terms = query.terms.map((term) => this.termInfo(term));
    const own = terms.filter((t) => !t.term.alias);
    for (const info of terms) this.matchHeadings(info, own, admitted, offer);

    const strongOrigins = new Set([...best.values()].filter((r) => r.score >= STRONG).map((r) => r.section.origin));
    if (strongOrigins.size < 2) {
      const needsBody = (f: IndexedFile) => admitted(f) && !strongOrigins.has(f.file.origin);
      for (const info of terms) this.matchBodies(info, needsBody, offer);
    }

    const order = this.fileOrder();
    const rankOf = (s: NoteSection) => order.get(s.uri) ?? 0;
    const ranked = [...best.values()];
    ranked.sort((a, b) => originOrder(a.section) - originOrder(b.section) || b.score - a.score || rankOf(a.section) - rankOf(b.section) || a.section.startLine - b.section.startLine);
    return ranked.slice(0, MAX_RANKED);
  }

  /** Files by origin and URI, the tie-break of equal scores; computed once per generation. */
  private fileOrder(): Map<string, number> {
    if (!this.order) {
      const files = [...this.files.values()].map((f) => f.file);
      files.sort((a, b) => originOrder(a) - originOrder(b) || compare(a.uri, b.uri));
      this.order = new Map(files.map((f, i) => [f.uri, i]));
    }
    return this.order;
  }

  private termInfo(term: Term): TermInfo {
    const plain = isPlain(term);
    const tokens = plain ? [term.caseSensitive ? term.text : term.text.toLowerCase()] : asciiTokens(term.text);
    return { term, tokens, plain, chars: tokens.length ? [] : cjkChars(term.text), pattern: this.pattern(term) };
  }

  /**
   * A term in a section's own heading. (Not in a parent's heading: real notes nest loosely, so
   * "Ingress › Docker entry and cmd overwritten" is no note about Ingress.) Within the heading
   * band, a section ranks higher the more of its heading the term covers ("Service" over
   * "Service Accounts") and the more its body names the key's own terms (10 per mention); a
   * heading that only gathers its subsections ranks lowest.
   */
  private matchHeadings(info: TermInfo, own: readonly TermInfo[], admitted: (f: IndexedFile) => boolean, offer: Offer): void {
    const { term, pattern } = info;
    const candidates = info.tokens.length ? this.headings.sectionsWithAll(info.tokens.map((t) => t.toLowerCase()), admitted) : this.headingChars.sectionsWithAll(info.chars, admitted);
    // An alias names the key only loosely, so for alias matches the body's use of the key's own
    // words counts for more than how much of the heading the alias covers.
    const weights = term.alias ? ALIAS_WEIGHTS : OWN_WEIGHTS;
    const base = term.alias ? SCORE.headingAlias : SCORE.heading;
    const reason = term.alias ? 'heading alias' : 'heading';
    for (const [f, i] of candidates) {
      pattern.lastIndex = 0;
      const m = pattern.exec(f.headings[i]);
      if (!m) continue;
      const coverage = Math.round((weights.coverage * m[0].length) / f.headingLengths[i]);
      let mentions = 0;
      for (const o of own) mentions += this.mentions(f, i, o);
      const evidence = Math.min(weights.evidence, 10 * mentions);
      const gathering = f.sections[i].coversSubsections ? 50 : 0;
      offer(f.sections[i], base + coverage + evidence - gathering, reason, term.text);
    }
  }

  /**
   * How often a section's body names a term, from the postings: exact for a single token, and for
   * a phrase the count of its rarest token (an upper bound that needs no scan of the text).
   */
  private mentions(f: IndexedFile, section: number, info: TermInfo): number {
    if (info.term.caseSensitive) return info.plain ? countIn(this.capitals.get(info.tokens[0])?.get(f), section) : 0;
    let least = Infinity;
    for (const token of info.tokens) least = Math.min(least, countIn(this.bodies.get(token)?.get(f), section));
    return Number.isFinite(least) ? least : 0;
  }

  /**
   * Mentions in section bodies, scored by how often they occur (CJK-only terms match headings
   * only). A common word can be in thousands of sections, so only the best MAX_RANKED of each
   * term are offered: by count, then file order, then position, as the final ranking would.
   */
  private matchBodies(info: TermInfo, wanted: (f: IndexedFile) => boolean, offer: Offer): void {
    const { term } = info;
    if (!info.tokens.length || term.headingOnly) return;
    const base = term.alias ? SCORE.bodyAlias : SCORE.body;
    const cap = term.alias ? 40 : 50;
    const reason = term.alias ? 'body alias' : 'body';
    const order = this.fileOrder();
    const best = new BestHits(MAX_RANKED);
    const files: IndexedFile[] = [];
    const add = (f: IndexedFile, section: number, count: number) => {
      const rank = order.get(f.file.uri) ?? 0;
      files[rank] = f;
      // One number per hit sorts as (higher count, earlier file, earlier section) first.
      best.add((cap - Math.min(cap, count)) * 2 ** 40 + rank * 2 ** 20 + Math.min(section, 2 ** 20 - 1));
    };
    if (info.plain) {
      // One token: the counts are in the postings, no text is scanned.
      const postings = term.caseSensitive ? this.capitals.get(info.tokens[0]) : this.bodies.get(info.tokens[0]);
      for (const [f, pairs] of postings ?? []) {
        if (!wanted(f)) continue;
        for (let p = 0; p < pairs.length; p += 2) add(f, pairs[p], pairs[p + 1]);
      }
    } else {
      for (const [f, i] of this.bodies.sectionsWithAll(info.tokens, wanted)) {
        info.pattern.lastIndex = 0;
        const count = f.searchable[i].match(info.pattern)?.length ?? 0;
        if (count > 0) add(f, i, count);
      }
    }
    for (const key of best.sorted()) {
      const count = cap - Math.floor(key / 2 ** 40);
      const file = files[Math.floor(key / 2 ** 20) % 2 ** 20];
      offer(file.sections[key % 2 ** 20], base + count, reason, term.text);
    }
  }
}

/**
 * The `limit` smallest numbers of a stream, without sorting the whole stream: numbers are kept
 * in a buffer that is sorted and cut back to `limit` whenever it fills, and a number above the
 * current cut-off is dropped at once.
 */
class BestHits {
  private buffer: Float64Array;
  private size = 0;
  private cutoff = Infinity;

  constructor(private readonly limit: number) {
    this.buffer = new Float64Array(limit * 8);
  }

  add(value: number): void {
    if (value >= this.cutoff) return;
    if (this.size === this.buffer.length) this.shrink();
    this.buffer[this.size++] = value;
  }

  sorted(): Float64Array {
    this.shrink();
    return this.buffer.subarray(0, this.size);
  }

  private shrink(): void {
    const kept = this.buffer.subarray(0, this.size).sort();
    this.size = Math.min(this.size, this.limit);
    if (this.size === this.limit) this.cutoff = kept[this.limit - 1];
  }
}

/** A term with what every candidate check needs, computed once per lookup. */
interface TermInfo {
  term: Term;
  /** Index tokens (lower-cased; a case-sensitive term keeps its capitals). */
  tokens: string[];
  /** One token whose counts the postings hold. */
  plain: boolean;
  /** The CJK characters of a term without ASCII words. */
  chars: string[];
  pattern: RegExp;
}

type Offer = (section: NoteSection, score: number, reason: MatchReason, matched: string) => void;

/** A single token whose counts the postings hold (case-sensitive terms are capital words). */
function isPlain(term: Term): boolean {
  return term.caseSensitive ? UPPER_WORD.test(term.text) : ONE_TOKEN.test(term.text);
}

/** `CMD`, `EXPOSE`: two or more capitals or digits, starting with a capital. */
function isCapitalWord(word: string): boolean {
  if (word.length < 2) return false;
  const first = word.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function admits(file: { origin: NoteFile['origin']; language?: NoteFile['language'] }, options: Omit<LookupOptions, 'maxSections'>): boolean {
  return file.origin === 'user' || (options.includeBundled && (file.language ?? 'en') === options.language);
}

function originOrder(x: { origin: NoteFile['origin'] }): number {
  return x.origin === 'user' ? 0 : 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
