/**
 * Notes: Markdown files → sections → lookup by hover key → untrusted Markdown.
 * Pure: callers hand in file texts; this module reads nothing itself. Never throws.
 * (Foundation stub: the notes issue fills in sectioning, ranking and rendering.)
 */
export interface NoteFile {
  uri: string;
  text: string;
  origin: 'user' | 'bundled';
  /** Language of a bundled note file. */
  language?: 'en' | 'zh-cn';
}

export interface NoteSection {
  uri: string;
  origin: 'user' | 'bundled';
  language?: 'en' | 'zh-cn';
  /** 0-based, inclusive start and exclusive end line of the section in its file. */
  startLine: number;
  endLine: number;
  headingPath: string[];
  body: string;
}

export interface LookupOptions {
  maxSections: number;
  includeBundled: boolean;
  language: 'en' | 'zh-cn';
}

export class NotesIndex {
  private readonly files = new Map<string, NoteFile>();

  setFile(file: NoteFile): void {
    this.files.set(file.uri, file);
  }

  removeFile(uri: string): void {
    this.files.delete(uri);
  }

  lookup(_key: string, _options: LookupOptions): NoteSection[] {
    return [];
  }
}

export function renderSections(_sections: readonly NoteSection[], _options: { maxLines: number }): string {
  return '';
}
