import { keyDomain, otherDomain } from './domains';
import type { Postings } from './postings';
import { excerpt } from './sections';
import { asciiTokens, cjkChars, MAX_TAG_SEGMENTS, matchingTags, queryFor, TEMPLATE_ACTION, type Term } from './terms';
import type { HoverNotes, LookupOptions, MatchReason, NoteFile, NoteSection, RankedSection, Tier } from './types';

/**
 * The ranking policy (docs/notes.md, "Relevance tiers"): which sections a hover finds, in what
 * order, and which of them it shows. A hover lists keys, most specific first; the first names the
 * hovered thing (with any rule keys of diagnostics there), the others its parents or close topics.
 * A section matches in a tier:
 *
 * 1. a tag for the hovered key;
 * 2. its own heading names the hovered thing (a term or an alias, on token boundaries);
 * 3. it is about a parent: tagged with, or its heading naming, one of the other keys, and its prose
 *    mentions the thing — a parent's section that does not is a fallback, ranked after every
 *    other tier-3 section and shown only when nothing else names the thing;
 * 4. its prose mentions the thing (never a mention only in code).
 *
 * The bundled notes tag every section with what it is about, so they match by their tags only
 * (tier 1, or tier 3 for a parent key): a heading or a sentence of ours that names a thing in
 * passing is no note about it.
 *
 * A section about another technology than the key (Docker, Kubernetes, Helm: `domains.ts`) ranks
 * after every section that is not; then the lower tier wins, whatever the origin; within a tier
 * the user's notes come first, then the higher score, the earlier file and line. The index hands
 * in its postings and per-file facts (`RankingTables`); nothing here stores or caches anything.
 */

/** Scores within a tier, higher first; each tier's range is apart from the others' though tiers compare first. */
const SCORE = {
  tag: 1000,
  fileTag: 800,
  heading: 600,
  headingAlias: 450,
  parent: 300,
  body: 100,
  bodyAlias: 50,
  /** Added to a body mention of a dotted name (`spec.selector`, `.Values.image`): it names the key more exactly than a bare word. */
  bodyDotted: 25,
} as const;
/** A parent match's own score (a tag or heading score of the parent key) is divided by this and added: a tagged parent first. */
const PARENT_DIVISOR = 25;
/** How a heading match's score (within its band of 100) splits between heading coverage and body evidence. */
const OWN_WEIGHTS = { coverage: 50, evidence: 50 };
const ALIAS_WEIGHTS = { coverage: 20, evidence: 80 };
/** Points of heading evidence per mention of the key's own terms in the section's prose. */
const EVIDENCE_PER_MENTION = 10;
/** Taken from a heading match whose section only gathers its subsections (it says nothing itself). */
const GATHERING_PENALTY = 50;
/** The most body mentions that count, for a term and for an alias. */
const MENTION_CAP = { own: 50, alias: 40 };
/** How many sections a lookup ranks. */
const MAX_RANKED = 50;
/**
 * Prose mentions (tier 4) are looked for only while tags, headings and parents found fewer
 * sections than this in the key's domain: a hover then shows none of them (see `hoverNotes`), and
 * a common word's mentions are the costliest part of a lookup.
 */
const ENOUGH = 8;
/** How many sections after the shown ones a hover links to ("More in your notes: …"). */
const MORE = 3;

const UPPER_WORD = /^[A-Z][A-Z0-9]+$/;
/** CJK ideographs only (the ranges of `cjkChars`). */
const IDEOGRAPHS = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
/** A name with a dot between two word characters: `spec.selector`, `Release.Name`. */
const DOTTED = /\w\.\w/;
/** A term that is one token (a word, maybe hyphenated, maybe marked with `--` or `.`), so its counts are in the postings. */
const ONE_TOKEN = /^(--|\.)?[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$/;

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
  /** Per section: its prose (the body without code and HTML comments), for counting phrases. */
  readonly prose: readonly string[];
  /** Per section: its own heading, trimmed. */
  readonly headings: readonly string[];
  /**
   * Per section, `FACTS` numbers from `section * FACTS` (at `HEADING_LENGTH`, `START_LINE`,
   * `GATHERS` and `DOMAIN`): one array, so checking a candidate reads one object of its file.
   */
  readonly facts: Int32Array;
  /** The number of the file's first section among all the index ever numbered (section `i`'s is `firstSection + i`). */
  readonly firstSection: number;
  /** The file's place in `compareFiles` order, the tie-break of equal scores (only compared); the index sets it before a ranking. */
  readonly rank: number;
}

