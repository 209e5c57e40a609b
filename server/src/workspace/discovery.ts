import ignore, { type Ignore } from 'ignore';
import { dirname, type FileSystem, isUnder, joinUri, relativeUri } from '../common';
import { isAnalysedFile } from './documentKind';

/**
 * File discovery: which files on disk are the project's. One walker serves the editor's workspace
 * scan, a chart's own file list and `container-notes lint`; it sees the disk only through
 * FileSystem. docs/decisions.md ("File discovery") says why the rules are what they are.
 * - Folders named in SKIPPED_FOLDERS are never entered, at any depth.
 * - `.gitignore` files are obeyed when asked: those of the walked folders, and those above a
 *   walked root up to the repository root, the deepest one with an opinion deciding, as in git.
 * - Files are kept when isAnalysedFile says so; a file given as a root is always kept.
 * - Symbolic links are followed within the walked folder: a link whose target lies outside the
 *   root it was found under is passed over (`outside-root`), so a repository cannot make the
 *   editor's scan or the command line read files elsewhere on the machine. A chart's own file
 *   list (listFolder) follows links out of the chart, as Helm does; the chart itself was found
 *   by a confined walk. A link back into its own
 *   ancestry is a loop and is not entered; a file reached through two paths is listed once.
 * Never throws: what cannot be read is passed over and named in `skipped`.
 */

/**
 * Folders never walked: version-control data, npm dependencies, and vendored third-party trees
 * (Go modules, charts synced by vendir) that are committed, so .gitignore does not catch them.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules', 'vendor']);

/** The editor's bounds, so a huge tree (a home folder opened by mistake) cannot hang it. */
export const SCAN_LIMITS = { maxFiles: 20000, maxDepth: 20 };

export interface DiscoveryOptions {
  gitignore: boolean;
  /** Stop after this many files. */
  maxFiles?: number;
  /** Do not enter folders deeper than this below a root. */
  maxDepth?: number;
  /** Follow symbolic links whose target lies outside the root (only a chart's file list does). */
  followLinksOut?: boolean;
}

/** Something passed over that a user may want to hear of (the command line lists them). */
export type PassedOver = { uri: string } & (
  | { reason: 'link-loop' | 'outside-root'; target: string }
  | { reason: 'unresolvable-folder' | 'unreadable-folder' | 'broken-link'; problem: string }
  | { reason: 'not-a-file' }
);

export interface Discovered {
  /** In walk order: roots in the order given, each folder's entries by name, depth first. */
  files: string[];
  skipped: PassedOver[];
}

interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

function ignoreFileOf(fs: FileSystem, dir: string): IgnoreLevel | undefined {
  const text = fs.readFile(joinUri(dir, '.gitignore'));
  return text === undefined ? undefined : { base: dir, rules: ignore().add(text) };
}

/** The .gitignore files above `dir`, from the repository root down (none outside a repository). */
function ancestorIgnores(fs: FileSystem, dir: string): IgnoreLevel[] {
  if (fs.exists(joinUri(dir, '.git'))) return [];
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (fs.exists(joinUri(d, '.git'))) return chain.map((c) => ignoreFileOf(fs, c)).filter((l): l is IgnoreLevel => l !== undefined);
    if (dirname(d) === d) return [];
  }
}

