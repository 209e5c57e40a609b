import { BestHits, Postings } from './postings';
import { excerpt, parseSections } from './sections';
import { asciiTokens, cjkChars, forEachToken, queryFor, type Term, termPattern } from './terms';
import type { LookupOptions, MatchReason, NoteFile, NoteSection, RankedSection } from './types';

/**
 * Scores, highest first. The bands never overlap: any tag (≥ 800) beats any heading (400–700),
 * and a body mention (≤ 175) never outranks a heading match.
 */
const SCORE = {
  tag: 1000,
  fileTag: 800,
  heading: 600,
  headingAlias: 450,
  body: 100,
  bodyAlias: 50,
  /** Added to a body mention of a dotted name (`spec.selector`, `.Values.image`): it names the key more exactly than a bare word. */
  bodyDotted: 25,
} as const;
/** Scores at or above this are "strong": with one of those, an origin's body mentions are dropped. */
const STRONG = 400;
/** How a heading match's score (within its band of 100) splits between heading coverage and body evidence. */
const OWN_WEIGHTS = { coverage: 50, evidence: 50 };
const ALIAS_WEIGHTS = { coverage: 20, evidence: 80 };
const MAX_CACHED_LOOKUPS = 2000;
const MAX_RANKED = 50;
/**
 * Candidates are numbered file id × this + section: more sections than any text can hold (a
 * string has fewer than 2^29 characters, a section at least one), and exact for 2^24 file ids.
 */
const SECTIONS_PER_FILE = 2 ** 29;
/** `setFileInSteps` yields after this many sections. */
const STEP_SECTIONS = 200;

/** A file tokenized but not yet in the postings: token → (section, count) pairs per table. */
interface PreparedFile {
  entry: IndexedFile;
  headingTokens: Map<string, number[]>;
  headingChars: Map<string, number[]>;
  bodyTokens: Map<string, number[]>;
  capitalTokens: Map<string, number[]>;
  tags: Map<string, number[]>;
}

interface IndexedFile {
  /** Increases with every file that enters the postings, so postings stay in file-id order. */
  id: number;
  file: NoteFile;
  sections: NoteSection[];
  /** Per section: the body without HTML comments (tags are no mention), for counting phrases. */
  searchable: string[];
  /** Per section: its own heading, trimmed, and that heading's length without trailing punctuation. */
  headings: string[];
  headingLengths: number[];
  /** Per section, read while ranking candidates so that only the winners' section objects are touched: its start line, and 1 when it gathers its subsections. */
  startLines: number[];
  gathers: number[];
  /** The file's place among all files (origin, then URI), the tie-break of equal scores; set per generation by `rankFiles`. */
  rank: number;
  /** How many postings entries the file added (counted as dead once it is removed). */
  entries: number;
}

/** Counts a token in a section: appends (section, 1), or adds one when the section is already last. */
function tally(map: Map<string, number[]>, token: string, section: number): void {
  const list = map.get(token);
  if (!list) map.set(token, [section, 1]);
  else if (list[list.length - 2] === section) list[list.length - 1]++;
  else list.push(section, 1);
}

const UPPER_WORD = /^[A-Z][A-Z0-9]+$/;
/** A name with a dot between two word characters: `spec.selector`, `Release.Name`. */
const DOTTED = /\w\.\w/;
/** A term that is one token (a word, maybe marked with `--` or `.`), so its counts are in the postings. */
const ONE_TOKEN = /^(--|\.)?[A-Za-z0-9_]+$/;

/**
 * The notes index: files → sections → lookup by hover key. Pure (callers hand in the texts) and
 * incremental: setting a file re-indexes only that file. Lookups touch only sections that share a
 * word with the key's terms and are cached per key until the next change. Never throws.
 */
