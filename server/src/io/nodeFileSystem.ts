import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createResources,
  decodeText,
  type DirectoryEntry,
  type FileSystem,
  MAX_FILE_BYTES,
  pathToUri,
  type Resources,
  type TextProblem,
  uriToPath,
} from '../common';
import { ARCHIVE_LIMITS, readTarGz } from './archive';

/** The parts of node's fs the FileSystem and the reader use, so tests can make them fail. */
export type NodeFs = Pick<typeof fs, 'readdirSync' | 'statSync' | 'realpathSync' | 'readFileSync' | 'existsSync'>;

export type NotAFile = { problem: 'not-a-file' };
/** Why a file's text could not be had. */
export type ReadProblem = TextProblem | NotAFile | { problem: 'unreadable'; detail: string };

/** A system error as `CODE: what happened`, e.g. `EACCES: permission denied, open '/x'`. */
export function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : String(error);
}

/** What a file's stat alone rules out, before a byte is read: not a regular file, or too large. */
export function statProblem(stat: { isFile(): boolean; size: number }, limit = MAX_FILE_BYTES): NotAFile | TextProblem | undefined {
  if (!stat.isFile()) return { problem: 'not-a-file' };
  if (stat.size > limit) return { problem: 'too-large', bytes: stat.size };
  return undefined;
}

/** A regular file's text (see decodeText), or why not. The notes loader does the same asynchronously. */
export function readTextFile(file: string, nodeFs: NodeFs = fs, limit = MAX_FILE_BYTES): { text: string } | ReadProblem {
  try {
    return statProblem(nodeFs.statSync(file), limit) ?? decodeText(nodeFs.readFileSync(file), limit);
  } catch (error) {
    return { problem: 'unreadable', detail: errorText(error) };
  }
}

function entryOf(nodeFs: NodeFs, dir: string, entry: fs.Dirent): DirectoryEntry {
  const name = entry.name;
  if (!entry.isSymbolicLink()) return { name, isDirectory: entry.isDirectory(), isFile: entry.isFile(), isLink: false };
  try {
    const target = nodeFs.statSync(path.join(dir, name));
    return { name, isDirectory: target.isDirectory(), isFile: target.isFile(), isLink: true };
  } catch (error) {
    return { name, isDirectory: false, isFile: false, isLink: true, brokenLink: errorText(error) };
  }
}

/** The FileSystem over node's fs. Calls are synchronous and guarded: failures come back as values. */
export function nodeFileSystem(nodeFs: NodeFs = fs): FileSystem {
  return {
    readFile(uri) {
      const read = readTextFile(uriToPath(uri), nodeFs);
      return 'text' in read ? read.text : undefined;
    },
    readDirectory(uri) {
      const dir = uriToPath(uri);
      try {
        return nodeFs.readdirSync(dir, { withFileTypes: true }).map((entry) => entryOf(nodeFs, dir, entry));
      } catch (error) {
        return { problem: errorText(error) };
      }
    },
    realPath(uri) {
      try {
        return pathToUri(nodeFs.realpathSync(uriToPath(uri)));
      } catch (error) {
        return { problem: errorText(error) };
      }
    },
    exists(uri) {
      try {
        return nodeFs.existsSync(uriToPath(uri));
      } catch {
        return false;
      }
    },
    readArchive(uri) {
      const file = uriToPath(uri);
      try {
        if (statProblem(nodeFs.statSync(file), ARCHIVE_LIMITS.compressedBytes)) return undefined;
        return readTarGz(nodeFs.readFileSync(file));
      } catch {
        return undefined;
      }
    },
  };
}

/** Bundled data files (e.g. `schemas/kubernetes-1.36.json`) read from the folder holding the server bundle. */
export function nodeResources(bundleDir: string): Resources {
  return createResources((name) => {
    try {
      return fs.readFileSync(path.join(bundleDir, name), 'utf8');
    } catch {
      return undefined;
    }
  });
}