/** How many numbers `RankedFile.facts` holds per section. */
export const FACTS = 4;
/** A section's own heading's length without trailing punctuation (at least 1). */
export const HEADING_LENGTH = 0;
export const START_LINE = 1;
/** 1 when the section gathers its subsections. */
export const GATHERS = 2;
/** The section's domain bits (`domains.ts`). */
export const DOMAIN = 3;

/** One of a section's `facts`. */
function fact(f: RankedFile, section: number, which: number): number {
  return f.facts[section * FACTS + which];
}

/** The index's postings and compiled patterns, as ranking reads them. */
export interface RankingTables {
  /** Lower-cased tag → (section, 0 for a section's own tag, 1 for a front-matter tag). */
  readonly tags: Postings<RankedFile>;
  /** Heading words (lower-cased) and a heading's CJK characters → (section, count). */
  readonly headings: Postings<RankedFile>;
  readonly headingChars: Postings<RankedFile>;
  /** Prose words (lower-cased), the CJK characters of the user's prose, and prose words in capitals kept as written (`CMD`) → (section, count). */
  readonly bodies: Postings<RankedFile>;
  readonly bodyChars: Postings<RankedFile>;
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

/**
 * A hover's keys as ranking reads them: the hovered thing (the first key, and the rule keys of
 * diagnostics under the cursor) and its parents (the other keys). A key that names the same thing
 * as a thing key — `k8s:field/spec.selector` after `k8s:field/Deployment.spec.selector`, whose tags
 * it matches already — adds nothing and is dropped.
 */
export function splitKeys(keys: readonly string[]): { things: string[]; parents: string[] } {
  const things: string[] = [];
  const parents: string[] = [];
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    const id = key.toLowerCase();
    if (seen.has(id)) return;
    if (i === 0 || key.startsWith('rule:')) {
      things.push(key);
      for (const tag of matchingTags(key)) seen.add(tag);
    } else {
      parents.push(key);
      seen.add(id);
    }
  });
  return { things, parents };
}

/** Every section that matches the hover's keys, best first, with its tier and why it matched (at most `MAX_RANKED`). */
export function rankSections(keys: readonly string[], tables: RankingTables, options: RankOptions): RankedSection[] {
  const { things, parents } = splitKeys(keys);
  const candidates = new Candidates();
  const admitted = (f: RankedFile) => admits(f.file, options);
  const userNotes = (f: RankedFile) => f.file.origin === 'user';
  const thingTerms: TermInfo[] = [];
  const bodySearches: Array<{ key: string; domain: number; info: TermInfo }> = [];

  for (const key of things) {
    const query = queryFor(key);
    const domain = keyDomain(key);
    const terms = query.terms.map((term) => termInfo(term, tables));
    const own = terms.filter((t) => !t.term.alias);
    thingTerms.push(...own);
    const offer = (tier: Tier) => (f: RankedFile, section: number, score: number, reason: MatchReason, matched: string) =>
      candidates.offer({
        file: f,
        section,
        tier,
        fallback: false,
        score,
        reason,
        key,
        matched,
        otherDomain: otherDomain(domain, fact(f, section, DOMAIN)),
      });
    matchTags(query.tags, tables, admitted, offer(1));
    for (const info of terms) matchHeadings(info, own, tables, userNotes, offer(2));
    for (const info of terms) bodySearches.push({ key, domain, info });
  }

  // A parent's section is about the hovered thing when its prose mentions it ("`.Release.Name`" in the `.Release` note).
  const mentionsThing = (f: RankedFile, section: number) => thingTerms.some((t) => t.mentions(f, section) > 0);
  for (const key of parents) {
    const query = queryFor(key);
    const domain = keyDomain(key);
    const terms = query.terms.map((term) => termInfo(term, tables));
    const own = terms.filter((t) => !t.term.alias);
    const offer = (f: RankedFile, section: number, score: number, reason: MatchReason, matched: string) =>
      candidates.offer({
        file: f,
        section,
        tier: 3,
        fallback: !mentionsThing(f, section),
        score: SCORE.parent + Math.round(score / PARENT_DIVISOR),
        reason: reason === 'tag' || reason === 'file tag' ? 'parent tag' : 'parent heading',
        key,
        matched,
        otherDomain: otherDomain(domain, fact(f, section, DOMAIN)),
      });
    matchTags(query.tags, tables, admitted, offer);
    for (const info of terms) matchHeadings(info, own, tables, userNotes, offer);
  }

  if (candidates.strong < ENOUGH) {
    for (const { key, domain, info } of bodySearches) {
      matchBodies(info, domain, tables, userNotes, (f, section, score, reason, matched, pattern) =>
        candidates.offer({
          file: f,
          section,
          tier: 4,
          fallback: false,
          score,
          reason,
          key,
          matched,
          otherDomain: otherDomain(domain, fact(f, section, DOMAIN)),
          pattern,
        }),
      );
    }
  }
  return top(candidates);
}