export class NotesIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Indexed files by id; removed ones leave a hole until the postings are compacted. */
  private readonly byId: Array<IndexedFile | undefined> = [];
  private nextId = 0;
  private liveEntries = 0;
  private deadEntries = 0;
  private readonly headings = new Postings<IndexedFile>(this.byId);
  private readonly headingChars = new Postings<IndexedFile>(this.byId);
  private readonly bodies = new Postings<IndexedFile>(this.byId);
  private readonly capitals = new Postings<IndexedFile>(this.byId);
  private readonly tagPostings = new Postings<IndexedFile>(this.byId);
  private readonly lookups = new Map<string, RankedSection[]>();
  private readonly patterns = new Map<string, RegExp>();
  private ranksValid = false;
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
    for (const _step of this.setFileInSteps(file));
  }

  /**
   * `setFile` in steps, for a caller that lets other work run in between (a 2 MB note takes a
   * while to index). Lookups see the old file until the last step, which swaps the new one in.
   */
  *setFileInSteps(file: NoteFile): Generator<void, void, void> {
    const old = this.files.get(file.uri);
    if (old && old.file.text === file.text && old.file.origin === file.origin && old.file.language === file.language) return;
    const prepared = yield* this.index(file);
    if (this.files.get(file.uri) !== old) return; // Another change to this file won meanwhile.
    if (old) this.unindex(old);
    this.commit(prepared);
    this.files.set(file.uri, prepared.entry);
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
    return this.rank(key, options)
      .slice(0, options.maxSections)
      .map((r) => r.section);
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
    this.ranksValid = false;
  }

  /** Tokenizes a file's sections, yielding every few hundred sections; `commit` adds the result to the postings. */
  private *index(file: NoteFile): Generator<void, PreparedFile, void> {
    const sections = parseSections(file);
    const entry: IndexedFile = { id: -1, file, sections, searchable: [], headings: [], headingLengths: [], startLines: [], gathers: [], rank: 0, entries: 0 };
    const headingTokens = new Map<string, number[]>();
    const headingChars = new Map<string, number[]>();
    const bodyTokens = new Map<string, number[]>();
    const capitalTokens = new Map<string, number[]>();
    const tags = new Map<string, number[]>();
    for (let i = 0; i < sections.length; i++) {
      if (i > 0 && i % STEP_SECTIONS === 0) yield;
      const section = sections[i];
      // A heading that gathers its subsections mentions nothing itself; the subsections do.
      const own = section.coversSubsections ? '' : section.body;
      entry.searchable.push(own.includes('<!--') ? own.replace(/<!--[\s\S]*?-->/g, ' ') : own);
      const heading = (section.headingPath[section.headingPath.length - 1] ?? '').trim();
      entry.headings.push(heading);
      entry.headingLengths.push(Math.max(1, heading.replace(/[\s.:：。]+$/, '').length));
      entry.startLines.push(section.startLine);
      entry.gathers.push(section.coversSubsections ? 1 : 0);
      if (section.empty) continue;
      forEachToken(heading, (token) => tally(headingTokens, token, i));
      for (const char of cjkChars(heading)) tally(headingChars, char, i);
      forEachToken(entry.searchable[i], (token, word) => {
        tally(bodyTokens, token, i);
        if (token.length === word.length && isCapitalWord(word)) tally(capitalTokens, word, i);
      });
      // For tags the "count" says where the tag is: 0 in the section, 1 in the front matter.
      for (const tag of section.tags) tags.set(tag.toLowerCase(), [...(tags.get(tag.toLowerCase()) ?? []), i, 0]);
      for (const tag of section.fileTags) tags.set(tag.toLowerCase(), [...(tags.get(tag.toLowerCase()) ?? []), i, 1]);
    }
    return { entry, headingTokens, headingChars, bodyTokens, capitalTokens, tags };
  }

  private commit(prepared: PreparedFile): void {
    const { entry } = prepared;
    // Ids are handed out as files enter the postings, which keeps every list in id order.
    entry.id = this.nextId++;
    this.byId[entry.id] = entry;
    entry.entries =
      this.headings.add(entry, prepared.headingTokens) +
      this.headingChars.add(entry, prepared.headingChars) +
      this.bodies.add(entry, prepared.bodyTokens) +
      this.capitals.add(entry, prepared.capitalTokens) +
      this.tagPostings.add(entry, prepared.tags);
    this.liveEntries += entry.entries;
  }

  /** Forgets a file; once most postings entries are dead, they are dropped in one pass. */
  private unindex(entry: IndexedFile): void {
    this.byId[entry.id] = undefined;
    this.liveEntries -= entry.entries;
    this.deadEntries += entry.entries;
    if (this.deadEntries > Math.max(this.liveEntries, 100000)) {
      for (const postings of [this.headings, this.headingChars, this.bodies, this.capitals, this.tagPostings]) postings.compact();
      this.deadEntries = 0;
    }
  }

  private computeRank(key: string, options: Omit<LookupOptions, 'maxSections'>): RankedSection[] {
    const query = queryFor(key);
    // Candidates by file id and section: a number, so ranking them touches no section object.
    const best = new Map<number, Candidate>();
    const strongOrigins = new Set<NoteFile['origin']>();
    const offer: Offer = (f, section, score, reason, matched, pattern) => {
      const id = f.id * SECTIONS_PER_FILE + section;
      const current = best.get(id);
      if (current && score <= current.score) return;
      best.set(id, { file: f, section, score, reason, matched, pattern });
      if (score >= STRONG) strongOrigins.add(f.file.origin);
    };
    const admitted = (f: IndexedFile) => admits(f.file, options);

    query.tags.forEach((tag, i) => {
      // The key itself beats any path end; a longer path end beats a shorter one.
      const specificity = i === 0 ? 50 : Math.min(40, tag.split('.').length);
      this.tagPostings.forEach(tag, admitted, (f, section, fromFile) => {
        offer(f, section, (fromFile ? SCORE.fileTag : SCORE.tag) + specificity, fromFile ? 'file tag' : 'tag', tag);
      });
    });

    const terms = query.terms.map((term) => this.termInfo(term));
    const own = terms.filter((t) => !t.term.alias);
    for (const info of terms) this.matchHeadings(info, own, admitted, offer);

    const weakOrigins = (options.includeBundled ? (['user', 'bundled'] as const) : (['user'] as const)).filter((o) => !strongOrigins.has(o));
    if (weakOrigins.length > 0) {
      const needsBody = (f: IndexedFile) => admitted(f) && !strongOrigins.has(f.file.origin);
      for (const info of terms) this.matchBodies(info, needsBody, offer);
    }
    return this.top(best);
  }

  /**
   * The best MAX_RANKED: user notes first, then by score, file order and line. Each candidate is
   * one number in that order (origin, 2047 − score, file rank, line), so no full sort is needed.
   */
  private top(best: ReadonlyMap<number, Candidate>): RankedSection[] {
    this.rankFiles();
    const byKey = new Map<number, Candidate>();
    const hits = new BestHits(MAX_RANKED);
    for (const c of best.values()) {
      const f = c.file;
      const key =
        originOrder(f.file) * 2 ** 51 + (2047 - Math.min(2047, c.score)) * 2 ** 40 + f.rank * 2 ** 20 + Math.min(f.startLines[c.section], 2 ** 20 - 1);
      byKey.set(key, c);
      hits.add(key);
    }
    return [...hits.sorted()].map((key) => {
      const { file, section: i, score, reason, matched, pattern } = byKey.get(key) as Candidate;
      const section = file.sections[i];
      // A body mention shows the part of the section that mentions it.
      return { section: pattern && (reason === 'body' || reason === 'body alias') ? excerpt(section, pattern()) : section, score, reason, matched };
    });
  }

  /** Numbers the files by origin and URI, the tie-break of equal scores; once per generation. */
  private rankFiles(): void {
    if (this.ranksValid) return;
    const files = [...this.files.values()];
    files.sort((a, b) => originOrder(a.file) - originOrder(b.file) || compare(a.file.uri, b.file.uri));
    files.forEach((f, i) => (f.rank = i));
    this.ranksValid = true;
  }

  private termInfo(term: Term): TermInfo {
    const plain = isPlain(term);
    const tokens = plain ? [term.caseSensitive ? term.text : term.text.toLowerCase()] : asciiTokens(term.text);
    const chars = cjkChars(term.text);
    // Most terms are one word found through the postings and never need their pattern: compile it on first use.
    let compiled: RegExp | undefined;
    const pattern = () => (compiled ??= this.pattern(term));
    return { term, tokens, plain, chars, hasCjk: chars.length > 0, pattern, mentions: this.mentionCounter(term, plain, tokens) };
  }

  /**
   * A term in a section's own heading. (Not in a parent's heading: real notes nest loosely, so
   * "Ingress › Docker entry and cmd overwritten" is no note about Ingress.) Within the heading
   * band, a section ranks higher the more of its heading the term covers ("Service" over
   * "Service Accounts") and the more its body names the key's own terms (10 per mention); a
   * heading that only gathers its subsections ranks lowest. An alias does not match a heading
   * that names one of its group's other members.
   */
  private matchHeadings(info: TermInfo, own: readonly TermInfo[], admitted: (f: IndexedFile) => boolean, offer: Offer): void {
    const { term } = info;
    // An alias names the key only loosely, so for alias matches the body's use of the key's own
    // words counts for more than how much of the heading the alias covers.
    const weights = term.alias ? ALIAS_WEIGHTS : OWN_WEIGHTS;
    const base = term.alias ? SCORE.headingAlias : SCORE.heading;
    const reason = term.alias ? 'heading alias' : 'heading';
    // A one-word term found through the postings is a whole-word match already; others are checked.
    const exact = info.plain && !term.caseSensitive;
    const siblings = (term.siblings ?? []).map((text) => this.pattern({ text, caseSensitive: true, alias: true }));
    // Without whitespace in the term, a match is as long as the term: test, no match object.
    const fixedLength = !/\s/.test(term.text);
    const visit = (f: IndexedFile, i: number) => {
      // "ServiceType ClusterIP" is no note about NodePort, though "ServiceType" is its alias.
      if (
        siblings.some((s) => {
          s.lastIndex = 0;
          return s.test(f.headings[i]);
        })
      )
        return;
      let length = term.text.length;
      if (!exact) {
        const pattern = info.pattern();
        pattern.lastIndex = 0;
        if (fixedLength) {
          if (!pattern.test(f.headings[i])) return;
        } else {
          const m = pattern.exec(f.headings[i]);
          if (!m) return;
          length = m[0].length;
        }
      }
      const coverage = Math.round((weights.coverage * length) / f.headingLengths[i]);
      let mentions = 0;
      for (const o of own) mentions += o.mentions(f, i);
      const evidence = Math.min(weights.evidence, 10 * mentions);
      const gathering = f.gathers[i] ? 50 : 0;
      offer(f, i, base + coverage + evidence - gathering, reason, term.text);
    };
    if (info.tokens.length)
      this.headings.forSectionsWithAll(
        info.tokens.map((t) => t.toLowerCase()),
        admitted,
        visit,
      );
    else this.headingChars.forSectionsWithAll(info.chars, admitted, visit);
  }

  /**
   * How often a section's body names a term, from the postings: exact for a single token, and for
   * a phrase the count of its rarest token (an upper bound that needs no scan of the text).
   */
  private mentionCounter(term: Term, plain: boolean, tokens: readonly string[]): (f: IndexedFile, section: number) => number {
    if (term.caseSensitive) return plain ? this.capitals.counter(tokens[0]) : () => 0;
    if (tokens.length === 0) return () => 0;
    const counters = tokens.map((token) => this.bodies.counter(token));
    return (f, section) => {
      let least = Infinity;
      for (const count of counters) least = Math.min(least, count(f, section));
      return least;
    };
  }

  /**
   * Mentions in section bodies, scored by how often they occur (CJK-only terms match headings
   * only). A common word can be in thousands of sections, so only the best MAX_RANKED of each
   * term are offered: by count, then file order, then position, as the final ranking would.
   */
  private matchBodies(info: TermInfo, wanted: (f: IndexedFile) => boolean, offer: Offer): void {
    const { term } = info;
    // Bodies are indexed by ASCII words only, so a term with CJK characters is looked for in headings.
    if (!info.tokens.length || term.headingOnly || info.hasCjk) return;
    const base = (term.alias ? SCORE.bodyAlias : SCORE.body) + (DOTTED.test(term.text) ? SCORE.bodyDotted : 0);
    const cap = term.alias ? 40 : 50;
    const reason = term.alias ? 'body alias' : 'body';
    this.rankFiles();
    const best = new BestHits(MAX_RANKED);
    const files: IndexedFile[] = [];
    const add = (f: IndexedFile, section: number, count: number) => {
      const rank = f.rank;
      files[rank] = f;
      // One number per hit sorts as (higher count, earlier file, earlier section) first.
      best.add((cap - Math.min(cap, count)) * 2 ** 40 + rank * 2 ** 20 + Math.min(section, 2 ** 20 - 1));
    };
    if (info.plain) {
      // One token: the counts are in the postings, no text is scanned.
      (term.caseSensitive ? this.capitals : this.bodies).forEach(info.tokens[0], wanted, add);
    } else {
      this.bodies.forSectionsWithAll(info.tokens, wanted, (f, i) => {
        // Counted with test (the pattern is global, so each test starts after the last match): no arrays.
        const pattern = info.pattern();
        pattern.lastIndex = 0;
        let count = 0;
        while (pattern.test(f.searchable[i])) count++;
        if (count > 0) add(f, i, count);
      });
    }
    for (const key of best.sorted()) {
      const count = cap - Math.floor(key / 2 ** 40);
      const file = files[Math.floor(key / 2 ** 20) % 2 ** 20];
      offer(file, key % 2 ** 20, base + count, reason, term.text, info.pattern);
    }
  }
}

/** A term with what every candidate check needs, computed once per lookup. */
interface TermInfo {
  term: Term;
  /** Index tokens (lower-cased; a case-sensitive term keeps its capitals). */
  tokens: string[];
  /** One token whose counts the postings hold. */
  plain: boolean;
  /** The term's CJK characters (looked up in headings when it has no ASCII word). */
  chars: string[];
  hasCjk: boolean;
  /** The term's whole-word pattern, compiled on first use. */
  pattern: () => RegExp;
  /** How often a section's body names the term (see `mentionCounter`), with its postings lists looked up once. */
  mentions: (f: IndexedFile, section: number) => number;
}

/** A section offered for a key, by its file and index, with its best score so far. */
interface Candidate {
  file: IndexedFile;
  section: number;
  score: number;
  reason: MatchReason;
  matched: string;
  /** A body match's pattern, for the excerpt. */
  pattern?: () => RegExp;
}

/** Proposes a section with a score; the best score per section wins. Body matches pass their pattern for the excerpt. */
type Offer = (f: IndexedFile, section: number, score: number, reason: MatchReason, matched: string, pattern?: () => RegExp) => void;

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
