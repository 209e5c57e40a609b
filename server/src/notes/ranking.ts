import type { Postings } from './postings';
import { excerpt } from './sections';
import { asciiTokens, cjkChars, queryFor, type Term } from './terms';
import type { LookupOptions, MatchReason, NoteFile, NoteSection, RankedSection } from './types';

/**
 * The ranking policy: which sections a hover key finds, how well each matches, and in what order
 * they come. A section matches by a tag, by its own heading or by mentions in its body; each match
 * scores in its reason's band, the best match of a section counts, and `compareCandidates` orders
 * the sections. The index hands in its postings and per-file facts (`RankingTables`); nothing here
 * stores or caches anything.
 */

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
/** Points of heading evidence per mention of the key's own terms in the section's body. */
const EVIDENCE_PER_MENTION = 10;
/** Taken from a heading match whose section only gathers its subsections (it says nothing itself). */
const GATHERING_PENALTY = 50;
/** The most body mentions that count, for a term and for an alias. */
const MENTION_CAP = { own: 50, alias: 40 };
/** How many sections a lookup ranks. */
const MAX_RANKED = 50;

const UPPER_WORD = /^[A-Z][A-Z0-9]+$/;
/** A name with a dot between two word characters: `spec.selector`, `Release.Name`. */
const DOTTED = /\w\.\w/;
/** A term that is one token (a word, maybe marked with `--` or `.`), so its counts are in the postings. */
const ONE_TOKEN = /^(--|\.)?[A-Za-z0-9_]+$/;

export type RankOptions = Omit<LookupOptions, 'maxSections'>;

/**
 * A notes file as ranking reads it. The index fills the per-section arrays when the file is set,
 * so ranking a candidate touches no section object; only the winners' sections are read.
 */
export interface RankedFile {
  /** The file's number in the postings lists. */
  readonly id: number;
  readonly file: NoteFile;
  readonly sections: readonly NoteSection[];
  /** Per section: the body without HTML comments (tags are no mention), for counting phrases. */
  readonly searchable: readonly string[];
  /** Per section: its own heading, trimmed, and that heading's length without trailing punctuation. */
  readonly headings: readonly string[];
  readonly headingLengths: readonly number[];
  /** Per section: its start line, and 1 when it gathers its subsections. */
  readonly startLines: readonly number[];
  readonly gathers: readonly number[];
  /** The file's place in `compareFiles` order, the tie-break of equal scores; the index sets it before each ranking. */
  readonly rank: number;
}

/** The index's postings and compiled patterns, as ranking reads them. */
export interface RankingTables {
  /** Lower-cased tag → (section, 0 for a section's own tag, 1 for a front-matter tag). */
  readonly tags: Postings<RankedFile>;
  /** Heading words (lower-cased) and a heading's CJK characters → (section, count). */
  readonly headings: Postings<RankedFile>;
  readonly headingChars: Postings<RankedFile>;
  /** Body words (lower-cased), and body words in capitals kept as written (`CMD`) → (section, count). */
  readonly bodies: Postings<RankedFile>;
  readonly capitals: Postings<RankedFile>;
  /** A term's whole-word pattern, compiled once per term; global, with `lastIndex` at 0. */
  pattern(term: Term): RegExp;
}

/** Whether a lookup sees a file: the user's notes always, bundled notes when included and in the lookup's language. */
export function admits(file: Pick<NoteFile, 'origin' | 'language'>, options: RankOptions): boolean {
  return file.origin === 'user' || (options.includeBundled && (file.language ?? 'en') === options.language);
}

