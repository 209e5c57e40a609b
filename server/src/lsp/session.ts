import { CompletionWire } from './completionWire';
import * as os from 'node:os';
import {
  type Connection,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  type Disposable,
  FileChangeType,
  type InitializeParams,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ClientFeatures, NOTES_STATUS } from '../../../shared/protocol';
import {
  basename,
  createResources,
  defaultSettings,
  dirname,
  isUnder,
  layerSettings,
  mergeSettings,
  PROJECT_CONFIG_FILE,
  type ProjectConfig,
  type Resources,
  type Settings,
  uriToPath,
  VersionedCache,
} from '../common';
import { describeConfigProblems, nodeFileSystem, readProjectConfig, resolveNotesPath } from '../io';
import { NotesIndex } from '../notes';
import { diagnose, indexStep, usesWorkspaceIndex } from '../services';
import { scanFoldersInSteps, type ServiceContext, Workspace } from '../workspace';
import { inSlices, RequestActivity } from './background';
import { DiagnosticsScheduler } from './diagnostics';
import { logFailure } from './guard';
import { IndexThread } from './indexThread';
import { NotesSync } from './notesSync';

/**
 * One editor connection's state: open documents, settings, the workspace model, the notes index
 * and the caches. Owns every mutable thing the handlers need; nothing of it is module-global.
 */
export class Session {
  readonly documents = new TextDocuments(TextDocument);
  private settings: Settings = defaultSettings();
  /** The editor's own settings; the project configs lie under them (see `layerSettings`). */
  private editorSettings: Settings = defaultSettings();
  /** Settings from initializationOptions: the base under pulled ones, for editors (Neovim) that answer workspace/configuration with null. */
  private initSettings: Settings = defaultSettings();
  /** `.container-notes.yaml` of each workspace folder root that has one. */
  private projects: ProjectConfig[] = [];
  private workspace = new Workspace(nodeFileSystem(), []);
  private readonly notes = new NotesIndex();
  private cache = new VersionedCache();
  private locale = 'en';
  /** The client said the user trusts the workspace (initializationOptions.trustedWorkspace). */
  private trustedWorkspace = false;
  private folders: string[] = [];
  private configurationPull = false;
  /** When the client pulls diagnostics we never push them, or the editor would show them twice. */
  private pullDiagnostics = false;
  private readonly diagnostics = new DiagnosticsScheduler(
    {
      version: (uri) => this.documents.get(uri)?.version,
      generation: () => this.workspace.generation,
      compute: (uri) => this.computeDiagnostics(uri),
      publish: (uri, version, diagnostics) => void this.connection.sendDiagnostics({ uri, version, diagnostics }),
    },
    () => !this.pullDiagnostics,
    undefined,
    (resume) => this.activity.whenIdle(resume),
  );
  /** What the editor said it supports beyond LSP (initializationOptions.features). */
  private features: ClientFeatures = {};
  readonly notesSync: NotesSync;
  /** Settles when `initialized` has pulled the settings and queued the first notes load. */
  private readonly started: Promise<void>;
  private markStarted: () => void = () => undefined;
  private relativePatterns = false;
  private completionWire = new CompletionWire({});
  /** The notes roots were handed to the sync at least once (the first load includes the bundled notes). */
  private notesRootsSet = false;
  private notesWatcher: Promise<Disposable | undefined> = Promise.resolve(undefined);
  /** The settings changed since the last revalidation: results known for unchanged documents are stale too. */
  private settingsChanged = false;
  /** The workspace folders have been scanned (the file list is known). */
  private scanned = false;
  /** The workspace index pass under way, if one is. */
  private indexing: Promise<void> | undefined;
  private readonly indexThread: IndexThread;

