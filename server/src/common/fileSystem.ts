/**
 * The only file-system surface below lsp/ and cli/. The server and the CLI back it with node's fs;
 * tests back it with a map. Every method answers `undefined`/[] instead of throwing.
 */
export interface FileSystem {
  /** The file's text, or `undefined` when it is missing, unreadable, binary or too large. */
  readFile(uri: string): string | undefined;
  /** Names of the entries of a folder with their kind; [] when it is missing or unreadable. */
  readDirectory(uri: string): Array<{ name: string; isDirectory: boolean }>;
  exists(uri: string): boolean;
}

/** An in-memory FileSystem over `uri → text`; folders are implied by the paths. */
export function memoryFileSystem(files: ReadonlyMap<string, string>): FileSystem {
  return {
    readFile: (uri) => files.get(uri),
    exists: (uri) => {
      if (files.has(uri)) return true;
      const prefix = uri.endsWith('/') ? uri : uri + '/';
      for (const key of files.keys()) if (key.startsWith(prefix)) return true;
      return false;
    },
    readDirectory: (uri) => {
      const prefix = uri.endsWith('/') ? uri : uri + '/';
      const seen = new Map<string, boolean>();
      for (const key of files.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = slash < 0 ? rest : rest.slice(0, slash);
        seen.set(name, (seen.get(name) ?? false) || slash >= 0);
      }
      return [...seen].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}
