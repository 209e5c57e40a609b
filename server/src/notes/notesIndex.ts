import { fileSectionDomains } from './domains';
import { compact, type FileEntries, Postings, Triples, Vocabulary } from './postings';
import {
  admits,
  compareFiles,
  DOMAIN,
  FACTS,
  GATHERS,
  HEADING_LENGTH,
  hoverNotes,
  type RankedFile,
  type RankingTables,
  rankSections,
  type RankOptions,
  START_LINE,
} from './ranking';
import { parseNotes } from './sections';
import { forEachCjkChar, isCapitalWord, TEMPLATE_ACTION, type Term, termPattern, Words } from './terms';
import type { HoverNotes, LookupOptions, NoteFile, NoteSection, RankedSection } from './types';

const MAX_CACHED_LOOKUPS = 2000;
/** Entries with room for more numbers than this (a huge file's) are not kept for reuse. */
const MAX_SPARE_ENTRIES = 1 << 18;
/** `setFileInSteps` yields after this many sections. */
const STEP_SECTIONS = 200;

/** A file tokenized but not yet in the postings: its entries per table, by the vocabulary's numbers. */
interface PreparedFile {
  entry: IndexedFile;
  /** The vocabulary's numbering the entries use; a compaction in between renumbers the tokens. */
  numbering: number;
  headingTokens: FileEntries;
  headingChars: FileEntries;
  bodyTokens: FileEntries;
  bodyChars: FileEntries;
  capitalTokens: FileEntries;
  tags: FileEntries;
}

/** A file in the index: the per-section facts ranking reads, and its postings bookkeeping. */
interface IndexedFile extends RankedFile {
  /** Increases with every file that enters the postings, so postings stay in file-id order. */
  id: number;
  /** Set by `rankFiles` once a file entered anew; a file changed in place keeps its predecessor's. */
  rank: number;
  /** How many postings entries the file added (counted as dead once it is removed). */
  entries: number;
}

/**
 * The notes index: files → sections → postings, and lookup by hover key through the ranking
 * policy (`ranking.ts`). Pure (callers hand in the texts) and incremental: setting a file
 * re-indexes only that file. Lookups touch only sections that share a word with the key's terms
 * and are cached per key until the next change. Never throws.
 */
