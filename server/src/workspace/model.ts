import { TextDocument } from 'vscode-languageserver-textdocument';
import { type FileSystem, isUnder, joinUri, relativeUri } from '../common';
import { listFolder, wouldDiscover } from './discovery';

/**
 * Files and texts of the workspace. `generation` increases on every change, so data derived from
 * the whole workspace (chart models, the object index) can be cached per generation.
 */
export class Workspace {
  private readonly fileSet = new Set<string>();
  private readonly diskTexts = new Map<string, string | undefined>();
  private readonly openDocs = new Map<string, TextDocument>();
  /** Folder → its files on disk (see filesUnder), kept until a file appears or disappears. */
  private readonly listings = new Map<string, string[]>();
  /** Archive URI → its text members (see `archive`), read once. */
  private readonly archives = new Map<string, ReadonlyMap<string, string> | undefined>();
  private gen = 0;
  /** The generation each file last changed in (see fileStamp); files not listed changed at `listedAt`. */
  private readonly stamps = new Map<string, number>();
  private listedAt = 0;

  constructor(
    readonly fs: FileSystem,
    readonly folders: readonly string[] = [],
  ) {}

  get generation(): number {
    return this.gen;
  }

  /**
   * Changes when the text `read(uri)` gives may have changed (an edit, an open or close, a change
   * on disk, a new scan) and only then, so data derived from one file can be kept per file.
   */
  fileStamp(uri: string): number {
    return this.stamps.get(uri) ?? this.listedAt;
  }

  /** Something derived from the files changed (the workspace index finished): data cached per generation starts over. */
  touch(): void {
    this.gen++;
  }

  /** Replace the list of known files (after a folder scan). */
  setFiles(uris: Iterable<string>): void {
    this.fileSet.clear();
    for (const u of uris) this.fileSet.add(u);
    this.diskTexts.clear();
    this.archives.clear();
    this.gen++;
    this.stamps.clear();
    this.listedAt = this.gen;
  }

  private changed(uri: string): void {
    this.gen++;
    this.stamps.set(uri, this.gen);
  }

  /** All known files, open documents included, sorted for deterministic results. */
  files(): string[] {
    const all = new Set(this.fileSet);
    for (const uri of this.openDocs.keys()) all.add(uri);
    return [...all].sort();
  }

  /**
   * The files below `folder` as the disk holds them, open documents included: the discovery policy
   * without .gitignore, whatever the scan of the workspace folders left out. A chart's model is
   * built from this, so a chart finds the same values files and subcharts wherever it lies and
   * whichever folder the editor (or the command line) started from.
   */
  filesUnder(folder: string): readonly string[] {
    const inArchive = archiveMember(folder);
    const members = inArchive && this.archive(inArchive.archive);
    if (inArchive && members) {
      const prefix = inArchive.member + '/';
      return [...members.keys()]
        .filter((m) => m.startsWith(prefix))
        .sort()
        .map((m) => joinUri(inArchive.archive, ...m.split('/')));
    }
    let listed = this.listings.get(folder);
    if (!listed) {
      listed = listFolder(this.fs, folder);
      this.listings.set(folder, listed);
    }
    const open = [...this.openDocs.keys()].filter((uri) => isUnder(uri, folder));
    return open.length === 0 ? listed : [...new Set([...listed, ...open])].sort();
  }

  /** A file was created or changed on disk; a new one is known if a scan would have found it. */
  fileChanged(uri: string): void {
    if (!this.fileSet.has(uri)) {
      this.listings.clear();
      if (wouldDiscover(this.fs, this.folders, uri)) this.fileSet.add(uri);
    }
    this.diskTexts.delete(uri);
    this.archives.delete(uri);
    this.changed(uri);
  }

  fileDeleted(uri: string): void {
    this.fileSet.delete(uri);
    this.diskTexts.delete(uri);
    this.archives.delete(uri);
    this.listings.clear();
    this.changed(uri);
  }

  /** An editor opened or changed a document; its text now wins over the disk. */
  openDocument(doc: TextDocument): void {
    this.openDocs.set(doc.uri, doc);
    this.changed(doc.uri);
  }

  closeDocument(uri: string): void {
    if (this.openDocs.delete(uri)) this.changed(uri);
  }

  isOpen(uri: string): boolean {
    return this.openDocs.has(uri);
  }

  /** The text of a file: the open document's, else the disk's (read once, then cached). */
  read(uri: string): string | undefined {
    const open = this.openDocs.get(uri);
    if (open) return open.getText();
    const inArchive = archiveMember(uri);
    const members = inArchive && this.archive(inArchive.archive);
    if (inArchive && members) return members.get(inArchive.member);
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
    const inArchive = archiveMember(uri);
    const members = inArchive && this.archive(inArchive.archive);
    if (inArchive && members) return members.has(inArchive.member) || [...members.keys()].some((m) => m.startsWith(inArchive.member + '/'));
    return this.openDocs.has(uri) || this.fileSet.has(uri) || this.fs.exists(uri);
  }

  /**
   * The text members of an archive (a packed chart, `charts/x-1.0.0.tgz`), read once. Its members
   * are addressed as `<archive URI>/<path in the archive>` by `read`, `filesUnder` and `exists`;
   * they are never workspace files of their own (no scan lists them, nothing diagnoses them).
   */
  archive(uri: string): ReadonlyMap<string, string> | undefined {
    if (!this.archives.has(uri)) this.archives.set(uri, this.fs.readArchive?.(uri));
    return this.archives.get(uri);
  }
}

/** A URI inside an archive: the archive's URI and the member's path in it (`''` for the archive). */
export function archiveMember(uri: string): { archive: string; member: string } | undefined {
  const m = /^(.*?\.tgz)(\/.*)?$/i.exec(uri);
  if (!m || !m[2]) return undefined;
  return { archive: m[1], member: relativeUri(m[1], uri) ?? '' };
}
