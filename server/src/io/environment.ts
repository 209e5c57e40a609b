/**
 * Replaces `process.env` with a plain copy of itself. The `yaml` parser reads
 * `process.env.LOG_TOKENS` once per token, and node answers every read of the real `process.env`
 * through a native lookup: on a 1 MB manifest that was a quarter of the parse. A plain object
 * answers the same values at a property read's cost. The server and the CLI start no child
 * processes and never set variables, so nothing relies on the live environment.
 */
export function useEnvironmentSnapshot(): void {
  process.env = { ...process.env };
}
