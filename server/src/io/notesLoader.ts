import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { looksBinary, pathToUri } from '../common';
import type { NoteFile } from '../notes';

/**
 * Reads notes files from disk for the notes index (the index itself does no IO). Bad input — a
 * missing path, an unreadable folder, a binary or oversized file, invalid UTF-8 — is skipped and
 * reported through `report`, once per path and load.
 */
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;
const NOTE_FILE = /\.(md|markdown|txt)$/i;

export type Reporter = (message: string) => void;

async function readNote(file: string, report: Reporter): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_NOTE_BYTES) {
      report(`Skipped notes file ${file}: ${(stat.size / 1048576).toFixed(1)} MB is over the 2 MB limit.`);
      return undefined;
    }
    const bytes = await fs.readFile(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      report(`Skipped notes file ${file}: it is not valid UTF-8.`);
      return undefined;
    }
    if (looksBinary(text)) {
      report(`Skipped notes file ${file}: it looks binary.`);
      return undefined;
    }
    return text.replace(/^\uFEFF/, '');
  } catch (error) {
    report(`Skipped notes file ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

/** All notes files below `root` (a file or a folder), recursively, without following loops. */
export async function listNoteFiles(root: string, report: Reporter): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = async (p: string, depth: number): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(p);
    } catch (error) {
      report(`Notes path ${p} cannot be read: ${(error as Error).message}`);
      return;
    }
    if (seen.has(real) || depth > 20) return;
    seen.add(real);
    let stat;
    try {
      stat = await fs.stat(real);
    } catch (error) {
      report(`Notes path ${p} cannot be read: ${(error as Error).message}`);
      return;
    }
    if (stat.isFile()) {
      if (NOTE_FILE.test(p) || depth === 0) found.push(p);
      return;
    }
    if (!stat.isDirectory()) return;
    let entries;
    try {
      entries = await fs.readdir(p, { withFileTypes: true });
    } catch (error) {
      report(`Notes folder ${p} cannot be read: ${(error as Error).message}`);
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory() || e.isSymbolicLink() || (e.isFile() && NOTE_FILE.test(e.name))) await walk(path.join(p, e.name), depth + 1);
    }
  };
  await walk(root, 0);
  return found;
}

export async function loadNoteFile(file: string, origin: NoteFile['origin'], report: Reporter, language?: NoteFile['language']): Promise<NoteFile | undefined> {
  const text = await readNote(file, report);
  return text === undefined ? undefined : { uri: pathToUri(file), text, origin, language };
}

/** The notes that ship with the extension: `<root>/notes/en/*.md` and `<root>/notes/zh-cn/*.md`. */
export async function loadBundledNotes(notesDir: string, report: Reporter): Promise<NoteFile[]> {
  const files: NoteFile[] = [];
  for (const language of ['en', 'zh-cn'] as const) {
    for (const file of await listNoteFiles(path.join(notesDir, language), report)) {
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
