import { parseSections } from './sections';
import { asciiTokens, cjkChars, queryFor, type Term, termPattern } from './terms';
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
  /** The tokens this file added to each postings table, so removal touches only those. */
  tokens: Map<Postings, string[]>;
}

/**
 * token → file → numbers (section indices, or index/count pairs). Keyed by file so a file's
 * entries are replaced without scanning the others.
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

  removeFile(file: IndexedFile): void {
    for (const token of file.tokens.get(this) ?? []) {
      const files = this.map.get(token);
      files?.delete(file);
      if (files?.size === 0) this.map.delete(token);
    }
  }
}

function push(map: Map<string, number[]>, token: string, ...values: number[]): void {
  const list = map.get(token);
  if (list) list.push(...values);
  else map.set(token, values);
}

const UPPER_WORD = /^[A-Z][A-Z0-9]+$/;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

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

  private changed(): void {
    this.gen++;
    this.lookups.clear();
  }

  private index(file: NoteFile): IndexedFile {
    const sections = parseSections(file);
    const entry: IndexedFile = { file, sections, searchable: [], tokens: new Map() };
    const headingTokens = new Map<string, number[]>();
    const headingChars = new Map<string, number[]>();
    const bodyTokens = new Map<string, number[]>();
    const capitalTokens = new Map<string, number[]>();
    const tags = new Map<string, number[]>();
    sections.forEach((section, i) => {
      // A heading that gathers its subsections mentions nothing itself; the subsections do.
      const own = section.coversSubsections ? '' : section.body;
      entry.searchable.push(own.includes('<!--') ? own.replace(/<!--[\s\S]*?-->/g, ' ') : own);
      if (section.empty) return;
      const heading = section.headingPath[section.headingPath.length - 1] ?? '';
      for (const token of new Set(asciiTokens(heading))) push(headingTokens, token, i);
      for (const char of new Set(cjkChars(heading))) push(headingChars, char, i);
      const counts = new Map<string, number>();
      const capitals = new Map<string, number>();
      for (const word of entry.searchable[i].match(/[A-Za-z0-9]+/g) ?? []) {
        const lower = word.toLowerCase();
        counts.set(lower, (counts.get(lower) ?? 0) + 1);
        if (UPPER_WORD.test(word)) capitals.set(word, (capitals.get(word) ?? 0) + 1);
      }
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
    const offer = (section: NoteSection, score: number, reason: MatchReason, matched: string) => {
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

    const own = query.terms.filter((t) => !t.alias);
    for (const term of query.terms) this.matchHeadings(term, own, admitted, offer);

    const strongOrigins = new Set([...best.values()].filter((r) => r.score >= STRONG).map((r) => r.section.origin));
    const needsBody = (f: IndexedFile) => admitted(f) && !strongOrigins.has(f.file.origin);
    for (const term of query.terms) this.matchBodies(term, needsBody, offer);

    const ranked = [...best.values()].filter((r) => !r.section.empty);
    ranked.sort((a, b) => originOrder(a.section) - originOrder(b.section) || b.score - a.score || compare(a.section.uri, b.section.uri) || a.section.startLine - b.section.startLine);
    return ranked.slice(0, MAX_RANKED);
  }

  /**
   * A term in a section's own heading. (Not in a parent's heading: real notes nest loosely, so
   * "Ingress › Docker entry and cmd overwritten" is no note about Ingress.) Within the heading band, a section ranks higher the more of its heading the term covers
   * ("Service" over "Service Accounts") and the more its body names the key's own terms (10 per
   * mention); a heading that only gathers its subsections ranks lowest.
   */
  private matchHeadings(term: Term, own: readonly Term[], admitted: (f: IndexedFile) => boolean, offer: Offer): void {
    const words = asciiTokens(term.text);
    const chars = cjkChars(term.text);
    const postings = words.length ? this.headings.get(longest(words)) : chars.length ? this.headingChars.get(chars[0]) : undefined;
    if (!postings) return;
    const pattern = termPattern(term);
    for (const [f, indices] of postings) {
      if (!admitted(f)) continue;
      for (const i of indices) {
        const section = f.sections[i];
        const heading = (section.headingPath[section.headingPath.length - 1] ?? '').trim();
        pattern.lastIndex = 0;
        const m = pattern.exec(heading);
        if (!m) continue;
        // An alias names the key only loosely, so for alias matches the body's use of the key's own
        // words counts for more than how much of the heading the alias covers.
        const weights = term.alias ? ALIAS_WEIGHTS : OWN_WEIGHTS;
        const coverage = Math.round((weights.coverage * m[0].length) / Math.max(1, heading.replace(/[\s.:：。]+$/, '').length));
        const evidence = Math.min(weights.evidence, 10 * own.reduce((sum, t) => sum + this.mentions(f, i, t), 0));
        const gathering = section.coversSubsections ? 50 : 0;
        offer(section, (term.alias ? SCORE.headingAlias : SCORE.heading) + coverage + evidence - gathering, term.alias ? 'heading alias' : 'heading', term.text);
      }
    }
  }

  /** How often a section's body names a term: from the postings for a plain word, else by scanning it. */
  private mentions(f: IndexedFile, section: number, term: Term): number {
    if (isPlain(term)) {
      const pairs = (term.caseSensitive ? this.capitals : this.bodies).get(term.caseSensitive ? term.text : term.text.toLowerCase())?.get(f) ?? [];
      for (let p = 0; p < pairs.length; p += 2) if (pairs[p] === section) return pairs[p + 1];
      return 0;
    }
    return asciiTokens(term.text).length ? (f.searchable[section].match(termPattern(term))?.length ?? 0) : 0;
  }

  /** Mentions in section bodies, scored by how often they occur. CJK-only terms match headings only. */
  private matchBodies(term: Term, wanted: (f: IndexedFile) => boolean, offer: Offer): void {
    const words = asciiTokens(term.text);
    if (!words.length || term.headingOnly) return;
    const base = term.alias ? SCORE.bodyAlias : SCORE.body;
    const cap = term.alias ? 40 : 50;
    const reason = term.alias ? 'body alias' : 'body';
    if (isPlain(term)) {
      // One word: the counts are in the postings, no text is scanned.
      const postings = term.caseSensitive ? this.capitals.get(term.text) : this.bodies.get(words[0]);
      for (const [f, pairs] of postings ?? []) {
        if (!wanted(f)) continue;
        for (let p = 0; p < pairs.length; p += 2) offer(f.sections[pairs[p]], base + Math.min(cap, pairs[p + 1]), reason, term.text);
      }
      return;
    }
    const pattern = termPattern(term);
    for (const [f, pairs] of this.bodies.get(longest(words)) ?? []) {
      if (!wanted(f)) continue;
      for (let p = 0; p < pairs.length; p += 2) {
        const count = f.searchable[pairs[p]].match(pattern)?.length ?? 0;
        if (count > 0) offer(f.sections[pairs[p]], base + Math.min(cap, count), reason, term.text);
      }
    }
  }
}

type Offer = (section: NoteSection, score: number, reason: MatchReason, matched: string) => void;

/** A single word whose counts the postings hold (case-sensitive terms are capital words). */
function isPlain(term: Term): boolean {
  return PLAIN_WORD.test(term.text) && (!term.caseSensitive || UPPER_WORD.test(term.text));
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

/** The longest word of a term: usually its rarest, so the fewest candidates to check. */
function longest(words: readonly string[]): string {
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}