/** The order of files, the last tie-break of equal matches: the user's notes first, then by URI. */
export function compareFiles(a: Pick<NoteFile, 'origin' | 'uri'>, b: Pick<NoteFile, 'origin' | 'uri'>): number {
  return originOrder(a) - originOrder(b) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Every section that matches `key`, best first, with why it matched (at most `MAX_RANKED`). */
export function rankSections(key: string, tables: RankingTables, options: RankOptions): RankedSection[] {
  const query = queryFor(key);
  const candidates = new Candidates();
  const admitted = (f: RankedFile) => admits(f.file, options);

  matchTags(query.tags, tables, admitted, candidates);
  const terms = query.terms.map((term) => termInfo(term, tables));
  const own = terms.filter((t) => !t.term.alias);
  for (const info of terms) matchHeadings(info, own, tables, admitted, candidates);

  // Body mentions are looked for only in origins where no tag or heading named the key.
  const origins = options.includeBundled ? (['user', 'bundled'] as const) : (['user'] as const);
  if (origins.some((o) => !candidates.isStrong(o))) {
    const needsBody = (f: RankedFile) => admitted(f) && !candidates.isStrong(f.file.origin);
    for (const info of terms) matchBodies(info, tables, needsBody, candidates);
  }
  return top(candidates);
}

/** A section offered for a key, by its file and index, with its best score so far. */
interface Candidate {
  file: RankedFile;
  section: number;
  score: number;
  reason: MatchReason;
  matched: string;
  /** A body match's pattern, for the excerpt. */
  pattern?: () => RegExp;
}

/**
 * The order of a lookup's sections, best first; each comparison breaks the ties of the ones
 * before it: the user's notes first, then the higher score, then the earlier file, then the
 * earlier section.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    originOrder(a.file.file) - originOrder(b.file.file) ||
    b.score - a.score ||
    a.file.rank - b.file.rank ||
    a.file.startLines[a.section] - b.file.startLines[b.section]
  );
}

/** The best `MAX_RANKED` candidates in `compareCandidates` order; a body match shows the part of its section that mentions the term. */
function top(candidates: Candidates): RankedSection[] {
  const best = new Best(MAX_RANKED, compareCandidates);
  for (const c of candidates.all) best.add(c);
  return best.sorted().map(({ file, section: i, score, reason, matched, pattern }) => {
    const section = file.sections[i];
    return { section: pattern && (reason === 'body' || reason === 'body alias') ? excerpt(section, pattern()) : section, score, reason, matched };
  });
}

/** The best match so far of every section offered, and which origins have a strong one. */
class Candidates {
  /** Every section offered, once, holding its best match so far. */
  readonly all: Candidate[] = [];
  private readonly byFile = new Map<RankedFile, Map<number, Candidate>>();
  private readonly strongOrigins = new Set<NoteFile['origin']>();

  /** Proposes a section with a score; the best score per section wins. Body matches pass their pattern for the excerpt. */
  offer(file: RankedFile, section: number, score: number, reason: MatchReason, matched: string, pattern?: () => RegExp): void {
    let sections = this.byFile.get(file);
    if (!sections) this.byFile.set(file, (sections = new Map()));
    const current = sections.get(section);
    if (!current) {
      const candidate = { file, section, score, reason, matched, pattern };
      sections.set(section, candidate);
      this.all.push(candidate);
    } else if (score > current.score) {
      Object.assign(current, { score, reason, matched, pattern });
    } else {
      return;
    }
    if (score >= STRONG) this.strongOrigins.add(file.file.origin);
  }

  /** Whether a tag or heading of this origin's notes named the key. */
  isStrong(origin: NoteFile['origin']): boolean {
    return this.strongOrigins.has(origin);
  }
}

/**
 * Sections tagged with the key (`<!-- keys: … -->`, or `keys:` in the file's front matter) or
 * with an end of its field path (the query lists the key first, then shorter ends).
 */
function matchTags(tags: readonly string[], tables: RankingTables, admitted: (f: RankedFile) => boolean, candidates: Candidates): void {
  tags.forEach((tag, i) => {
    // The key itself beats any path end; a longer path end beats a shorter one.
    const specificity = i === 0 ? 50 : Math.min(40, tag.split('.').length);
    tables.tags.forEach(tag, admitted, (f, section, fromFile) => {
      candidates.offer(f, section, (fromFile ? SCORE.fileTag : SCORE.tag) + specificity, fromFile ? 'file tag' : 'tag', tag);
    });
  });
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
  mentions: (f: RankedFile, section: number) => number;
}

function termInfo(term: Term, tables: RankingTables): TermInfo {
  const plain = isPlain(term);
  const tokens = plain ? [term.caseSensitive ? term.text : term.text.toLowerCase()] : asciiTokens(term.text);
  const chars = cjkChars(term.text);
  // Most terms are one word found through the postings and never need their pattern: compile it on first use.
  let compiled: RegExp | undefined;
  const pattern = () => {
    compiled ??= tables.pattern(term);
    compiled.lastIndex = 0;
    return compiled;
  };
  return { term, tokens, plain, chars, hasCjk: chars.length > 0, pattern, mentions: mentionCounter(term, plain, tokens, tables) };
}

/**
 * A term in a section's own heading. (Not in a parent's heading: real notes nest loosely, so
 * "Ingress › Docker entry and cmd overwritten" is no note about Ingress.) Within the heading
 * band, a section ranks higher the more of its heading the term covers ("Service" over
 * "Service Accounts") and the more its body names the key's own terms; a heading that only
 * gathers its subsections ranks lowest. An alias does not match a heading that names one of its
 * group's other members.
 */
function matchHeadings(info: TermInfo, own: readonly TermInfo[], tables: RankingTables, admitted: (f: RankedFile) => boolean, candidates: Candidates): void {
  const { term } = info;
  // An alias names the key only loosely, so for alias matches the body's use of the key's own
  // words counts for more than how much of the heading the alias covers.
  const weights = term.alias ? ALIAS_WEIGHTS : OWN_WEIGHTS;
  const base = term.alias ? SCORE.headingAlias : SCORE.heading;
  const reason = term.alias ? 'heading alias' : 'heading';
  // A one-word term found through the postings is a whole-word match already; others are checked.
  const exact = info.plain && !term.caseSensitive;
  const siblings = (term.siblings ?? []).map((text) => tables.pattern({ text, caseSensitive: true, alias: true }));
  // Without whitespace in the term, a match is as long as the term: test, no match object.
  const fixedLength = !/\s/.test(term.text);
  const visit = (f: RankedFile, i: number) => {
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
    const evidence = Math.min(weights.evidence, EVIDENCE_PER_MENTION * mentions);
    const gathering = f.gathers[i] ? GATHERING_PENALTY : 0;
    candidates.offer(f, i, base + coverage + evidence - gathering, reason, term.text);
  };
  if (info.tokens.length)
    tables.headings.forSectionsWithAll(
      info.tokens.map((t) => t.toLowerCase()),
      admitted,
      visit,
    );
  else tables.headingChars.forSectionsWithAll(info.chars, admitted, visit);
}

/**
 * How often a section's body names a term, from the postings: exact for a single token, and for
 * a phrase the count of its rarest token (an upper bound that needs no scan of the text).
 */
function mentionCounter(term: Term, plain: boolean, tokens: readonly string[], tables: RankingTables): (f: RankedFile, section: number) => number {
  if (term.caseSensitive) return plain ? tables.capitals.counter(tokens[0]) : () => 0;
  if (tokens.length === 0) return () => 0;
  const counters = tokens.map((token) => tables.bodies.counter(token));
  return (f, section) => {
    let least = Infinity;
    for (const count of counters) least = Math.min(least, count(f, section));
    return least;
  };
}

/** A section whose body mentions a term `count` times (at most the term's cap). */
interface BodyHit {
  file: RankedFile;
  section: number;
  count: number;
}

/** The order in which a term's body mentions are kept: more mentions, then the earlier file, then the earlier section — as `compareCandidates` would rank them. */
function compareBodyHits(a: BodyHit, b: BodyHit): number {
  return b.count - a.count || a.file.rank - b.file.rank || a.section - b.section;
}

/**
 * Mentions in section bodies, scored by how often they occur (CJK-only terms match headings
 * only). A common word can be in thousands of sections, so only the best `MAX_RANKED` of each
 * term are offered, in `compareBodyHits` order.
 */
function matchBodies(info: TermInfo, tables: RankingTables, wanted: (f: RankedFile) => boolean, candidates: Candidates): void {
  const { term } = info;
  // Bodies are indexed by ASCII words only, so a term with CJK characters is looked for in headings.
  if (!info.tokens.length || term.headingOnly || info.hasCjk) return;
  const base = (term.alias ? SCORE.bodyAlias : SCORE.body) + (DOTTED.test(term.text) ? SCORE.bodyDotted : 0);
  const cap = term.alias ? MENTION_CAP.alias : MENTION_CAP.own;
  const reason = term.alias ? 'body alias' : 'body';
  const best = new Best(MAX_RANKED, compareBodyHits);
  // A common word has thousands of hits, and most are worse than the kept ones by then: each is
  // first compared as one reused object, and only a hit that is kept gets its own.
  const probe: BodyHit = { file: undefined as unknown as RankedFile, section: 0, count: 0 };
  const add = (file: RankedFile, section: number, count: number) => {
    probe.file = file;
    probe.section = section;
    probe.count = Math.min(cap, count);
    if (best.accepts(probe)) best.add({ ...probe });
  };
  if (info.plain) {
    // One token: the counts are in the postings, no text is scanned.
    (term.caseSensitive ? tables.capitals : tables.bodies).forEach(info.tokens[0], wanted, add);
  } else {
    tables.bodies.forSectionsWithAll(info.tokens, wanted, (f, i) => {
      // Counted with test (the pattern is global, so each test starts after the last match): no arrays.
      const pattern = info.pattern();
      let count = 0;
      while (pattern.test(f.searchable[i])) count++;
      if (count > 0) add(f, i, count);
    });
  }
  for (const hit of best.sorted()) candidates.offer(hit.file, hit.section, base + hit.count, reason, term.text, info.pattern);
}

/**
 * The `limit` best items of a stream in `compare` order, without sorting the whole stream: items
 * wait in a buffer that is sorted and cut back to `limit` whenever it fills, and an item that is
 * no better than the last one kept is dropped at once. `compare` must order every two distinct
 * items (never 0), so the result does not depend on the stream's order.
 */
export class Best<T> {
  private items: T[] = [];
  private worstKept: T | undefined;

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** Whether `add` would keep the item now: it is better than the last one kept so far. */
  accepts(item: T): boolean {
    return this.worstKept === undefined || this.compare(item, this.worstKept) < 0;
  }

  add(item: T): void {
    if (!this.accepts(item)) return;
    this.items.push(item);
    if (this.items.length >= this.limit * 8) this.shrink();
  }

  sorted(): readonly T[] {
    this.shrink();
    return this.items;
  }

  private shrink(): void {
    this.items.sort(this.compare);
    if (this.items.length < this.limit) return;
    this.items.length = this.limit;
    this.worstKept = this.items[this.limit - 1];
  }
}

/** A single token whose counts the postings hold (case-sensitive terms are capital words). */
function isPlain(term: Term): boolean {
  return term.caseSensitive ? UPPER_WORD.test(term.text) : ONE_TOKEN.test(term.text);
}

function originOrder(file: Pick<NoteFile, 'origin'>): number {
  return file.origin === 'user' ? 0 : 1;
}
