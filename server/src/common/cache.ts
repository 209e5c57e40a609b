/**
 * Memo tables owned by a session (or a CLI run). Parse results are keyed by uri@version so a
 * document is parsed once per version; derived workspace data is keyed by the workspace generation.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: number | string; value: unknown }>();

  constructor(private readonly limit = 500) {}

  get<T>(kind: string, uri: string, version: number | string, compute: () => T): T {
    const key = kind + '\u0000' + uri;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Re-insert on use too, so eviction drops the least recently used entry, not a
      // long-lived one that was computed once and read ever since.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    // Re-insert so Map order doubles as least-recently-used order for eviction.
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  /** The entry of `kind` for `uri` whatever version it was computed for, without computing anything. */
  peek<T>(kind: string, uri: string): { version: number | string; value: T } | undefined {
    return this.entries.get(kind + '\u0000' + uri) as { version: number | string; value: T } | undefined;
  }

  /** Forget everything cached for a closed or deleted document. */
  forget(uri: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key.endsWith('\u0000' + uri)) this.entries.delete(key);
    }
  }
}
