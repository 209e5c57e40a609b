import type { CompletionItem, DocumentSymbol, FoldingRange, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Resources, RuleMeta, Settings, VersionedCache } from '../common';
import type { NotesIndex } from '../notes';
import type { DocumentKind } from './documentKind';
import type { Workspace } from './model';

/**
 * What every feature receives: the workspace model, the notes index, the settings and the
 * session's caches. Built by the session (server) or the run (CLI); never module-global.
 */
export interface ServiceContext {
  settings: Settings;
  workspace: Workspace;
  notes: NotesIndex;
  cache: VersionedCache;
  /** The editor's display language, e.g. `en` or `zh-cn`; picks the bundled notes. */
  locale: string;
  /** Bundled data files (schemas) and per-session values derived from them; absent = none bundled. */
  resources?: Resources;
  /**
   * Workspace indexes are built between requests (services `indexStep`), so a request never reads
   * the workspace's files for one: it uses what is ready. Absent: built on first use (CLI, tests).
   */
  stepwiseIndex?: boolean;
  /**
   * The editor runs "Add to My Notes" from a hover link (VS Code says so at start-up). Other
   * editors would show the command link dead, so hovers offer it only when this is set.
   */
  addNoteLinks?: boolean;
}

/** A document as the language modules receive it: the text plus how the workspace classified it. */
export interface SourceDocument {
  doc: TextDocument;
  kind: DocumentKind;
}

/** What a language module says about a hover position; notes are looked up by the services. */
export interface HoverTarget {
  range: Range;
  /** Notes keys, most specific first, e.g. `k8s:field/spec.volumes.hostPath`. */
  keys: string[];
  /** Reference Markdown shown before the notes (schema description, instruction docs). */
  reference?: string;
}

/**
 * A module's answer: the value, or a promise of it. Modules built on yaml-language-server answer
 * hover, completion and diagnostics with promises (its schema resolution is asynchronous); the
 * others answer at once. The services await either (docs/decisions.md, "yaml-language-server
 * in-process").
 */
export type Answer<T> = T | Promise<T>;

/**
 * The surface each language folder exports as its `language` object. Each function is pure over
 * its arguments, answers `null`/[] for "nothing here", and may throw (or reject) only on bugs (the
 * LSP guard catches those).
 */
export interface LanguageModule {
  /** Every rule the module can report, for settings, SARIF and docs. */
  rules: readonly RuleMeta[];
  /** How an ignore comment starts in this kind of file; `undefined` where ignore comments are not read (notes files). */
  commentPrefix: (src: SourceDocument) => '#' | '{{/*' | undefined;
  hoverTarget(ctx: ServiceContext, src: SourceDocument, pos: Position): Answer<HoverTarget | null>;
  complete(ctx: ServiceContext, src: SourceDocument, pos: Position): Answer<CompletionItem[]>;
  diagnose(ctx: ServiceContext, src: SourceDocument): Answer<Finding[]>;
  definition?(ctx: ServiceContext, src: SourceDocument, pos: Position): Location[];
  references?(ctx: ServiceContext, src: SourceDocument, pos: Position, includeDeclaration: boolean): Location[];
  prepareRename?(ctx: ServiceContext, src: SourceDocument, pos: Position): { range: Range; placeholder: string } | null;
  rename?(ctx: ServiceContext, src: SourceDocument, pos: Position, newName: string): WorkspaceEdit | null;
  symbols?(ctx: ServiceContext, src: SourceDocument): DocumentSymbol[];
  folding?(ctx: ServiceContext, src: SourceDocument): FoldingRange[];
  /** Builds the module's workspace index until `stop()` says so; true when it is complete (see ServiceContext.stepwiseIndex). */
  indexStep?(ctx: ServiceContext, stop: () => boolean): boolean;
  /** The part of indexStep that needs nothing but files' disk texts, for another thread (see OffThreadIndex). */
  indexOffThread?: OffThreadIndex;
  /** The forms of notes key the module's hovers produce, for tags in notes files (completion, hover, checks). */
  noteKeys?(ctx: ServiceContext): NoteKeyForm[];
}

/**
 * A workspace index whose file summaries another thread can make (the editor's index worker), so
 * that the thread answering requests spends no time parsing the workspace. `queue` starts a pass;
 * the other thread reads each file it gives and `summarise`s the text; `accept` takes the results
 * in; indexStep then finishes the pass on the main thread (open documents, files changed meanwhile,
 * anything the other thread did not return).
 */
export interface OffThreadIndex {
  /** Starts an index pass and gives the files of it whose summaries come from their disk texts alone. */
  queue(ctx: ServiceContext): string[];
  /** Pure: a file's disk text (undefined when unreadable) → its summary as structured-cloneable data. */
  summarise(text: string | undefined): unknown;
  /** Takes in a summary of the text the file had at `stamp` (its workspace.fileStamp when queued). */
  accept(ctx: ServiceContext, uri: string, stamp: number, summary: unknown): void;
}

/** A key, or a step towards keys, as tag completion in a notes file offers it. */
export interface NoteKeyItem {
  /** The text after the form: `CMD`, `Deployment.` (a step: more follows), `volumes.hostPath`. */
  path: string;
  /** What it names, in a few words: "Dockerfile instruction", "field of Pod, Deployment and 3 more". */
  detail?: string;
}

/**
 * One form of notes key a module produces (`docker:instruction/`, `k8s:field/`, or a key without a
 * path such as `helm:values`) and what the module knows of its keys. Tags are matched
 * case-insensitively, so every method takes a path in any case.
 */
export interface NoteKeyForm {
  /** The key up to its path, e.g. `k8s:kind/`; a key without a path is a form of its own. */
  form: string;
  /** What the keys of the form name, e.g. "Kubernetes kind". */
  title: string;
  /** Paths (or steps ending in `.`) that continue `partial`, the text typed after the form. */
  complete(partial: string): NoteKeyItem[];
  /** Markdown saying which hovers produce a key that a tag with this path matches; `undefined` when none does. */
  describe(path: string): string | undefined;
  /** The known path nearest an unknown one, for "did you mean". */
  closest(path: string): string | undefined;
  /** Too many paths to list at the top level of completion (field paths): only the form is offered there. */
  open?: boolean;
}
