import * as fs from 'node:fs';
import * as path from 'node:path';
import { type NoteSection, parseSections } from '../../server/src/notes';
import { bundledNotes } from '../support/fixture';
import { parseGolden } from '../support/golden';
import { repoPath } from '../support/paths';

/**
 * The relevance suite's data: labelled hover cases (test/relevance/cases/<language>/*.txt) and the
 * notes sets they run over. See test/relevance/README.md for the case format and the grades.
 */

export const LANGUAGES = ['dockerfile', 'kubernetes', 'helm'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Grade = 'best' | 'acceptable' | 'off-topic';

/** One section's grade for a case: the notes file id and the section's heading path. */
export interface Label {
  grade: Grade;
  file: string;
  headingPath: string[];
}

export interface RelevanceCase {
  /** `<language>/<file name without .txt>`. */
  name: string;
  language: Language;
  description: string;
  /** The case's documents, the cursor removed. */
  files: Map<string, string>;
  /** The document holding the cursor and the cursor's offset in it. */
  target: string;
  offset: number;
  /** containerNotes settings of the case on top of a default user's (usually none). */
  settings: unknown;
  /** The notes sets it runs over (all of them unless the case names some). */
  sets: string[];
  labels: Label[];
}

/** One file of notes as the suite names it: `seed/…`, `seed-style/…`, `terse/…`, `bundled/<lang>/…`. */
export interface NotesFile {
  id: string;
  text: string;
  origin: 'user' | 'bundled';
  language?: 'en' | 'zh-cn';
}

/** The user's notes a hover is computed with, plus the bundled notes in `language`. */
export interface NotesSet {
  name: string;
  description: string;
  language: 'en' | 'zh-cn';
  userFiles: NotesFile[];
}

const NOTES_DIR = repoPath('test', 'relevance', 'notes');
const CASES_DIR = repoPath('test', 'relevance', 'cases');
const LABEL_LINE = /^(best|acceptable|off-topic)\s+(\S.*)$/;
/** Separates a label's file id and the headings of its path, as hovers print heading paths. */
const PATH_SEPARATOR = ' › ';

/**
 * The user's real notes, which are private and never committed: from $CONTAINER_NOTES_SEED_NOTES,
 * else a `shared/seed-notes` folder next to the repository (or next to the folder holding a
 * worktree). Undefined when there is none, as on CI: the `seed` set is then left out.
 */
function seedNotesFolder(): string | undefined {
  const configured = process.env.CONTAINER_NOTES_SEED_NOTES;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  return [repoPath('..', 'shared', 'seed-notes'), repoPath('..', '..', 'shared', 'seed-notes')].find((p) => fs.existsSync(p));
}

function readNotesFolder(folder: string, set: string): NotesFile[] {
  return fs
    .readdirSync(folder)
    .filter((name) => /\.(md|markdown|txt)$/.test(name))
    .sort()
    .map((name) => ({ id: `${set}/${name}`, text: fs.readFileSync(path.join(folder, name), 'utf8'), origin: 'user' as const }));
}

/** Every notes set the suite knows, the real seed notes first when present. */
export function notesSets(seedFolder = seedNotesFolder()): NotesSet[] {
  const sets: NotesSet[] = [];
  if (seedFolder) {
    sets.push({ name: 'seed', description: "the user's real notes (not committed)", language: 'en', userFiles: readNotesFolder(seedFolder, 'seed') });
  }
  sets.push(
    {
      name: 'seed-style',
      description: 'notes written like the seed: Chinese and English, `---` parts, code full of `#` lines',
      language: 'en',
      userFiles: readNotesFolder(path.join(NOTES_DIR, 'seed-style'), 'seed-style'),
    },
    {
      name: 'terse',
      description: 'terse English bullets with front-matter and section tags, and a Q&A file',
      language: 'en',
      userFiles: readNotesFolder(path.join(NOTES_DIR, 'terse'), 'terse'),
    },
    { name: 'bundled-en', description: 'no notes of the user; bundled notes in English', language: 'en', userFiles: [] },
    { name: 'bundled-zh-cn', description: 'no notes of the user; bundled notes in Chinese', language: 'zh-cn', userFiles: [] },
  );
  return sets;
}

/** The names of every set a case may run over, whether or not the seed notes are here. */
export const SET_NAMES = ['seed', 'seed-style', 'terse', 'bundled-en', 'bundled-zh-cn'];

/** The bundled notes as suite files: `bundled/en/helm.md`. */
export function bundledFiles(): NotesFile[] {
  return bundledNotes().map((note) => ({
    id: `bundled/${note.uri.replace(/^bundled:\/notes\//, '')}`,
    text: note.text,
    origin: 'bundled',
    language: note.language,
  }));
}

/** The notes files a set's hovers can show: its user files and the bundled ones in its language. */
export function filesOf(set: NotesSet): NotesFile[] {
  return [...set.userFiles, ...bundledFiles().filter((f) => f.language === set.language)];
}

/** The id of the set or bundled folder a notes file id belongs to: `seed-style`, `bundled/en`. */
export function fileGroup(id: string): string {
  return id.startsWith('bundled/') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
}

/** Sections of a notes file that have something to show, by heading path. */
export function sectionsOf(file: NotesFile): NoteSection[] {
  return parseSections({ uri: file.id, text: file.text, origin: file.origin, language: file.language }).filter((s) => !s.empty);
}

export function labelKey(file: string, headingPath: readonly string[]): string {
  return [file, ...headingPath].join(PATH_SEPARATOR);
}

function parseLabels(text: string, name: string): Label[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = LABEL_LINE.exec(line);
      if (!m) throw new Error(`${name}: a label line is "<best|acceptable|off-topic> <file> › <heading> › …", not "${line}"`);
      const [file, ...headingPath] = m[2].split(PATH_SEPARATOR).map((part) => part.trim());
      return { grade: m[1] as Grade, file, headingPath };
    });
}

/** Reads one case file (the golden format plus `-- labels --` and an optional `-- sets --`). */
export function parseCase(name: string, language: Language, text: string): RelevanceCase {
  const golden = parseGolden(text);
  const files = new Map<string, string>();
  let labels: Label[] = [];
  let sets = SET_NAMES;
  let target: string | undefined;
  let offset = -1;
  for (const [file, body] of golden.files) {
    if (file === 'labels') labels = parseLabels(body, name);
    else if (file === 'sets') sets = body.split(/\s+/).filter(Boolean);
    else if (body.includes('$0') && target === undefined) {
      target = file;
      offset = body.indexOf('$0');
      files.set(file, body.replace('$0', ''));
    } else files.set(file, body);
  }
  if (target === undefined) throw new Error(`${name}: no $0 cursor`);
  return { name, language, description: golden.description, files, target, offset, settings: golden.settings, sets, labels };
}

/** Every case, by language folder and file name. */
export function loadCases(dir = CASES_DIR): RelevanceCase[] {
  return LANGUAGES.flatMap((language) => {
    const folder = path.join(dir, language);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => parseCase(`${language}/${file.replace(/\.txt$/, '')}`, language, fs.readFileSync(path.join(folder, file), 'utf8')));
  });
}
