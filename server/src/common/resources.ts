/**
 * Data files built next to the server (e.g. `schemas/kubernetes-1.36.json` in dist/) and the
 * values derived from them. The server and the CLI read them with node's fs; tests read them from
 * the repository's dist/. `memo` holds per-process values (parsed schemas, indexes) for the life
 * of the session — settings changes do not drop them, unlike `ctx.cache`.
 */
export interface Resources {
  /** The text of a bundled data file, by its path relative to the bundle folder; `undefined` if missing. */
  text(name: string): string | undefined;
  /** Computes `build()` once per key for this session. */
  memo<T>(key: string, build: () => T): T;
}

/** Resources over a reader; the memo lives as long as the returned object. */
export function createResources(read: (name: string) => string | undefined): Resources {
  const values = new Map<string, unknown>();
  return {
    text: read,
    memo<T>(key: string, build: () => T): T {
      if (!values.has(key)) values.set(key, build());
      return values.get(key) as T;
    },
  };
}
