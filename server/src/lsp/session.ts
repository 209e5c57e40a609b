import * as os from 'node:os';
import * as path from 'node:path';
import { type Connection, type Diagnostic, DidChangeWatchedFilesNotification, FileChangeType, type InitializeParams, TextDocuments, type WorkspaceFolder } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createResources, defaultSettings, isUnder, mergeSettings, pathToUri, type Resources, type Settings, uriToPath, VersionedCache } from '../common';
import { type NoteFile, NotesIndex } from '../notes';
import { diagnose, warmUp } from '../services';
import { scanFolders, type ServiceContext, Workspace } from '../workspace';
import { logFailure } from './guard';
import { nodeFileSystem } from './nodeFileSystem';
import { listNoteFiles, loadBundledNotes, loadNoteFile, resolveNotesPath } from './notesLoader';

/** Typing pauses shorter than this do not re-run diagnostics. */
const DIAGNOSTICS_DELAY_MS = 150;

/**
 * One editor connection's state: open documents, settings, the workspace model, the notes index
 * and the caches. Owns every mutable thing the handlers need; nothing of it is module-global.
 */
export class Session {
  readonly documents = new TextDocuments(TextDocument);
  private settings: Settings = defaultSettings();
  private workspace = new Workspace(nodeFileSystem(), []);
  private readonly notes = new NotesIndex();
  private cache = new VersionedCache();
  private locale = 'en';
  private folders: string[] = [];
  private configurationPull = false;
  /** When the client pulls diagnostics we never push them, or the editor would show them twice. */
  private pullDiagnostics = false;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private userNoteUris = new Set<string>();
  private notesLoad: Promise<void> = Promise.resolve();
  private readonly reported = new Set<string>();
  private notesNeverLoaded = true;

  constructor(
    readonly connection: Connection,
    private readonly bundledNotesDir: string,
    /** Bundled data (schemas) and what is derived from it; kept across settings changes. */
    private readonly resources: Resources = createResources(() => undefined),
  ) {}

  context(): ServiceContext {
    return { settings: this.settings, workspace: this.workspace, notes: this.notes, cache: this.cache, locale: this.locale, resources: this.resources };
  }

  /** The open document, or `undefined` for unknown and closed URIs. */
  document(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  get pullsDiagnostics(): boolean {
    return this.pullDiagnostics;
  }

  initialize(params: InitializeParams): void {
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; locale?: string };
    this.settings = mergeSettings(defaultSettings(), init.settings);
    this.locale = init.locale ?? params.locale ?? 'en';
    this.configurationPull = !!params.capabilities.workspace?.configuration;
    this.pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    this.folders = folderUris(params.workspaceFolders, params.rootUri);
    this.workspace = new Workspace(nodeFileSystem(), this.folders);
  }

