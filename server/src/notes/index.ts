/**
 * Notes: Markdown files → sections → lookup by hover key → untrusted Markdown.
 * Pure: callers hand in file texts; this module reads nothing itself and imports no LSP
 * connection. Never throws on any input (binary, huge, half-written Markdown).
 *
 * - `sections.ts` cuts a file at ATX/setext headings (not inside fenced code; a `---` after a
 *   blank line is a separator; front matter is skipped and its `keys:` tag the whole file);
 *   `markdown.ts` is the little CommonMark it needs, and tells code from prose.
 * - `terms.ts` + `aliases.ts` turn a key into tags and heading/body terms (aliases are data).
 * - `notesIndex.ts` is the storage: it indexes each file when it is set (postings and per-section
 *   facts, ids, compaction) and caches lookups per key and compiled patterns until the next change.
 * - `ranking.ts` is the policy: relevance tiers (a tag, a heading naming the thing, a parent, a
 *   prose mention), a section of another domain (`domains.ts`: Docker, Kubernetes, Helm) after
 *   every one of the key's; within a tier the user's notes first; and what a hover shows of it
 *   (`hoverNotes`). It reads the index's tables and stores nothing.
 * - `postings.ts` holds the token lists in typed arrays, outside the garbage-collected heap, by
 *   token number (`Vocabulary`, which numbers a word by its range in the text without making a
 *   string of it).
 * - `render.ts` renders sections for a hover — whose and where first, the text cut to a few
 *   display lines at a block boundary — neutralising links and HTML; `renderSectionMemo` is a memo
 *   for the session to keep.
 */
export * from './types';
export { NotesIndex } from './notesIndex';
export { parseSections } from './sections';
export { fencedLines } from './markdown';
export { matchingTags, queryFor, splitTags } from './terms';
export { renderBody, renderMore, renderSection, renderSectionMemo, renderSections, shortenReference, shortenReferenceMemo, sourceLabel } from './render';
