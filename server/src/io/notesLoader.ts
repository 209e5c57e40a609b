import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describeSize, pathToUri, type TextProblem } from '../common';
import type { NoteFile } from '../notes';
import { SCAN_LIMITS, SKIPPED_FOLDERS } from '../workspace';
import { type NotAFile, readTextFile } from './nodeFileSystem';

/**
 * Reads notes files from disk for the notes index (the index itself does no IO), asynchronously so
 * the server answers requests meanwhile, with the pieces of the file-discovery policy: the folders
 * never walked, the size limit and decodeText. Bad input — a missing path, an unreadable folder, a
 * binary or oversized file, invalid UTF-8, an empty file — is skipped and reported through `report`
 * with the path and what to do; the caller reports each message once.
 */
/** A notes path pointing at a huge tree (say, the home folder) stops here instead of walking it all. */
export const MAX_NOTE_FILES = 5000;
export const NOTE_FILE = /\.(md|markdown|txt)$/i;

export type Reporter = (message: string) => void;

/** A system error in words for a notes report; `error` is a caught error or a read problem's code and detail. */
function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return message;
}

/** What a configured notes path points at, for the status the editor shows. */
export async function notesPathState(p: string): Promise<'file' | 'folder' | 'missing' | 'unreadable'> {
  try {
    const stat = await fs.stat(p);
    if (!stat.isFile() && !stat.isDirectory()) return 'unreadable';
    await fs.access(p, fs.constants.R_OK);
    return stat.isFile() ? 'file' : 'folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
}

/** Size and modification time: a file whose stamp is unchanged need not be read again. */
export async function noteStamp(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

function whyNotRead(read: TextProblem | NotAFile): string {
  switch (read.problem) {
    case 'not-a-file':
      return 'it is not a regular file';
    case 'too-large':
      return `${describeSize(read.bytes)}; split it into smaller files`;
    case 'binary':
      return 'it looks binary (it holds NUL bytes), not Markdown or text';
    case 'not-utf8':
      return 'it is not valid UTF-8; save it as UTF-8';
  }
}

/** The file's text, or `undefined` (reported) when it is too large, binary, not UTF-8 or unreadable. */
function readNote(file: string, report: Reporter): string | undefined {
  const read = readTextFile(file);
  if ('text' in read) {
    if (read.text.trim() === '') report(`Notes file ${file} is empty; it gives no hover text.`);
    return read.text;
  }
  report(`Skipped notes file ${file}: ${read.problem === 'unreadable' ? reason({ code: read.code, message: read.detail }) : whyNotRead(read)}.`);
  return undefined;
}

/** All notes files below `root` (a file or a folder), recursively, without following loops. */
export async function listNoteFiles(root: string, report: Reporter): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = async (p: string, depth: number): Promise<void> => {
    if (found.length >= MAX_NOTE_FILES) return;
    let real: string;
    let stat;
    try {
      real = await fs.realpath(p);
      stat = await fs.stat(real);
    } catch (error) {
      report(`Notes path ${p} cannot be read: ${reason(error)}. Check containerNotes.notes.paths.`);
      return;
    }
    if (seen.has(real) || depth > SCAN_LIMITS.maxDepth) return;
    seen.add(real);
    if (stat.isFile()) {
      if (NOTE_FILE.test(p) || depth === 0) found.push(p);
      return;
    }
    if (!stat.isDirectory()) return;
    let entries;
    try {
      entries = await fs.readdir(p, { withFileTypes: true });
    } catch (error) {
      report(`Notes folder ${p} cannot be read: ${reason(error)}.`);
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      // The walkers' skip list, and hidden entries too: they hold tool state (an editor's settings, a trash folder), not notes.
      if (e.name.startsWith('.') || SKIPPED_FOLDERS.has(e.name)) continue;
      if (e.isDirectory() || e.isSymbolicLink() || (e.isFile() && NOTE_FILE.test(e.name))) await walk(path.join(p, e.name), depth + 1);
    }
  };
  await walk(root, 0);
  if (found.length >= MAX_NOTE_FILES)
    report(
      `Notes path ${root} holds more than ${MAX_NOTE_FILES} notes files; only the first ${MAX_NOTE_FILES} are indexed. Point containerNotes.notes.paths at the notes folder itself.`,
    );
  return found;
}

export async function loadNoteFile(file: string, origin: NoteFile['origin'], report: Reporter, language?: NoteFile['language']): Promise<NoteFile | undefined> {
  const text = readNote(file, report);
  return text === undefined ? undefined : { uri: pathToUri(file), text, origin, ...(language ? { language } : {}) };
}

/** The notes that ship with the extension: `<root>/notes/en/*.md` and `<root>/notes/zh-cn/*.md`. */
export async function loadBundledNotes(notesDir: string, report: Reporter): Promise<NoteFile[]> {
  const files: NoteFile[] = [];
  for (const language of ['en', 'zh-cn'] as const) {
    const dir = path.join(notesDir, language);
    if (!(await fs.stat(dir).catch(() => undefined))?.isDirectory()) {
      report(`Bundled notes are missing from ${dir}; hovers show only your own notes. Reinstall the extension to restore them.`);
      continue;
    }
    for (const file of await listNoteFiles(dir, report)) {
      const note = await loadNoteFile(file, 'bundled', report, language);
      if (note) files.push(note);
    }
  }
  return files;
}

/** Resolves `containerNotes.notes.paths` entries: `~` and relative paths (against the first folder). */
export function resolveNotesPath(p: string, baseDir: string | undefined, home: string): string {
  if (p === '~' || p.startsWith('~/')) return path.join(home, p.slice(1));
  if (path.isAbsolute(p)) return p;
  return path.resolve(baseDir ?? process.cwd(), p);
}

/** Where the bundled notes live relative to a bundle (`dist/server.js`, `dist/cli.js` → `notes/`). */
export function defaultBundledNotesDir(bundleDir: string): string {
  return path.resolve(bundleDir, '..', 'notes');
}