/**
 * What a hover shows of a ranking: up to `maxSections` of the first group that has any — sections
 * in the key's domain that name the thing (tiers 1–3); else its parents' sections (the fallbacks);
 * else its prose mentions; else sections of another domain — and links to the next few sections
 * of the key's domain. When that group holds a section of the user's, the hover keeps a place for
 * the best one: the user's own note is what it is for.
 */
export function hoverNotes(ranked: readonly RankedSection[], maxSections: number): HoverNotes {
  const own = ranked.filter((r) => !r.otherDomain);
  const groups = [own.filter((r) => r.tier <= 3 && !r.fallback), own.filter((r) => r.fallback), own.filter((r) => r.tier === 4)];
  const first = groups.findIndex((g) => g.length > 0);
  if (first < 0) return { shown: ranked.slice(0, maxSections), more: [] };
  const group = groups[first];
  let shown = group.slice(0, maxSections);
  const mine = group.find((r) => r.section.origin === 'user');
  if (mine && !shown.includes(mine)) shown = [...shown.slice(0, Math.max(0, maxSections - 1)), mine].slice(-maxSections);
  const rest = [...group.filter((r) => !shown.includes(r)), ...groups.slice(first + 1).flat()];
  return { shown, more: rest.slice(0, MORE) };
}

/** A section offered for a hover, by its file and index, with its best match so far. */
interface Candidate {
  file: RankedFile;
  section: number;
  tier: Tier;
  /** A parent's section that does not mention the thing. */
  fallback: boolean;
  score: number;
  reason: MatchReason;
  key: string;
  matched: string;
  otherDomain: boolean;
  /** A body match's pattern, for the excerpt. */
  pattern?: () => RegExp;
}

/** A match of one section, reported by the matchers. */
type Offer = (file: RankedFile, section: number, score: number, reason: MatchReason, matched: string) => void;

/** Whether `a` is a better match of a section than `b`: in the key's domain, then the lower tier, no fallback, the higher score. */
function betterMatch(a: Candidate, b: Candidate): boolean {
  if (a.otherDomain !== b.otherDomain) return !a.otherDomain;
  if (a.tier !== b.tier) return a.tier < b.tier;
  return a.fallback !== b.fallback ? !a.fallback : a.score > b.score;
}

/**
 * The order of a hover's sections, best first; each comparison breaks the ties of the ones
 * before it: the key's domain first, then the lower tier, not a fallback, the user's notes, the
 * higher score, the earlier file, the earlier section.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(a.otherDomain) - Number(b.otherDomain) ||
    a.tier - b.tier ||
    Number(a.fallback) - Number(b.fallback) ||
    originOrder(a.file.file) - originOrder(b.file.file) ||
    b.score - a.score ||
    a.file.rank - b.file.rank ||
    fact(a.file, a.section, START_LINE) - fact(b.file, b.section, START_LINE)
  );
}

/** The best `MAX_RANKED` candidates in `compareCandidates` order; a body match shows the part of its section that mentions the term. */
function top(candidates: Candidates): RankedSection[] {
  const best = new Best(MAX_RANKED, compareCandidates);
  for (const c of candidates.all) best.add(c);
  return best.sorted().map(({ file, section: i, tier, fallback, score, reason, key, matched, otherDomain, pattern }) => {
    const section = file.sections[i];
    return { section: pattern && tier === 4 ? excerpt(section, pattern()) : section, tier, fallback, score, reason, key, matched, otherDomain };
  });
}

/** The best match so far of every section offered, and how many sections of the key's domain tiers 1–3 hold. */
class Candidates {
  /** Every section offered, once, holding its best match so far. */
  readonly all: Candidate[] = [];
  /** Sections in the key's domain matched by a tag, a heading or a parent. */
  strong = 0;
  /** By section number (`RankedFile.firstSection`): a map per file cost more than the rest of an offer, as a common word's matches are spread over most files. */
  private readonly bySection = new Map<number, Candidate>();

