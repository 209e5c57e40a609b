/**
 * The requests (and the one notification) the Container Notes server speaks beyond LSP: each name
 * with the types of its params and result. The VS Code client (client/src) and the server's handlers
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
/** What "Add to My Notes" can write: the notes keys at a position (or one given key) and the user's notes files. */
export const ADD_NOTE_TARGET = 'containerNotes/addNoteTarget';
/** Server → client notification: the user's notes as loaded, after every change (the status bar item shows it). */
export const NOTES_STATUS = 'containerNotes/notesStatus';
/** The command the hover's "Add to my notes" link runs: the only command a hover may link to. */
export const ADD_NOTE_COMMAND = 'containerNotes.addNote';

/**
 * What an editor tells the server in `initializationOptions.features`. Both default to off, so an
 * editor that knows nothing of them gets plain LSP: no command links it would show dead, no
 * notifications it would log as unknown.
 */
export interface ClientFeatures {
  /** The editor runs `containerNotes.addNote` from hover links (VS Code with this extension's client). */
  addNoteLinks?: boolean;
  /** The editor listens to `containerNotes/notesStatus`. */
  notesStatus?: boolean;
}

/** The arguments of `containerNotes.addNote` in a hover link: the key to write a note for. */
export interface AddNoteArgs {
  key: string;
}

/** One thing a new note can be about: its key, the tag that matches it, and a heading for it. */
export interface NoteSubject {
  /** The hover key, e.g. `k8s:field/Deployment.spec.template.spec.volumes.hostPath`. */
  key: string;
  /** What the new section is tagged with: the key, or the end of its path that holds for every kind (`k8s:field/volumes.hostPath`). */
  tag: string;
  /** A heading naming the thing, e.g. "hostPath", "COPY --from", ".Release.Name". */
  heading: string;
}

export interface AddNoteTarget {
  /** Most specific first; empty when nothing at the position has notes. */
  subjects: NoteSubject[];
  /** The user's notes files the server indexes (absolute paths), in the order of the notes paths. */
  files: string[];
  /** The notes paths, for a new file when there is no notes file yet (or the user wants another). */
  paths: NotesPathState[];
}

/** A configured notes path as the server found it on disk. */
export interface NotesPathState {
  /** Absolute, after `~` and relative paths are resolved. */
  path: string;
  state: 'file' | 'folder' | 'missing' | 'unreadable';
}

export interface NotesStatus {
  /** The user's notes files indexed, and their sections with text. */
  files: number;
  sections: number;
  /** Bundled notes files indexed. */
  bundledFiles: number;
  /** Every notes path from the settings and project config, in order. */
  paths: NotesPathState[];
  /** What loading could not use (missing paths, binary or oversized files…), as the log words it. */
  problems: string[];
}

/**
 * Node options the server is started with. A young generation of 4 MB semi-spaces (Node's default
 * grows to 16 MB) keeps a Dockerfile session's peak RSS near 80 MB instead of 100+: an edit
 * allocates short-lived parse trees, which a small young generation collects before they add up.
 * One V8 platform thread instead of four: the optimising compiler's background jobs each held
 * their own malloc memory, 8–9 MB of a Dockerfile session's peak RSS over 40 edits (92 → 83 MB);
 * on the two cores an editor gives a language server, more threads bought no speed we could measure.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=4', '--v8-pool-size=1'];

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
  [ADD_NOTE_TARGET]: { params: { textDocument: TextDocumentIdentifier; position: Position } | AddNoteArgs; result: AddNoteTarget };
}

export type RequestParams<M extends keyof Requests> = Requests[M]['params'];
export type RequestResult<M extends keyof Requests> = Requests[M]['result'];
