/**
 * The only file-system surface below lsp/ and cli/. The server and the CLI back it with node's fs;
 * tests back it with a map. No method throws: a failure is `undefined`, or says what went wrong
 * where a caller may report it.
 */
export interface FileSystem {
  /** The file's text, or `undefined` when it is missing, unreadable, binary, not UTF-8 or too large. */
  readFile(uri: string): string | undefined;
  /** The entries of a folder, symbolic links described by their targets. */
  readDirectory(uri: string): DirectoryEntry[] | Unreadable;
  /**
   * Where a file or folder really is, every symbolic link resolved: two paths to one place share
   * it, which is how a walk sees a link loop or a file it has already listed.
   */
  realPath(uri: string): string | Unreadable;
  exists(uri: string): boolean;
  /**
   * The text files of a gzipped tar archive (a packed chart under charts/) by their path in it;
   * `undefined` when it is missing, not such an archive, or over the size limits. Optional: a file
   * system without it has no archives to offer.
   */
  readArchive?(uri: string): ReadonlyMap<string, string> | undefined;
}

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  /** A regular file: not a folder, FIFO, socket, device or broken link. */
  isFile: boolean;
  /** A symbolic link (its real path is not its place in the folder). */
  isLink: boolean;
  /** Why a link's target cannot be read; set only for a broken link. */
  brokenLink?: string;
}

/** What the system said, e.g. `EACCES: permission denied, scandir '/srv/data'`. */
export interface Unreadable {
  problem: string;
}

/**
 * An in-memory FileSystem over `uri → text`; folders are implied by the paths, and nothing is a
 * link. Keys below `<name>.tgz/` are the members of a packed archive of that name: the archive is
 * a file, and readArchive gives its members.
 */
export function memoryFileSystem(files: ReadonlyMap<string, string>): FileSystem {
  const exists = (uri: string) => {
    if (files.has(uri)) return true;
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const key of files.keys()) if (key.startsWith(prefix)) return true;
    return false;
  };
  return {
    readFile: (uri) => files.get(uri),
    exists,
    realPath: (uri) => (exists(uri) ? uri : { problem: `ENOENT: no such file or directory, ${uri}` }),
    readDirectory: (uri) => {
      const prefix = uri.endsWith('/') ? uri : uri + '/';
      const seen = new Map<string, boolean>();
      for (const key of files.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = slash < 0 ? rest : rest.slice(0, slash);
        seen.set(name, (seen.get(name) ?? false) || (slash >= 0 && !ARCHIVE_NAME.test(name)));
      }
      return [...seen].map(([name, isDirectory]) => ({ name: decodeURIComponent(name), isDirectory, isFile: !isDirectory, isLink: false }));
    },
    readArchive: (uri) => {
      if (!ARCHIVE_NAME.test(uri)) return undefined;
      const members = new Map<string, string>();
      for (const [key, text] of files) if (key.startsWith(uri + '/')) members.set(decodeURIComponent(key.slice(uri.length + 1)), text);
      return members.size > 0 ? members : undefined;
    },
  };
}

const ARCHIVE_NAME = /\.tgz$/i;
