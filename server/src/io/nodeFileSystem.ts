import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createResources,
  decodeText,
  describeSize,
  type DirectoryEntry,
  type FileSystem,
  MAX_FILE_BYTES,
  pathToUri,
  type Resources,
  type TextProblem,
  uriToPath,
} from '../common';
import { ARCHIVE_LIMITS, readTarGz } from './archive';
import { type NodeFs, type NotAFile, readBoundedBytes } from './boundedRead';

export type { NodeFs, NotAFile } from './boundedRead';

/** Why a file's text could not be had. */
export type ReadProblem = TextProblem | NotAFile | { problem: 'unreadable'; detail: string; code?: string };

/** A system error as `CODE: what happened`, e.g. `EACCES: permission denied, open '/x'`. */
export function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : String(error);
}

/** Why a file was not read, in a few words for a report line. */
export function describeReadProblem(read: ReadProblem, limit = MAX_FILE_BYTES): string {
  switch (read.problem) {
    case 'not-a-file':
      return 'not a regular file';
    case 'too-large':
      return describeSize(read.bytes, limit);
    case 'binary':
      return 'binary file (it holds NUL bytes)';
    case 'not-utf8':
      return 'not UTF-8 text';
    case 'unreadable':
      return `cannot be read (${read.detail})`;
  }
}

/** A regular file's text (see decodeText and readBoundedBytes), or why not. The notes loader does the same asynchronously. */
export function readTextFile(file: string, nodeFs: NodeFs = fs, limit = MAX_FILE_BYTES): { text: string } | ReadProblem {
  try {
    const read = readBoundedBytes(file, nodeFs, limit);
    return 'data' in read ? decodeText(read.data, limit) : read;
  } catch (error) {
    return { problem: 'unreadable', detail: errorText(error), code: (error as NodeJS.ErrnoException).code };
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
      try {
        const read = readBoundedBytes(uriToPath(uri), nodeFs, ARCHIVE_LIMITS.compressedBytes);
        return 'data' in read ? readTarGz(read.data) : undefined;
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