  constructor(
    readonly connection: Connection,
    bundledNotesDir: string,
    /** Bundled data (schemas) and what is derived from it; kept across settings changes. */
    private readonly resources: Resources = createResources(() => undefined),
    /** The requests the transport has open: the scan and the index wait for them. */
    private readonly activity: RequestActivity = new RequestActivity(),
    /** The script the workspace index worker runs (the server's bundle); absent: the index is built between requests only. */
    indexWorkerScript?: string,
  ) {
    this.indexThread = new IndexThread(indexWorkerScript, (m) => connection.console.warn(m));
    this.notesSync = new NotesSync(
      this.notes,
      bundledNotesDir,
      { info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m) },
      (status) => {
        if (this.features.notesStatus) void connection.sendNotification(NOTES_STATUS, status);
      },
      activity,
    );
    this.started = new Promise((resolve) => (this.markStarted = resolve));
  }

  context(): ServiceContext {
    return {
      settings: this.settings,
      workspace: this.workspace,
      notes: this.notes,
      cache: this.cache,
      locale: this.locale,
      resources: this.resources,
      stepwiseIndex: true,
      addNoteLinks: this.features.addNoteLinks === true,
    };
  }

  /** The open document, or `undefined` for unknown and closed URIs. */
  document(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  get pullsDiagnostics(): boolean {
    return this.pullDiagnostics;
  }

  /** How completion lists go to this client (completionWire.ts). */
  get completion(): CompletionWire {
    return this.completionWire;
  }

  initialize(params: InitializeParams): void {
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; locale?: string; features?: ClientFeatures; trustedWorkspace?: unknown };
    // Only a client that says so (VS Code's workspace trust) lets project configs reach outside the project.
    this.trustedWorkspace = init.trustedWorkspace === true;
    this.features = typeof init.features === 'object' && init.features !== null ? init.features : {};
    this.initSettings = mergeSettings(defaultSettings(), init.settings);
    this.editorSettings = this.initSettings;
    this.locale = init.locale ?? params.locale ?? 'en';
    this.configurationPull = !!params.capabilities.workspace?.configuration;
    this.pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    this.relativePatterns = !!params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    this.completionWire = new CompletionWire(params.capabilities);
    this.folders = folderUris(params.workspaceFolders, params.rootUri);
    this.workspace = new Workspace(nodeFileSystem(), this.folders);
    this.loadProjectConfigs();
    this.settings = layerSettings(this.projects, this.editorSettings, this.trustedWorkspace);
  }

  /** Reads each folder root's project config; a broken one is reported and counts as empty. */
  private loadProjectConfigs(): void {
    this.projects = [];
    for (const folder of this.folders) {
      const found = readProjectConfig(folder);
      if (!found) continue;
      this.projects.push(found.config);
      const problems = describeConfigProblems(found.file, found.problems);
      if (problems.length === 0) continue;
      for (const line of problems) this.connection.console.warn(`[container-notes] ${line}`);
      // A notification, not a request: there is nothing to answer, and every client shows it.
      const message = `Container Notes: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more in the output)` : ''}`;
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }

  async initialized(): Promise<void> {
    const watchers = [
      { globPattern: `**/${PROJECT_CONFIG_FILE}` },
      { globPattern: '**/*.{yaml,yml,tpl,txt,md,markdown}' },
      { globPattern: '**/{Dockerfile,Containerfile}*' },
      { globPattern: '**/*.{dockerfile,Dockerfile}' },
    ];
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    try {
      await this.refreshSettings();
    } finally {
      this.markStarted();
    }
    // The folders are scanned between requests, so the first ones are answered at once.
    const scan = scanFoldersInSteps(this.workspace.fs, this.folders);
    let files: string[] = [];
    const scanning = inSlices(
      (stop) => {
        while (!stop()) {
          const next = scan.next();
          if (next.done) {
            files = next.value;
            return true;
          }
        }
        return false;
      },
      undefined,
      this.activity,
    );
    scanning.done.then(
      () => {
        this.workspace.setFiles(files);
        this.scanned = true;
        this.revalidateAll();
        this.indexWhenNeeded();
      },
      (error) => logFailure(this.connection, 'workspace scan', undefined, error),
    );
  }

  /**
   * Builds the workspace index once a document that uses it is open (a Dockerfile session never
   * reads the workspace's manifests): files on the index worker, then what is left (open
   * documents, files changed meanwhile) between requests. Requests meanwhile use what is ready;
   * when it is complete, open documents are checked again.
   */
  private indexWhenNeeded(): void {
    if (!this.scanned || this.indexing) return;
    const ctx = this.context();
    if (!this.documents.all().some((doc) => usesWorkspaceIndex(ctx, doc))) return;
    const started = performance.now();
    let onWorker = 0;
    const indexing = this.indexThread
      .summarise(() => this.context())
      .then((summarised) => {
        onWorker = summarised;
        return inSlices((stop) => indexStep(this.context(), stop), undefined, this.activity).done;
      });
    this.indexing = indexing;
    indexing
      .then(() => {
        const ms = Math.round(performance.now() - started);
        this.connection.console.info(
          `[container-notes] workspace index: ${this.workspace.files().length} files in ${ms} ms (${onWorker} summarised on the index worker)`,
        );
        // Rules that waited for the whole index see it now.
        this.workspace.touch();
        this.revalidateAll();
      })
      .catch((error) => logFailure(this.connection, 'workspace index', undefined, error))
      .finally(() => {
        if (this.indexing === indexing) this.indexing = undefined;
      });
  }

  /** Pull `containerNotes` settings when the client offers workspace/configuration; else keep the pushed ones. */
  async refreshSettings(pushed?: unknown): Promise<void> {
    let editor = this.editorSettings;
    if (this.configurationPull) {
      try {
        editor = mergeSettings(this.initSettings, await this.connection.workspace.getConfiguration('containerNotes'));
      } catch (error) {
        logFailure(this.connection, 'workspace/configuration', undefined, error);
      }
    } else if (pushed !== undefined) {
      const section = (pushed as { containerNotes?: unknown } | null)?.containerNotes ?? pushed;
      editor = mergeSettings(this.editorSettings, section);
    }
    this.editorSettings = editor;
    this.settings = layerSettings(this.projects, editor, this.trustedWorkspace);
    // Settings shape every result, so cached results from the old settings are dropped.
    this.cache = new VersionedCache();
    this.settingsChanged = true;
    const roots = this.notesRoots();
    if (!this.notesRootsSet || JSON.stringify(roots) !== JSON.stringify(this.notesSync.notesRoots)) {
      this.notesRootsSet = true;
      void this.notesSync.setRoots(roots);
      this.watchNotes();
    }
    this.revalidateAll();
    // A language turned on may want its index.
    this.indexWhenNeeded();
  }

  /** "Reload Notes": re-read every notes file; hovers keep using the index while it runs. */
  reloadNotes(): Promise<{ files: number; bundled: number }> {
    return this.notesSync.reload();
  }

  /** Resolves when the notes index has taken every load and change started so far (LSP tests wait on it). */
  async notesReady(): Promise<void> {
    await this.started;
    await this.notesSync.ready();
  }

  private notesRoots(): string[] {
    const base = this.folders[0] ? uriToPath(this.folders[0]) : undefined;
    return this.settings.notes.paths.map((p) => resolveNotesPath(p, base, os.homedir()));
  }

  /** (Re-)registers file watching for the notes roots, replacing the previous registration. */
  private watchNotes(): void {
    const watchers = this.notesSync.watchers(this.relativePatterns);
    const previous = this.notesWatcher;
    this.notesWatcher = previous.then(async (old) => {
      old?.dispose();
      if (watchers.length === 0) return undefined;
      return this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    });
  }

  /** A watched file changed on disk: update the notes index and/or the workspace model. */
  filesChanged(changes: Array<{ uri: string; type: FileChangeType }>): void {
    this.notesSync.filesChanged(changes);
    if (changes.some((c) => basename(c.uri) === PROJECT_CONFIG_FILE && this.folders.includes(dirname(c.uri)))) {
      this.loadProjectConfigs();
      this.refreshSettings().catch((error) => logFailure(this.connection, 'project config', undefined, error));
    }
    // Notes outside the workspace folders are no workspace files, and notes never change diagnostics.
    const workspaceChanges = changes.filter((c) => this.folders.some((folder) => isUnder(c.uri, folder)));
    for (const change of workspaceChanges) {
      if (change.type === FileChangeType.Deleted) this.workspace.fileDeleted(change.uri);
      else this.workspace.fileChanged(change.uri);
    }
    if (workspaceChanges.length > 0) {
      this.revalidateAll();
      this.indexWhenNeeded();
    }
  }

  /** A newly opened document is checked at once; an edit at once or after a pause (see DiagnosticsScheduler). */
  documentChanged(doc: TextDocument): void {
    const opened = !this.workspace.isOpen(doc.uri);
    this.workspace.openDocument(doc);
    if (opened) {
      this.diagnostics.opened(doc.uri);
      this.indexWhenNeeded();
    } else {
      this.diagnostics.changed(doc.uri);
    }
  }

  documentClosed(uri: string): void {
    this.workspace.closeDocument(uri);
    this.cache.forget(uri);
    this.diagnostics.closed(uri);
    if (!this.pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // The file's summary now comes from the disk again.
    this.indexWhenNeeded();
  }

  /** Re-check every open document, e.g. after a settings or workspace change. */
  revalidateAll(): void {
    this.diagnostics.revalidate(
      this.documents.all().map((d) => d.uri),
      this.settingsChanged,
    );
    this.settingsChanged = false;
    if (this.pullDiagnostics) this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** The diagnostics of an open document's current version (the store pushes and pulls share); undefined when closed. */
  diagnosticsOf(uri: string): Promise<Diagnostic[]> | undefined {
    return this.diagnostics.current(uri);
  }

  private async computeDiagnostics(uri: string): Promise<Diagnostic[]> {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    try {
      return await diagnose(this.context(), doc);
    } catch (error) {
      logFailure(this.connection, 'textDocument/diagnostic', { textDocument: { uri } }, error);
      return [];
    }
  }
}

function folderUris(folders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  if (folders && folders.length > 0) return folders.map((f) => f.uri.replace(/\/$/, ''));
  return rootUri ? [rootUri.replace(/\/$/, '')] : [];
}
