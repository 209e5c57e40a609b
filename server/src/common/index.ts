/**
 * Shared helpers used by every layer: positions, URIs, settings, rule ids and suppression,
 * per-session caches, the small file-system interface and the one sanitiser for untrusted Markdown.
 * No LSP connection imports, no IO, no module-level mutable state. Never throws.
 */
export * from './positions';
export * from './uri';
export * from './settings';
export * from './rules';
export * from './cache';
export * from './fileSystem';
export * from './text';
export * from './projectConfig';
export * from './resources';
export * from './markdown';
export * from './yamlNesting';