export class NotesIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** Indexed files by id; removed ones leave a hole until the postings are compacted. */
  private readonly byId: Array<IndexedFile | undefined> = [];
  private nextId = 0;
  /** The next file's `firstSection`. */
  private nextSection = 0;
  private liveEntries = 0;
  private deadEntries = 0;
  private readonly vocabulary = new Vocabulary();
  /** Increases when a compaction renumbers the vocabulary. */
  private numbering = 0;
  private readonly headings = new Postings<IndexedFile>(this.byId, this.vocabulary);
  private readonly headingChars = new Postings<IndexedFile>(this.byId, this.vocabulary);
  private readonly bodies = new Postings<IndexedFile>(this.byId, this.vocabulary);
  private readonly bodyChars = new Postings<IndexedFile>(this.byId, this.vocabulary);
  private readonly capitals = new Postings<IndexedFile>(this.byId, this.vocabulary);
  private readonly tags = new Postings<IndexedFile>(this.byId, this.vocabulary);
  /** What ranking reads: the postings and the compiled patterns. */
  private readonly tables: RankingTables = {
    tags: this.tags,
    headings: this.headings,
    headingChars: this.headingChars,
    bodies: this.bodies,
    bodyChars: this.bodyChars,
    capitals: this.capitals,
    pattern: (term) => this.pattern(term),
  };
  /** Entries filed already, for the next file to count in (`FileEntries`). */
  private readonly spareEntries: FileEntries[] = [];
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
    let prepared = yield* this.index(file);
    if (this.files.get(file.uri) !== old) return; // Another change to this file won meanwhile.
    if (old) this.unindex(old);
    // A compaction since (maybe the one just now) renumbered the tokens: the file is tokenized again, in one go.
    if (prepared.numbering !== this.numbering) prepared = finish(this.index(file));
    this.commit(prepared);
    this.files.set(file.uri, prepared.entry);
    // A file changed in place keeps its place in `compareFiles` order (by origin and URI).
    const inPlace = old !== undefined && old.file.origin === file.origin;
    if (inPlace) prepared.entry.rank = old.rank;
    this.changed(!inPlace);
  }

  removeFile(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.unindex(old);
    this.files.delete(uri);
    // The others keep their order: ranks are only compared.
    this.changed(false);
  }

  /** The sections a hover with these keys shows (at most `maxSections`), best first. */
  lookup(keys: readonly string[], options: LookupOptions): NoteSection[] {
    return this.hover(keys, options).shown.map((r) => r.section);
  }

  /** What a hover with these keys shows, and the next few sections it links to (`hoverNotes` in ranking.ts). */
  hover(keys: readonly string[], options: LookupOptions): HoverNotes {
    return hoverNotes(this.rank(keys, options), options.maxSections);
  }

  /** Every section that matches a hover's keys (most specific first), best first, with its tier and why it matched (at most 50). */
  rank(keys: readonly string[], options: RankOptions): RankedSection[] {
    const cacheKey = `${keys.join('\u0001')}\u0000${options.includeBundled}\u0000${options.language}`;
    const cached = this.lookups.get(cacheKey);
    if (cached) return cached;
    this.rankFiles();
    const ranked = rankSections(keys, this.tables, options);
    if (this.lookups.size >= MAX_CACHED_LOOKUPS) this.lookups.clear();
    this.lookups.set(cacheKey, ranked);
    return ranked;
  }

  /** All sections with content, user notes first, in file and line order (for "Search Notes"). */
  sections(options: RankOptions): NoteSection[] {
    const files = [...this.files.values()].filter((f) => admits(f.file, options));
    files.sort((a, b) => compareFiles(a.file, b.file));
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

  /** Numbers the files in `compareFiles` order, the tie-break of equal scores, when a file entered it anew. */
  private rankFiles(): void {
    if (this.ranksValid) return;
    const files = [...this.files.values()];
    files.sort((a, b) => compareFiles(a.file, b.file));
    files.forEach((f, i) => (f.rank = i));
    this.ranksValid = true;
  }

  /** After a change of the files; `reordered` when one entered `compareFiles` order anew. */
  private changed(reordered: boolean): void {
    this.gen++;
    this.lookups.clear();
    if (reordered) this.ranksValid = false;
  }

  /** Tokenizes a file's sections, yielding every few hundred sections; `commit` adds the result to the postings. */
  private *index(file: NoteFile): Generator<void, PreparedFile, void> {
    const { sections, prose } = parseNotes(file);
    const { vocabulary, numbering } = this;
    const facts = new Int32Array(sections.length * FACTS);
    const firstSection = this.nextSection;
    this.nextSection += sections.length;
    const sectionDomain = fileSectionDomains(file.uri);
    const headings: string[] = [];
    const headingTokens = this.entries();
    const headingChars = this.entries();
    const bodyTokens = this.entries();
    const bodyChars = this.entries();
    const capitalTokens = this.entries();
    const tags = this.entries();
    let i = 0;
    let text = '';
    const words = new Words();
    const capitals = { postings: this.capitals, entries: capitalTokens };
    const countHeadingChar = (at: number) => this.headingChars.count(headingChars, vocabulary.idOf(text, at, at + 1, false), i);
    const countProseChar = (at: number) => this.bodyChars.count(bodyChars, vocabulary.idOf(text, at, at + 1, false), i);
    // Per step, the headings of its sections with content ('' for the others), counted in one scan.
    const stepHeadings: string[] = [];
    for (let from = 0; from < sections.length; from += STEP_SECTIONS) {
      if (from > 0) yield;
      const to = Math.min(sections.length, from + STEP_SECTIONS);
      stepHeadings.length = 0;
      for (i = from; i < to; i++) {
        const section = sections[i];
        const heading = (section.headingPath[section.headingPath.length - 1] ?? '').trim();
        headings.push(heading);
        const at = i * FACTS;
        facts[at + HEADING_LENGTH] = Math.max(1, heading.replace(/[\s.:：。]+$/, '').length);
        facts[at + START_LINE] = section.startLine;
        facts[at + GATHERS] = section.coversSubsections ? 1 : 0;
        facts[at + DOMAIN] = sectionDomain(section.tags, section.fileTags, section.headingPath);
        stepHeadings.push(section.empty ? '' : heading);
        if (section.empty) continue;
        text = heading;
        forEachCjkChar(text, countHeadingChar);
        text = prose[i];
        // Prose is long enough to be scanned alone, and joining it would copy the notes.
        countTokens(vocabulary, words, [text], i, this.bodies, bodyTokens, capitals);
        if (text.includes(TEMPLATE_ACTION)) this.bodies.count(bodyTokens, vocabulary.id(TEMPLATE_ACTION), i);
        // Prose mentions count in the user's notes only (bundled ones match by their tags), CJK ones too.
        if (file.origin === 'user') forEachCjkChar(text, countProseChar);
        // For tags the "count" says where the tag is: 0 in the section, 1 in the front matter.
        for (const tag of section.tags) tags.push3(vocabulary.id(tag.toLowerCase()), i, 0);
        for (const tag of section.fileTags) tags.push3(vocabulary.id(tag.toLowerCase()), i, 1);
      }
      countTokens(vocabulary, words, stepHeadings, from, this.headings, headingTokens);
    }
    const entry: IndexedFile = { id: -1, file, sections, prose, headings, facts, firstSection, rank: 0, entries: 0 };
    return { entry, numbering, headingTokens, headingChars, bodyTokens, bodyChars, capitalTokens, tags };
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
      this.bodyChars.add(entry, prepared.bodyChars) +
      this.capitals.add(entry, prepared.capitalTokens) +
      this.tags.add(entry, prepared.tags);
    this.liveEntries += entry.entries;
    for (const entries of [prepared.headingTokens, prepared.headingChars, prepared.bodyTokens, prepared.bodyChars, prepared.capitalTokens, prepared.tags]) {
      // A huge file's are let go rather than kept for good.
      if (entries.data.length > MAX_SPARE_ENTRIES) continue;
      entries.length = 0;
      this.spareEntries.push(entries);
    }
  }

  /** Empty entries for a file being indexed: filed ones again, or new ones (each file in steps takes its own). */
  private entries(): FileEntries {
    return this.spareEntries.pop() ?? new Triples();
  }

  /** Forgets a file; once most postings entries are dead, they are dropped in one pass. */
  private unindex(entry: IndexedFile): void {
    this.byId[entry.id] = undefined;
    this.liveEntries -= entry.entries;
    this.deadEntries += entry.entries;
    if (this.deadEntries > Math.max(this.liveEntries, 100000)) {
      compact(this.vocabulary, [this.headings, this.headingChars, this.bodies, this.bodyChars, this.capitals, this.tags]);
      this.numbering++;
      this.deadEntries = 0;
    }
  }
}