function isIgnored(levels: readonly IgnoreLevel[], uri: string, isDirectory: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const rel = relativeUri(levels[i].base, uri);
    if (!rel) continue;
    const verdict = levels[i].rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The one per-entry rule of the walk and of wouldDiscover. */
function isWanted(levels: readonly IgnoreLevel[], uri: string, name: string, isDirectory: boolean): boolean {
  if (isDirectory ? SKIPPED_FOLDERS.has(name) : !isAnalysedFile(uri)) return false;
  return !isIgnored(levels, uri, isDirectory);
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Walks the roots (folders, or files taken as they are) and lists the project's files. */
export function discoverFiles(fs: FileSystem, roots: ReadonlyArray<{ uri: string; isFolder: boolean }>, options: DiscoveryOptions): Discovered {
  return finish(discoverInSteps(fs, roots, options));
}

/** Runs a stepwise walk to its end. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * discoverFiles one folder at a time: each step reads one folder, and the last one returns what
 * discoverFiles would. The editor walks a large workspace this way between requests.
 */
export function* discoverInSteps(
  fs: FileSystem,
  roots: ReadonlyArray<{ uri: string; isFolder: boolean }>,
  options: DiscoveryOptions,
): Generator<void, Discovered> {
  const found: Discovered = { files: [], skipped: [] };
  const maxFiles = options.maxFiles ?? Infinity;
  const maxDepth = options.maxDepth ?? Infinity;
  const listed = new Set<string>();
  const walked = new Set<string>();
  const add = (uri: string, real: string | { problem: string }) => {
    // A file that cannot be resolved is its own identity; reading it will say what is wrong.
    const identity = typeof real === 'string' ? real : uri;
    if (listed.has(identity)) return;
    listed.add(identity);
    found.files.push(uri);
  };

  function* visit(dir: string, root: string, levels: IgnoreLevel[], ancestors: ReadonlySet<string>, depth: number): Generator<void, void> {
    if (depth > maxDepth || found.files.length >= maxFiles) return;
    const real = fs.realPath(dir);
    if (typeof real !== 'string') {
      found.skipped.push({ uri: dir, reason: 'unresolvable-folder', problem: real.problem });
      return;
    }
    if (!options.followLinksOut && !isUnder(real, root)) {
      found.skipped.push({ uri: dir, reason: 'outside-root', target: real });
      return;
    }
    if (ancestors.has(real)) {
      found.skipped.push({ uri: dir, reason: 'link-loop', target: real });
      return;
    }
    if (walked.has(real)) return;
    walked.add(real);
    const entries = fs.readDirectory(dir);
    if ('problem' in entries) {
      found.skipped.push({ uri: dir, reason: 'unreadable-folder', problem: entries.problem });
      return;
    }
    const own = options.gitignore ? ignoreFileOf(fs, dir) : undefined;
    const here = own ? [...levels, own] : levels;
    const inner = new Set(ancestors).add(real);
    for (const entry of entries.sort(byName)) {
      if (found.files.length >= maxFiles) return;
      const uri = joinUri(dir, entry.name);
      if (!isWanted(here, uri, entry.name, entry.isDirectory)) continue;
      if (entry.isDirectory) {
        yield;
        yield* visit(uri, root, here, inner, depth + 1);
      } else if (entry.isFile) {
        const target = entry.isLink ? fs.realPath(uri) : joinUri(real, entry.name);
        if (!options.followLinksOut && typeof target === 'string' && !isUnder(target, root)) found.skipped.push({ uri, reason: 'outside-root', target });
        else add(uri, target);
      } else if (entry.brokenLink !== undefined) found.skipped.push({ uri, reason: 'broken-link', problem: entry.brokenLink });
      else found.skipped.push({ uri, reason: 'not-a-file' });
    }
  }

  for (const root of roots) {
    if (root.isFolder) {
      const real = fs.realPath(root.uri);
      yield* visit(root.uri, typeof real === 'string' ? real : root.uri, options.gitignore ? ancestorIgnores(fs, root.uri) : [], new Set(), 0);
    } else add(root.uri, fs.realPath(root.uri));
  }
  return found;
}

/** The editor's scan of its workspace folders: the policy with .gitignore, within SCAN_LIMITS. */
export function scanFolders(fs: FileSystem, folders: readonly string[], limits = SCAN_LIMITS): string[] {
  return finish(scanFoldersInSteps(fs, folders, limits));
}

/** scanFolders one folder at a time (see discoverInSteps). */
export function* scanFoldersInSteps(fs: FileSystem, folders: readonly string[], limits = SCAN_LIMITS): Generator<void, string[]> {
  const roots = folders.map((uri) => ({ uri, isFolder: true }));
  return (yield* discoverInSteps(fs, roots, { gitignore: true, ...limits })).files.sort();
}

/**
 * The files below one folder as the disk holds them: the policy without .gitignore, within
 * SCAN_LIMITS. A chart is read this way, since Helm loads a chart's files whatever git ignores.
 */
export function listFolder(fs: FileSystem, folder: string): string[] {
  return discoverFiles(fs, [{ uri: folder, isFolder: true }], { gitignore: false, followLinksOut: true, ...SCAN_LIMITS }).files.sort();
}

/**
 * Whether scanFolders would list `uri` (its limits aside): for a file that appears after the
 * scan, so the workspace takes in only what a fresh scan would.
 */
export function wouldDiscover(fs: FileSystem, folders: readonly string[], uri: string): boolean {
  const folder = folders.find((f) => isUnder(uri, f) && uri !== f);
  if (folder === undefined) return false;
  const names = (relativeUri(folder, uri) ?? '').split('/');
  let levels = ancestorIgnores(fs, folder);
  let dir = folder;
  for (const [i, name] of names.entries()) {
    const own = ignoreFileOf(fs, dir);
    if (own) levels = [...levels, own];
    const child = joinUri(dir, name);
    if (!isWanted(levels, child, name, i < names.length - 1)) return false;
    dir = child;
  }
  return true;
}
