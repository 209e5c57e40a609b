/**
 * Notes: Markdown files → sections → lookup by hover key → untrusted Markdown.
 * Pure: callers hand in file texts; this module reads nothing itself and imports no LSP
 * connection. Never throws on any input (binary, huge, half-written Markdown).
 *
 * - `sections.ts` cuts a file at ATX/setext headings (not inside fenced code; a `---` after a
 *   blank line is a separator; front matter is skipped and its `keys:` tag the whole file).
 * - `terms.ts` + `aliases.ts` turn a key into tags and heading/body terms (aliases are data).
 * - `notesIndex.ts` is the storage: it indexes each file when it is set (postings and per-section
 *   facts, ids, compaction) and caches lookups per key and compiled patterns until the next change.
 * - `ranking.ts` is the policy: tags, then headings, then body mentions, each scored in its band;
 *   user notes before bundled ones (`compareCandidates`), the best 50. It reads the index's tables
 *   and stores nothing.
 * - `postings.ts` holds the token lists in typed arrays, outside the garbage-collected heap.
 * - `render.ts` renders sections for a hover, neutralising links and HTML; `renderSectionMemo`
 *   is a memo for the session to keep.
 */
export * from './types';
export { NotesIndex } from './notesIndex';
export { parseSections } from './sections';
export { fencedLines } from './markdown';
export { matchingTags, queryFor, splitTags } from './terms';
export { renderBody, renderSection, renderSectionMemo, renderSections, sourceLabel, sourceLink } from './render';
