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
  /** How an ignore comment starts in this kind of file. */
  commentPrefix: (src: SourceDocument) => '#' | '{{/*';
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
}
