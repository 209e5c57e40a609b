import { TextDocument } from 'vscode-languageserver-textdocument';
import { type FileSystem, joinUri } from '../common';

/** Folders never worth walking: VCS data, dependencies, build output. */
export const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn', 'dist', 'out', '.e2e', 'vendor']);

/** Files the language modules may want from the workspace (manifests, charts, Dockerfiles). */
export function isInterestingFile(name: string): boolean {
  return /\.(ya?ml|tpl)$/i.test(name) || name === 'NOTES.txt' || /^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.dockerfile$/i.test(name);
}

export interface ScanLimits {
  maxFiles: number;
  maxDepth: number;
}

/** Walks the folders for interesting files; stops at the limits so a huge tree cannot hang us. */
export function scanFolders(fs: FileSystem, folders: readonly string[], limits: ScanLimits = { maxFiles: 20000, maxDepth: 20 }): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > limits.maxDepth || found.length >= limits.maxFiles || visited.has(dir)) return;
    visited.add(dir);
    for (const entry of fs.readDirectory(dir)) {
      if (found.length >= limits.maxFiles) return;
      const uri = joinUri(dir, entry.name);
      if (entry.isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(uri, depth + 1);
      } else if (isInterestingFile(entry.name)) {
        found.push(uri);
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found.sort();
}

/**
 * Files and texts of the workspace. `generation` increases on every change, so data derived from
 * the whole workspace (chart models, the object index) can be cached per generation.
 */
export class Workspace {
  private readonly fileSet = new Set<string>();
  private readonly diskTexts = new Map<string, string | undefined>();
  private readonly openDocs = new Map<string, TextDocument>();
  private gen = 0;

  constructor(
    readonly fs: FileSystem,
    readonly folders: readonly string[] = [],
  ) {}

  get generation(): number {
    return this.gen;
  }

  /** Replace the list of known files (after a folder scan). */
  setFiles(uris: Iterable<string>): void {
    this.fileSet.clear();
    for (const u of uris) this.fileSet.add(u);
    this.diskTexts.clear();
    this.gen++;
  }

  /** All known files, open documents included, sorted for deterministic results. */
  files(): string[] {
    const all = new Set(this.fileSet);
    for (const uri of this.openDocs.keys()) all.add(uri);
    return [...all].sort();
  }

  /** A file was created or changed on disk. */
  fileChanged(uri: string): void {
    this.fileSet.add(uri);
    this.diskTexts.delete(uri);
    this.gen++;
  }

  fileDeleted(uri: string): void {
    this.fileSet.delete(uri);
    this.diskTexts.delete(uri);
    this.gen++;
  }

  /** An editor opened or changed a document; its text now wins over the disk. */
  openDocument(doc: TextDocument): void {
    this.openDocs.set(doc.uri, doc);
    this.gen++;
  }

  closeDocument(uri: string): void {
    if (this.openDocs.delete(uri)) this.gen++;
  }

  isOpen(uri: string): boolean {
    return this.openDocs.has(uri);
  }

  /** The text of a file: the open document's, else the disk's (read once, then cached). */
  read(uri: string): string | undefined {
    const open = this.openDocs.get(uri);
    if (open) return open.getText();
    if (!this.diskTexts.has(uri)) this.diskTexts.set(uri, this.fs.readFile(uri));
    return this.diskTexts.get(uri);
  }

  /** A TextDocument for any file: the open one, or one made from the disk text. */
  document(uri: string, languageId = ''): TextDocument | undefined {
    const open = this.openDocs.get(uri);
    if (open) return open;
    const text = this.read(uri);
    // Disk documents get a negative version tied to the generation so caches keyed by version stay correct.
    return text === undefined ? undefined : TextDocument.create(uri, languageId, -this.gen - 1, text);
  }

  exists(uri: string): boolean {
    return this.openDocs.has(uri) || this.fileSet.has(uri) || this.fs.exists(uri);
  }
}
