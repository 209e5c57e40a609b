import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import type { NotesStatus } from '../../../shared/protocol';
import { pathToUri, uriToPath } from '../common';
import type { NoteFile, NotesIndex } from '../notes';
import { listNoteFiles, loadBundledNotes, loadNoteFile, NOTE_FILE, notesPathState, noteStamp, type Reporter } from '../io';
import { idleTurn, RequestActivity } from './background';

export interface NotesLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Where the problems of the bundled notes are kept (they belong to no notes path). */
const BUNDLED = '<bundled>';

/**
 * Keeps the notes index in step with the disk: the bundled notes once, the user's notes roots on
 * every settings change, single files on watcher events. All work is queued on one promise chain,
 * so loads never interleave; every file is read asynchronously and indexed on its own turn of the
 * event loop, so requests are answered between files and see the index as it was before that file.
 * A file whose size and modification time are unchanged is not read again.
 */
export class NotesSync {
  private queue: Promise<unknown> = Promise.resolve();
  private roots: string[] = [];
  private bundledLoaded = false;
  private bundledCount = 0;
  /** uri → size:mtime of each indexed user notes file. */
  private readonly stamps = new Map<string, string>();
  private readonly reported = new Set<string>();
  /** What the last load of each path (a root, a file, the bundled notes) could not use; cleared when it loads again. */
  private readonly problems = new Map<string, string[]>();
  private lastStatus = '';

  constructor(
    private readonly index: NotesIndex,
    private readonly bundledDir: string,
    private readonly log: NotesLog,
    /** Told the notes status after every change that alters it (the editor's status bar item). */
    private readonly onStatus: (status: NotesStatus) => void = () => undefined,
    /** The requests the transport has open: indexing waits for them. */
    private readonly activity: RequestActivity = new RequestActivity(),
  ) {}

  get notesRoots(): readonly string[] {
    return this.roots;
  }

  /** The user's notes roots changed (or were set for the first time): bring the index in line. */
  setRoots(roots: readonly string[]): Promise<void> {
    this.roots = [...roots];
    return this.enqueue(() => this.syncAll());
  }

  /** "Reload Notes": re-read everything, bundled notes included, and report problems afresh. */
  reload(): Promise<{ files: number; bundled: number }> {
    return this.enqueue(async () => {
      this.reported.clear();
      this.stamps.clear();
      this.bundledLoaded = false;
      await this.syncAll();
      return { files: this.stamps.size, bundled: this.bundledCount };
    });
  }

  /** Resolves once every change queued so far (and any queued meanwhile) is in the index. */
  async ready(): Promise<void> {
    let pending: Promise<unknown>;
    do {
      pending = this.queue;
      await pending;
    } while (pending !== this.queue);
  }

  /** True when `uri` is a notes file under one of the roots (or is a root file itself). */
  isNotesFile(uri: string): boolean {
    const file = uriToPath(uri);
    return this.roots.some((root) => file === root || (isInside(file, root) && NOTE_FILE.test(file)));
  }

  /** Watcher events: re-read changed notes files, drop deleted ones (a deleted folder drops its files). */
  filesChanged(changes: ReadonlyArray<{ uri: string; type: FileChangeType }>): void {
    for (const change of changes) {
      const file = uriToPath(change.uri);
      if (!this.roots.some((root) => file === root || isInside(file, root) || isInside(root, file))) continue;
      if (change.type === FileChangeType.Deleted) {
        void this.enqueue(async () => this.forgetUnder(file));
      } else if (this.isNotesFile(change.uri)) {
        void this.enqueue(() => this.syncFile(file, true));
      } else {
        // A folder appeared (or was moved in): walk the roots again; unchanged files are not re-read.
        void this.enqueue(() => this.syncAll());
      }
    }
  }