  /** Proposes a match of a section; the best match per section wins (`betterMatch`). */
  offer(candidate: Candidate): void {
    const section = candidate.file.firstSection + candidate.section;
    const current = this.bySection.get(section);
    const wasStrong = current !== undefined && isStrong(current);
    if (!current) {
      this.bySection.set(section, candidate);
      this.all.push(candidate);
    } else if (betterMatch(candidate, current)) {
      Object.assign(current, candidate);
    } else {
      return;
    }
    if (!wasStrong && isStrong(candidate)) this.strong++;
  }
}

function isStrong(c: Candidate): boolean {
  return !c.otherDomain && c.tier <= 3;
}

/**
 * Sections tagged with the key (`<!-- keys: … -->`, or `keys:` in the file's front matter) or
 * with an end of its field path (the query lists the key first, then shorter ends).
 */
function matchTags(tags: readonly string[], tables: RankingTables, admitted: (f: RankedFile) => boolean, offer: Offer): void {
  tags.forEach((tag, i) => {
    // The key itself beats any path end; a longer path end beats a shorter one.
    const specificity = i === 0 ? 50 : Math.min(MAX_TAG_SEGMENTS, tag.split('.').length);
    tables.tags.forEach(tag, admitted, (f, section, fromFile) => {
      offer(f, section, (fromFile ? SCORE.fileTag : SCORE.tag) + specificity, fromFile ? 'file tag' : 'tag', tag);
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
  /** Whether a text holds the term (as `pattern` finds it). */
  foundIn: (text: string) => boolean;
  /** How many times a text holds the term (as `pattern` finds it: matches do not overlap). */
  countIn: (text: string) => number;
  /** How often a section's prose names the term (see `mentionCounter`), with its postings lists looked up once. */
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
  const { text } = term;
  // A term of CJK ideographs only (镜像分层) is what its pattern finds as written: they have no case and
  // make no word boundary. Such terms are looked for in many headings, and `indexOf` is several times faster.
  const literal = IDEOGRAPHS.test(text);
  // A case-sensitive term without spaces (`FROM`) is in every text its pattern matches, as written:
  // most headings with the word have it in lower case ("from"), and `includes` tells them apart first.
  const written = term.caseSensitive && !/\s/.test(text);
  const foundIn = literal ? (t: string) => t.includes(text) : written ? (t: string) => t.includes(text) && pattern().test(t) : (t: string) => pattern().test(t);
  const countIn = (t: string) => {
    let count = 0;
    if (literal) for (let at = t.indexOf(text); at >= 0; at = t.indexOf(text, at + text.length)) count++;
    else for (const p = pattern(); p.test(t);) count++; // Global: each test starts after the last match.
    return count;
  };
  return { term, tokens, plain, chars, hasCjk: chars.length > 0, pattern, foundIn, countIn, mentions: mentionCounter(term, plain, tokens, tables) };
}

/**
 * A term in a section's own heading. (Not in a parent's heading: real notes nest loosely, so
 * "Ingress › Docker entry and cmd overwritten" is no note about Ingress.) Within the heading
 * band, a section ranks higher the more of its heading the term covers ("Service" over
 * "Service Accounts") and the more its prose names the key's own terms; a heading that only
 * gathers its subsections ranks lowest. A term does not match a heading that names one of its
 * siblings (another member of an alias's group, another kind than a field's) unless it also
 * names one of its kin.
 */
function matchHeadings(info: TermInfo, own: readonly TermInfo[], tables: RankingTables, admitted: (f: RankedFile) => boolean, offer: Offer): void {
  const { term } = info;
  // An alias names the key only loosely, so for alias matches the body's use of the key's own
  // words counts for more than how much of the heading the alias covers.
  const weights = term.alias ? ALIAS_WEIGHTS : OWN_WEIGHTS;
  const base = term.alias ? SCORE.headingAlias : SCORE.heading;
  const reason = term.alias ? 'heading alias' : 'heading';
  // A one-word term found through the postings is a whole-word match already; others are checked.
  const exact = info.plain && !term.caseSensitive;
  const names = (texts: readonly string[] | undefined) => (texts ?? []).map((text) => tables.pattern({ text, caseSensitive: true, alias: true }));
  const siblings = names(term.siblings);
  const kin = names(term.kin);
  const named = (heading: string) => (p: RegExp) => {
    p.lastIndex = 0;
    return p.test(heading);
  };
  // Without whitespace in the term, a match is as long as the term: test, no match object.
  const fixedLength = !/\s/.test(term.text);
  const visit = (f: RankedFile, i: number) => {
    // "ServiceType ClusterIP" is no note about NodePort, though "ServiceType" is its alias.
    if (siblings.length && siblings.some(named(f.headings[i])) && !kin.some(named(f.headings[i]))) return;
    let length = term.text.length;
    if (!exact) {
      if (fixedLength) {
        if (!info.foundIn(f.headings[i])) return;
      } else {
        const m = info.pattern().exec(f.headings[i]);
        if (!m) return;
        length = m[0].length;
      }
    }
    const coverage = Math.round((weights.coverage * length) / fact(f, i, HEADING_LENGTH));
    let mentions = 0;
    for (const o of own) mentions += o.mentions(f, i);
    const evidence = Math.min(weights.evidence, EVIDENCE_PER_MENTION * mentions);
    const gathering = fact(f, i, GATHERS) ? GATHERING_PENALTY : 0;
    offer(f, i, base + coverage + evidence - gathering, reason, term.text);
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
 * How often a section's prose names a term, from the postings: exact for a single token, and for
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

/** A section whose prose mentions a term `count` times (at most the term's cap). */
interface BodyHit {
  file: RankedFile;
  section: number;
  count: number;
  otherDomain: boolean;
}

/**
 * The order in which a term's prose mentions are kept, as `compareCandidates` ranks them: the
 * key's domain, the user's notes, more mentions, the earlier file, the earlier section.
 */
function compareBodyHits(a: BodyHit, b: BodyHit): number {
  return (
    Number(a.otherDomain) - Number(b.otherDomain) ||
    originOrder(a.file.file) - originOrder(b.file.file) ||
    b.count - a.count ||
    a.file.rank - b.file.rank ||
    a.section - b.section
  );
}

/** A prose mention, reported with the term's pattern for the excerpt. */
type BodyOffer = (file: RankedFile, section: number, score: number, reason: MatchReason, matched: string, pattern: () => RegExp) => void;

/**
 * Mentions in section prose, scored by how often they occur. A common word can be in thousands of
 * sections, so only the best `MAX_RANKED` of each term are offered, in `compareBodyHits` order.
 */
function matchBodies(info: TermInfo, domain: number, tables: RankingTables, wanted: (f: RankedFile) => boolean, offer: BodyOffer): void {
  const { term } = info;
  if (term.headingOnly || (!info.tokens.length && !info.hasCjk)) return;
  const base = (term.alias ? SCORE.bodyAlias : SCORE.body) + (DOTTED.test(term.text) ? SCORE.bodyDotted : 0);
  const cap = term.alias ? MENTION_CAP.alias : MENTION_CAP.own;
  const reason = term.alias ? 'body alias' : 'body';
  const best = new Best(MAX_RANKED, compareBodyHits);
  // A common word has thousands of hits, and most are worse than the kept ones by then: each is
  // first compared as one reused object, and only a hit that is kept gets its own.
  const probe: BodyHit = { file: undefined as unknown as RankedFile, section: 0, count: 0, otherDomain: false };
  const add = (file: RankedFile, section: number, count: number) => {
    probe.file = file;
    probe.section = section;
    probe.count = Math.min(cap, count);
    probe.otherDomain = otherDomain(domain, fact(file, section, DOMAIN));
    if (best.accepts(probe)) best.add({ ...probe });
  };
  const scan = (f: RankedFile, i: number) => {
    const count = info.countIn(f.prose[i]);
    if (count > 0) add(f, i, count);
  };
  if (info.hasCjk) tables.bodyChars.forSectionsWithAll(info.chars, wanted, scan);
  // One token: the counts are in the postings, no text is scanned.
  else if (info.plain) (term.caseSensitive ? tables.capitals : tables.bodies).forEach(info.tokens[0], wanted, add);
  // `{{ with`: only sections with a template action in their prose can hold it, however common "with" is.
  else tables.bodies.forSectionsWithAll(term.text.includes(TEMPLATE_ACTION) ? [TEMPLATE_ACTION, ...info.tokens] : info.tokens, wanted, scan);
  for (const hit of best.sorted()) offer(hit.file, hit.section, base + hit.count, reason, term.text, info.pattern);
}

/**
 * The `limit` best items of a stream in `compare` order, without sorting the whole stream: items
 * wait in a buffer of twice `limit` that is sorted and cut back to `limit` whenever it fills, and
 * an item that is no better than the last one kept is dropped at once. (A buffer of 8 × `limit`
 * compared several times as often: the first sort comes later, so fewer items are dropped at once,
 * and a lookup whose key names hundreds of headings spent a quarter of its time in comparisons.)
 * `compare` must order every two distinct items (never 0), so the result does not depend on the
 * stream's order.
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
    if (this.items.length >= this.limit * 2) this.shrink();
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
