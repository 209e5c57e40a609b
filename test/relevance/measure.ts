import { mergeSettings } from '../../server/src/common';
import { type NoteSection, NotesIndex } from '../../server/src/notes';
import * as services from '../../server/src/services';
import { createFixture } from '../support/fixture';
import { displayLines } from './displayLines';
import { fileGroup, filesOf, type Grade, labelKey, type Language, LANGUAGES, loadCases, notesSets, type NotesSet, type RelevanceCase } from './suite';

/**
 * The relevance runner: for every case and notes set, the hover the product shows today, computed
 * through the services layer (`services.hoverDetails`, the sections from `services.notesFor` with
 * the same keys) with a real NotesIndex and a default user's settings (maxSections 2, bundled notes
 * on, in the set's language), graded by the case's labels.
 *
 * - **top-1 on-topic**: the first note section shown is labelled best or acceptable. Counted over
 *   the hovers whose notes set holds at least one such section; a hover that shows no note then is
 *   a miss.
 * - **off-topic rate**: shown sections labelled off-topic, over all shown sections. A shown section
 *   without a label counts as off-topic and is listed, so that it gets a label.
 * - **size**: the whole hover (reference and notes) in display lines, see `displayLines.ts`;
 *   median and p90 over the hovers that show anything.
 */

/** The grade of a shown section; `unlabelled` counts as off-topic. */
export type ShownGrade = Grade | 'unlabelled';

export interface ShownSection {
  file: string;
  headingPath: string[];
  grade: ShownGrade;
}

/** One hover: a case over one notes set. */
export interface Measurement {
  case: string;
  language: Language;
  set: string;
  keys: string[];
  shown: ShownSection[];
  /** The set's sections labelled best: what should come first. */
  best: string[];
  /** Whether the set holds a best or acceptable section for the case (else top-1 is not counted). */
  onTopicExists: boolean;
  /** True when the first shown section is best or acceptable. */
  top1: boolean;
  /** Display lines of the hover; 0 when there is no hover. */
  lines: number;
  markdown: string;
}

export interface Figures {
  hovers: number;
  /** Hovers whose top-1 is counted, and how many of them are on topic. */
  top1Counted: number;
  top1OnTopic: number;
  shownSections: number;
  offTopicSections: number;
  /** Hovers that show anything (the size statistics are over these). */
  sized: number;
  medianLines: number;
  p90Lines: number;
}

export interface RelevanceRun {
  cases: RelevanceCase[];
  sets: NotesSet[];
  measurements: Measurement[];
}

/** The user notes' URIs in the index: a fake workspace folder, as the golden fixtures use. */
const USER_NOTES_URI = 'file:///ws/notes/';

function fileId(uri: string): string {
  if (uri.startsWith(USER_NOTES_URI)) return uri.slice(USER_NOTES_URI.length);
  return `bundled/${uri.replace(/^bundled:\/notes\//, '')}`;
}

/** A set's notes indexed once, shared by every hover over that set. */
function indexFor(set: NotesSet): NotesIndex {
  const index = new NotesIndex();
  for (const file of filesOf(set)) {
    const uri = file.origin === 'user' ? `${USER_NOTES_URI}${file.id}` : `bundled:/notes/${file.id.replace(/^bundled\//, '')}`;
    index.setFile({ uri, text: file.text, origin: file.origin, ...(file.language ? { language: file.language } : {}) });
  }
  return index;
}

/** The hover a default user sees for a case over a notes set, graded. */
async function measureCase(c: RelevanceCase, set: NotesSet, index: NotesIndex): Promise<Measurement> {
  const fixture = createFixture(c.files, c.settings);
  // A default user: the product's default settings (bundled notes on), in the set's language.
  const settings = mergeSettings(fixture.ctx.settings, { notes: { bundled: true, language: set.language } });
  const ctx = { ...fixture.ctx, settings, notes: index };
  const doc = fixture.open(c.target);
  const details = await services.hoverDetails(ctx, doc, doc.positionAt(c.offset));
  const keys = details?.keys ?? [];
  const sections: NoteSection[] = details ? services.notesFor(ctx, keys) : [];
  const markdown = details ? (details.hover.contents as { value: string }).value : '';

  const inSet = new Set(filesOf(set).map((f) => fileGroup(f.id)));
  const labels = new Map(c.labels.filter((l) => inSet.has(fileGroup(l.file))).map((l) => [labelKey(l.file, l.headingPath), l.grade]));
  const shown = sections.map((s) => {
    const file = fileId(s.uri);
    return { file, headingPath: s.headingPath, grade: labels.get(labelKey(file, s.headingPath)) ?? ('unlabelled' as const) };
  });
  const onTopic = (grade: ShownGrade | undefined) => grade === 'best' || grade === 'acceptable';
  return {
    case: c.name,
    language: c.language,
    set: set.name,
    keys,
    shown,
    best: [...labels].filter(([, grade]) => grade === 'best').map(([key]) => key),
    onTopicExists: [...labels.values()].some(onTopic),
    top1: onTopic(shown[0]?.grade),
    lines: markdown ? displayLines(markdown) : 0,
    markdown,
  };
}

/** Runs every case over every notes set it names that is present. */
export async function runSuite(cases = loadCases(), sets = notesSets()): Promise<RelevanceRun> {
  const measurements: Measurement[] = [];
  for (const set of sets) {
    const index = indexFor(set);
    for (const c of cases) if (c.sets.includes(set.name)) measurements.push(await measureCase(c, set, index));
  }
  return { cases, sets, measurements };
}

/** The q-quantile (nearest rank) of some numbers; NaN for none. */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function figures(measurements: readonly Measurement[]): Figures {
  const counted = measurements.filter((m) => m.onTopicExists);
  const shown = measurements.flatMap((m) => m.shown);
  const sizes = measurements.filter((m) => m.markdown).map((m) => m.lines);
  return {
    hovers: measurements.length,
    top1Counted: counted.length,
    top1OnTopic: counted.filter((m) => m.top1).length,
    shownSections: shown.length,
    offTopicSections: shown.filter((s) => s.grade === 'off-topic' || s.grade === 'unlabelled').length,
    sized: sizes.length,
    medianLines: quantile(sizes, 0.5),
    p90Lines: quantile(sizes, 0.9),
  };
}

/** The figures overall, per language and per notes set, in the order the report prints them. */
export function breakdown(run: RelevanceRun): Array<{ group: string; figures: Figures }> {
  const groups: Array<{ group: string; figures: Figures }> = [{ group: 'all', figures: figures(run.measurements) }];
  for (const language of LANGUAGES) groups.push({ group: language, figures: figures(run.measurements.filter((m) => m.language === language)) });
  for (const set of run.sets) groups.push({ group: `notes: ${set.name}`, figures: figures(run.measurements.filter((m) => m.set === set.name)) });
  return groups;
}

/**
 * The worst cases, each with its worst hover: a first section off topic (or none where one
 * exists), then more off-topic sections, then taller hovers.
 */
export function worst(run: RelevanceRun, count: number): Measurement[] {
  const badness = (m: Measurement) =>
    (m.onTopicExists && !m.top1 ? 1_000_000 : 0) + 10_000 * m.shown.filter((s) => s.grade === 'off-topic' || s.grade === 'unlabelled').length + m.lines;
  const byCase = new Map<string, Measurement>();
  for (const m of run.measurements) {
    const current = byCase.get(m.case);
    if (!current || badness(m) > badness(current)) byCase.set(m.case, m);
  }
  return [...byCase.values()].sort((a, b) => badness(b) - badness(a) || a.case.localeCompare(b.case)).slice(0, count);
}