  /** The user's notes files in the index (absolute paths), in the order of the roots. */
  userFiles(): string[] {
    const files = [...this.stamps.keys()].map(uriToPath);
    const rootOf = (file: string) => this.roots.findIndex((root) => file === root || isInside(file, root));
    return files.sort((a, b) => rootOf(a) - rootOf(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The notes as loaded: counts, each root on disk, and what could not be used. */
  async status(): Promise<NotesStatus> {
    const paths = await Promise.all(this.roots.map(async (root) => ({ path: root, state: await notesPathState(root) })));
    return {
      files: this.stamps.size,
      // A heading that only gathers its subsections is no section of its own.
      sections: this.index.sections({ includeBundled: false, language: 'en' }).filter((s) => !s.coversSubsections).length,
      bundledFiles: this.bundledCount,
      paths,
      problems: [...this.problems.values()].flat(),
    };
  }

  /** File-watcher patterns for the roots: a folder's notes files, or the root file itself. */
  watchers(relativePatterns: boolean): Array<{ globPattern: string | { baseUri: string; pattern: string } }> {
    return this.roots.map((root) => {
      const isFile = NOTE_FILE.test(root);
      const base = isFile ? path.dirname(root) : root;
      const pattern = isFile ? path.basename(root) : '**/*.{md,markdown,txt}';
      return relativePatterns ? { globPattern: { baseUri: pathToUri(base), pattern } } : { globPattern: `${base.replace(/\\/g, '/')}/${pattern}` };
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    // A failed job is logged and never blocks the ones after it; either way the status follows.
    this.queue = run
      .catch((error) => this.log.warn(`[container-notes] notes: loading failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .then(() => this.publishStatus())
      .catch(() => undefined);
    return run;
  }

  /** Tells the status when it differs from the one told last. */
  private async publishStatus(): Promise<void> {
    const status = await this.status();
    const text = JSON.stringify(status);
    if (text === this.lastStatus) return;
    this.lastStatus = text;
    this.onStatus(status);
  }

  /** A reporter for one path: logs each message once, and keeps it as a problem of that path until it loads again. */
  private reporter(key: string): Reporter {
    this.problems.delete(key);
    return (message) => {
      this.problems.set(key, [...(this.problems.get(key) ?? []), message]);
      if (this.reported.has(message)) return;
      this.reported.add(message);
      this.log.warn(`[container-notes] ${message}`);
    };
  }

  private async syncAll(): Promise<void> {
    const started = Date.now();
    let bundled = 0;
    if (!this.bundledLoaded) {
      this.bundledLoaded = true;
      // In steps like the user's notes: indexed in one go they held the server for about 200 ms
      // right after start-up, when the first document is opened.
      for (const note of await loadBundledNotes(this.bundledDir, this.reporter(BUNDLED))) {
        await this.indexInSteps(note);
        bundled++;
      }
      this.bundledCount = bundled;
    }
    const present = new Set<string>();
    let read = 0;
    // Each root, and each file not indexed, reports its problems afresh below; an indexed file keeps its own (say, "empty").
    for (const key of [...this.problems.keys()]) if (key !== BUNDLED && !this.stamps.has(pathToUri(key))) this.problems.delete(key);
    for (const root of this.roots) {
      for (const file of await listNoteFiles(root, this.reporter(root))) {
        const uri = pathToUri(file);
        if (present.has(uri)) continue;
        present.add(uri);
        if (await this.syncFile(file)) read++;
      }
    }
    for (const uri of [...this.stamps.keys()]) {
      if (!present.has(uri)) this.forget(uri);
    }
    const bundledPart = bundled ? `${bundled} bundled and ` : '';
    this.log.info(`[container-notes] notes: ${bundledPart}${this.stamps.size} user files indexed (${read} read) in ${Date.now() - started} ms`);
  }

  /** Re-reads one user notes file if its stamp changed (or `force`, after a watcher event); true when it was read. */
  private async syncFile(file: string, force = false): Promise<boolean> {
    const uri = pathToUri(file);
    const stamp = await noteStamp(file);
    if (stamp === undefined) {
      this.forget(uri);
      return false;
    }
    if (!force && this.stamps.get(uri) === stamp && this.index.has(uri)) return false;
    const note = await loadNoteFile(file, 'user', this.reporter(file));
    if (note) {
      // A big note is indexed in steps, answering requests in between.
      await this.indexInSteps(note);
      this.stamps.set(uri, stamp);
    } else {
      this.forget(uri);
    }
    return true;
  }

  /** Indexes a note with a turn of the event loop before each step (a small note is one step). */
  private async indexInSteps(note: NoteFile): Promise<void> {
    const steps = this.index.setFileInSteps(note);
    do await idleTurn(this.activity);
    while (!steps.next().done);
  }

  private forgetUnder(file: string): void {
    for (const key of [...this.problems.keys()]) if (key === file || isInside(key, file)) this.problems.delete(key);
    for (const uri of [...this.stamps.keys()]) {
      const p = uriToPath(uri);
      if (p === file || isInside(p, file)) this.forget(uri);
    }
  }

  private forget(uri: string): void {
    this.stamps.delete(uri);
    this.index.removeFile(uri);
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