/**
 * Counts `forEachToken`'s tokens of some sections' texts (section `first + k`'s is `texts[k]`),
 * numbered straight from the text (capitals lower-cased on the way), so no string is made per
 * word; and their capital words as written in `capitals`, when given. The texts are scanned as
 * one, joined by line ends (no token spans one, nor does one mark the word after it): a scan of
 * each short heading alone made indexing a notes folder a third slower.
 */
function countTokens(
  vocabulary: Vocabulary,
  words: Words,
  texts: readonly string[],
  first: number,
  postings: Postings<IndexedFile>,
  entries: FileEntries,
  capitals?: { postings: Postings<IndexedFile>; entries: FileEntries },
): void {
  const text = texts.join('\n');
  words.reset(text);
  let k = 0;
  let sectionEnd = texts.length > 0 ? texts[0].length : 0;
  while (words.next()) {
    const { start, end, upper, marked } = words;
    while (start > sectionEnd) sectionEnd += texts[++k].length + 1;
    const section = first + k;
    postings.count(entries, vocabulary.idOf(text, start, end, upper, words.hash), section);
    if (marked < start) postings.count(entries, vocabulary.idOf(text, marked, end, upper), section);
    if (capitals && upper && isCapitalWord(text, start, end)) capitals.postings.count(capitals.entries, vocabulary.idOf(text, start, end, false), section);
  }
}

/** A generator's result, without stopping at its steps. */
function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
