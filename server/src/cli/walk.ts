import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES, pathToUri, uriToPath } from '../common';
import { discoverFiles, type PassedOver } from '../workspace';
import { describeReadProblem, errorText, nodeFileSystem, type NodeFs, readTextFile } from '../io';

/**
 * Finds the files `container-notes lint` looks at, with the file-discovery policy the editor uses
 * (workspace/discovery.ts): folders are walked in name order, skipping the never-walked folders and
 * whatever `.gitignore` files exclude; symbolic links are followed inside the folder
 * given, not out of it, and loops reported. Files named
 * on the command line are always checked. Nothing here throws: every failure becomes a `Skipped`.
 */
export interface Skipped {
  path: string;
  reason: string;
}

/** The parts of node's fs the walker and reader use, so tests can make reads fail. */
export type WalkFs = NodeFs;

export interface WalkResult {
  /** Absolute paths of the files to check, without repeats, in walk order. */
  files: string[];
  skipped: Skipped[];
  /** Command-line paths that do not exist. */
  missing: string[];
}

function describe(skipped: PassedOver): string {
  switch (skipped.reason) {
    case 'outside-root':
      return `symbolic link out of the linted folder, to ${uriToPath(skipped.target)}`;
    case 'link-loop':
      return `symbolic link loop: it leads back to ${uriToPath(skipped.target)}`;
    case 'unresolvable-folder':
      return `folder cannot be resolved (${skipped.problem})`;
    case 'unreadable-folder':
      return `folder cannot be read (${skipped.problem})`;
    case 'broken-link':
      return `broken symbolic link (${skipped.problem})`;
    case 'not-a-file':
      return 'not a regular file';
  }
}

export function walk(roots: readonly string[], fs: WalkFs = nodeFs): WalkResult {
  const result: WalkResult = { files: [], skipped: [], missing: [] };
  const found: Array<{ uri: string; isFolder: boolean }> = [];
  for (const root of roots) {
    const abs = path.resolve(root);
    try {
      found.push({ uri: pathToUri(abs), isFolder: fs.statSync(abs).isDirectory() });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') result.missing.push(root);
      else result.skipped.push({ path: abs, reason: `cannot be read (${errorText(error)})` });
    }
  }
  const discovered = discoverFiles(nodeFileSystem(fs), found, { gitignore: true });
  result.files = discovered.files.map(uriToPath);
  for (const s of discovered.skipped) result.skipped.push({ path: uriToPath(s.uri), reason: describe(s) });
  return result;
}

/** The file's text, or why it was skipped: not a regular file, unreadable, too large, binary or not UTF-8. */
export function readLintFile(file: string, fs: WalkFs = nodeFs, maxBytes = MAX_FILE_BYTES): { text: string } | { reason: string } {
  const read = readTextFile(file, fs, maxBytes);
  return 'text' in read ? read : { reason: describeReadProblem(read, maxBytes) };
}