  async initialized(): Promise<void> {
    const watchers = [{ globPattern: '**/*.{yaml,yml,tpl,txt,md,markdown}' }, { globPattern: '**/{Dockerfile,Containerfile}*' }, { globPattern: '**/*.{dockerfile,Dockerfile}' }];
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...watchers, ...this.notesWatchers()] }).catch(() => undefined);
    await this.refreshSettings();
    // The folder scan yields the event loop first so the first requests are answered at once.
    setImmediate(() => {
      this.workspace.setFiles(scanFolders(this.workspace.fs, this.folders));
      this.revalidateAll();
      try {
        warmUp(this.context());
      } catch (error) {
        logFailure(this.connection, 'warmUp', undefined, error);
      }
    });
  }

  /** Pull `containerNotes` settings when the client offers workspace/configuration; else keep the pushed ones. */
  async refreshSettings(pushed?: unknown): Promise<void> {
    let next = this.settings;
    if (this.configurationPull) {
      try {
        next = mergeSettings(defaultSettings(), await this.connection.workspace.getConfiguration('containerNotes'));
      } catch (error) {
        logFailure(this.connection, 'workspace/configuration', undefined, error);
      }
    } else if (pushed !== undefined) {
      const section = (pushed as { containerNotes?: unknown } | null)?.containerNotes ?? pushed;
      next = mergeSettings(this.settings, section);
    }
    const notesChanged = JSON.stringify(next.notes.paths) !== JSON.stringify(this.settings.notes.paths) || this.notesNeverLoaded;
    this.settings = next;
    // Settings shape every result, so cached results from the old settings are dropped.
    this.cache = new VersionedCache();
    if (notesChanged) this.reloadNotes();
    this.revalidateAll();
  }


  /** Reload bundled and user notes without blocking requests; hovers use the old index until done. */
  reloadNotes(): Promise<void> {
    this.notesNeverLoaded = false;
    this.reported.clear();
    const load = async () => {
      const report = (message: string) => this.reportOnce(message);
      const bundled = await loadBundledNotes(this.bundledNotesDir, report);
      const user: NoteFile[] = [];
      for (const root of this.notesRoots()) {
        for (const file of await listNoteFiles(root, report)) {
          const note = await loadNoteFile(file, 'user', report);
          if (note) user.push(note);
        }
      }
      const fresh = new Set(user.map((n) => n.uri));
      for (const uri of this.userNoteUris) if (!fresh.has(uri)) this.notes.removeFile(uri);
      for (const note of [...bundled, ...user]) this.notes.setFile(note);
      this.userNoteUris = fresh;
      this.connection.console.info(`[container-notes] notes: ${bundled.length} bundled and ${user.length} user files indexed`);
    };
    this.notesLoad = this.notesLoad.then(load, load).catch((error) => logFailure(this.connection, 'notes/load', undefined, error));
    return this.notesLoad;
  }

  /** Resolves when the notes index has taken every load started so far (LSP tests wait on it). */
  notesReady(): Promise<void> {
    return this.notesLoad;
  }

  private notesRoots(): string[] {
    const base = this.folders[0] ? uriToPath(this.folders[0]) : undefined;
    return this.settings.notes.paths.map((p) => resolveNotesPath(p, base, os.homedir()));
  }

  private notesWatchers() {
    return this.notesRoots().map((root) => ({ globPattern: { baseUri: pathToUri(root), pattern: '**/*.{md,markdown,txt}' } }));
  }

  private reportOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(`[container-notes] ${message}`);
  }

  /** A watched file changed on disk: update the notes index and/or the workspace model. */
  filesChanged(changes: Array<{ uri: string; type: FileChangeType }>): void {
    const noteRoots = this.notesRoots().map(pathToUri);
    for (const change of changes) {
      if (noteRoots.some((root) => isUnder(change.uri, root)) && /\.(md|markdown|txt)$/i.test(change.uri)) {
        this.reloadNote(change.uri, change.type);
      }
      if (change.type === FileChangeType.Deleted) this.workspace.fileDeleted(change.uri);
      else this.workspace.fileChanged(change.uri);
    }
    this.revalidateAll();
  }

  private reloadNote(uri: string, type: FileChangeType): void {
    const apply = async () => {
      if (type === FileChangeType.Deleted) {
        this.notes.removeFile(uri);
        this.userNoteUris.delete(uri);
        return;
      }
      const note = await loadNoteFile(uriToPath(uri), 'user', (m) => this.reportOnce(m));
      if (note) {
        this.notes.setFile(note);
        this.userNoteUris.add(uri);
      } else {
        this.notes.removeFile(uri);
      }
    };
    this.notesLoad = this.notesLoad.then(apply, apply).catch((error) => logFailure(this.connection, 'notes/reload', { textDocument: { uri } }, error));
  }

  /** A newly opened document is checked at once; edits wait for a pause in typing. */
  documentChanged(doc: TextDocument, opened: boolean): void {
    this.workspace.openDocument(doc);
    this.scheduleDiagnostics(doc.uri, opened ? 0 : DIAGNOSTICS_DELAY_MS);
  }

  documentClosed(uri: string): void {
    this.workspace.closeDocument(uri);
    this.cache.forget(uri);
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-check every open document, e.g. after a settings or workspace change. */
  revalidateAll(): void {
    if (this.pullDiagnostics) {
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of this.documents.all()) this.scheduleDiagnostics(doc.uri, DIAGNOSTICS_DELAY_MS);
  }

  /**
   * Debounced per document. The result is published only if the document is still at the version
   * it was computed for, so a slow old result never overwrites a newer one.
   */
  scheduleDiagnostics(uri: string, delay: number): void {
    if (this.pullDiagnostics) return;
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      const doc = this.documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      let diagnostics: Diagnostic[];
      try {
        diagnostics = diagnose(this.context(), doc);
      } catch (error) {
        logFailure(this.connection, 'textDocument/publishDiagnostics', { textDocument: { uri } }, error);
        diagnostics = [];
      }
      if (this.documents.get(uri)?.version !== version) return;
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
    }, delay));
  }
}

function folderUris(folders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  if (folders && folders.length > 0) return folders.map((f) => f.uri.replace(/\/$/, ''));
  return rootUri ? [rootUri.replace(/\/$/, '')] : [];
}

/** Where the bundled notes live relative to the bundled server (`dist/server.js` → `notes/`). */
export function defaultBundledNotesDir(serverDir: string): string {
  return path.resolve(serverDir, '..', 'notes');
}
