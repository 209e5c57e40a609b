import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { PROJECT_CONFIG_FILE } from '../common';
import { isDockerfileName, isInterestingFile } from '../workspace';

/**
 * Finds the files `container-notes lint` looks at. Folders are walked depth-first in name order,
 * skipping `.git`, `node_modules` and whatever `.gitignore` files exclude (those of the walked
 * folder, its subfolders, and its ancestors up to the repository root). Symbolic links are
 * followed; a link back into its own ancestry is a loop and is reported, not followed. Files named
 * on the command line are always checked. Nothing here throws: every failure becomes a `Skipped`.
 */
export interface Skipped {
  path: string;
  reason: string;
}

/** The parts of node's fs the walker and reader use, so tests can make reads fail. */
export type WalkFs = Pick<typeof nodeFs, 'readdirSync' | 'statSync' | 'realpathSync' | 'readFileSync' | 'existsSync'>;

export interface WalkResult {
  /** Absolute paths of the files to check, without repeats, in walk order. */
  files: string[];
  skipped: Skipped[];
  /** Command-line paths that do not exist. */
  missing: string[];
}

const NEVER_WALKED = new Set(['.git', 'node_modules']);

interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

/** Files the language modules may serve: manifests, chart files, templates, Dockerfiles. */
export function isLintCandidate(file: string): boolean {
  const name = path.basename(file);
  if (name === PROJECT_CONFIG_FILE) return false;
  if (isInterestingFile(name) || isDockerfileName(name)) return true;
  // Any .txt under templates/ may be a chart template; the classifier decides.
  return /\.txt$/i.test(name) && file.split(path.sep).includes('templates');
}

function readIgnoreFile(fs: WalkFs, dir: string): IgnoreLevel | undefined {
  const file = path.join(dir, '.gitignore');
  try {
    return { base: dir, rules: ignore().add(fs.readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** The .gitignore files above `dir`, from the repository root down (none outside a repository). */
function ancestorIgnores(fs: WalkFs, dir: string): IgnoreLevel[] {
  if (fs.existsSync(path.join(dir, '.git'))) return [];
  const chain: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (fs.existsSync(path.join(d, '.git'))) return chain.map((c) => readIgnoreFile(fs, c)).filter((l): l is IgnoreLevel => l !== undefined);
    if (path.dirname(d) === d) return [];
  }
}

/** The deepest .gitignore with an opinion decides, as in git. */
function isIgnored(levels: readonly IgnoreLevel[], file: string, isDirectory: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const rel = path.relative(levels[i].base, file).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const verdict = levels[i].rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function message(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : String(error);
}

export function walk(roots: readonly string[], fs: WalkFs = nodeFs): WalkResult {
  const result: WalkResult = { files: [], skipped: [], missing: [] };
  const seenFiles = new Set<string>();
  const addFile = (file: string) => {
    let real = file;
    try {
      real = fs.realpathSync(file);
    } catch {
      // An unresolvable path is reported when it is read.
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    result.files.push(file);
  };

  const visit = (dir: string, levels: IgnoreLevel[], ancestors: Set<string>, walked: Set<string>): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (error) {
      result.skipped.push({ path: dir, reason: `folder cannot be resolved (${message(error)})` });
      return;
    }
    if (ancestors.has(real)) {
      result.skipped.push({ path: dir, reason: `symbolic link loop: it leads back to ${real}` });
      return;
    }
    if (walked.has(real)) return;
    walked.add(real);
    let entries: nodeFs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      result.skipped.push({ path: dir, reason: `folder cannot be read (${message(error)})` });
      return;
    }
    const own = readIgnoreFile(fs, dir);
    const here = own ? [...levels, own] : levels;
    const inner = new Set(ancestors).add(real);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (NEVER_WALKED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (!isIgnored(here, full, false) && isLintCandidate(full)) result.skipped.push({ path: full, reason: `broken symbolic link (${message(error)})` });
          continue;
        }
      }
      if (isIgnored(here, full, isDirectory)) continue;
      if (isDirectory) visit(full, here, inner, walked);
      else if (!isLintCandidate(full)) continue;
      else if (isFile) addFile(full);
      else result.skipped.push({ path: full, reason: 'not a regular file' });
    }
  };

  for (const root of roots) {
    const abs = path.resolve(root);
    let stat: nodeFs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') result.missing.push(root);
      else result.skipped.push({ path: abs, reason: `cannot be read (${message(error)})` });
      continue;
    }
    if (stat.isDirectory()) visit(abs, ancestorIgnores(fs, abs), new Set(), new Set());
    else addFile(abs);
  }
  return result;
}

/** Files larger than this are skipped (and reported): real manifests and Dockerfiles are far smaller. */
export const MAX_LINT_FILE_BYTES = 5 * 1024 * 1024;

/** The file's text, or why it was skipped: unreadable, too large, binary or not UTF-8. */
export function readLintFile(file: string, fs: WalkFs = nodeFs, maxBytes = MAX_LINT_FILE_BYTES): { text: string } | { reason: string } {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { reason: 'not a regular file' };
    if (stat.size > maxBytes) return { reason: `${(stat.size / 1048576).toFixed(1)} MB is over the ${maxBytes / 1048576} MB limit` };
    const bytes = fs.readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0)) return { reason: 'binary file (it holds NUL bytes)' };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch (error) {
    if (error instanceof TypeError) return { reason: 'not UTF-8 text' };
    return { reason: `cannot be read (${message(error)})` };
  }
}
