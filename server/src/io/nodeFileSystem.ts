import * as fs from 'node:fs';
import * as path from 'node:path';
import { createResources, type FileSystem, looksBinary, type Resources, uriToPath } from '../common';

/** Files larger than this are not read for the workspace model (a 10 MB manifest is still linted when opened). */
export const MAX_WORKSPACE_FILE_BYTES = 5 * 1024 * 1024;

/** The FileSystem over node's fs. Reads are synchronous and guarded: any failure is `undefined`/[]. */
export function nodeFileSystem(maxBytes = MAX_WORKSPACE_FILE_BYTES): FileSystem {
  return {
    readFile(uri) {
      try {
        const p = uriToPath(uri);
        const stat = fs.statSync(p);
        if (!stat.isFile() || stat.size > maxBytes) return undefined;
        const text = fs.readFileSync(p, 'utf8');
        return looksBinary(text) ? undefined : text;
      } catch {
        return undefined;
      }
    },
    readDirectory(uri) {
      try {
        return fs
          .readdirSync(uriToPath(uri), { withFileTypes: true })
          .filter((e) => e.isFile() || e.isDirectory())
          .map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
      } catch {
        return [];
      }
    },
    exists(uri) {
      try {
        return fs.existsSync(uriToPath(uri));
      } catch {
        return false;
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
