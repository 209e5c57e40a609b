/**
 * Notes: Markdown files → sections → lookup by hover key → untrusted Markdown.
 * Pure: callers hand in file texts; this module reads nothing itself and imports no LSP
 * connection. Never throws on any input (binary, huge, half-written Markdown).
 *
 * - `sections.ts` cuts a file at ATX/setext headings (not inside fenced code; a `---` after a
 *   blank line is a separator; front matter is skipped and its `keys:` tag the whole file).
 * - `terms.ts` + `aliases.ts` turn a key into tags and heading/body terms (aliases are data).
 * - `notesIndex.ts` indexes each file when it is set and ranks: tags, then headings, then body
 *   mentions; user notes before bundled ones; cached per key until the next change.
 * - `postings.ts` holds the token lists in typed arrays, outside the garbage-collected heap.
 * - `render.ts` renders sections for a hover, neutralising links and HTML; `renderSectionMemo`
 *   is a memo for the session to keep.
 */
export * from './types';
export { NotesIndex } from './notesIndex';
export { parseSections } from './sections';
export { matchingTags, parseKey, queryFor } from './terms';
export { renderBody, renderSection, renderSectionMemo, renderSections, type RenderOptions, sanitizeInline, sourceLabel, sourceLink } from './render';
