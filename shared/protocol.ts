/**
 * The requests the Container Notes server answers beyond LSP: each name with the types of its
 * params and result. The VS Code client (client/src) and the server's handlers
 * (server/src/lsp/handlers.ts) both take them from here, so the two cannot drift apart. String
 * constants and types only, with no runtime import, so each bundle simply includes this file.
 */
import type { Location, Position, TextDocumentIdentifier } from 'vscode-languageserver-types';

/** The note section the hover at a position shows first ("Open Note at Cursor"), or null. */
export const NOTE_AT_CURSOR = 'containerNotes/noteAtCursor';
/** Every note section a hover could show, user notes first ("Search Notes"). */
export const LIST_SECTIONS = 'containerNotes/listSections';
/** Re-reads every notes file ("Reload Notes") and answers how many were indexed. */
export const RELOAD_NOTES = 'containerNotes/reloadNotes';
/** Answers once the notes index has taken every change started so far (tests and scripts wait on it). */
export const NOTES_READY = 'containerNotes/notesReady';

/**
 * Node options the server is started with. A young generation of 4 MB semi-spaces (Node's default
 * grows to 16 MB) keeps a Dockerfile session's peak RSS near 80 MB instead of 100+: an edit
 * allocates short-lived parse trees, which a small young generation collects before they add up.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=4'];

/** A note section as the "Search Notes" quick pick shows it. */
export interface NoteSummary {
  /** The heading path, e.g. "Service › Publishing Service" (the file name for text before any heading). */
  title: string;
  /** Where it is: `notes/k8s.md:12`, or `bundled notes · k8s.md:12`. */
  source: string;
  origin: 'user' | 'bundled';
  /** The section's first line of text, without Markdown marks, for searching by content too. */
  preview: string;
  location: Location;
}

/** Each request's params and result, by name. */
export interface Requests {
  [NOTE_AT_CURSOR]: { params: { textDocument: TextDocumentIdentifier; position: Position }; result: Location | null };
  [LIST_SECTIONS]: { params: Record<string, never>; result: NoteSummary[] };
  [RELOAD_NOTES]: { params: Record<string, never>; result: { files: number; bundled: number } };
  [NOTES_READY]: { params: unknown; result: true };
}

export type RequestParams<M extends keyof Requests> = Requests[M]['params'];
export type RequestResult<M extends keyof Requests> = Requests[M]['result'];
