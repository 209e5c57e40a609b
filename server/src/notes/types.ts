/** The notes module's data: files handed in by the caller and the sections cut from them. */
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
  /** 0-based, inclusive start (the heading line) and exclusive end line of the section in its file. */
  startLine: number;
  endLine: number;
  /** Heading level 1–6; 0 for the text before a file's first heading. */
  level: number;
  /** Headings from the top down to this section's own, e.g. ["Service", "Publishing Service"]. */
  headingPath: string[];
  /** The Markdown under the heading, blank lines at either end trimmed. */
  body: string;
  /** Tags from `<!-- keys: … -->` comments in the section's own text. */
  tags: string[];
  /** Tags from the file's front matter `keys:`, which apply to every section. */
  fileTags: string[];
  /** Nothing to show (only blank lines and comments); such sections are never returned. */
  empty: boolean;
  /** The heading had no text of its own, so its body is its subsections. */
  coversSubsections: boolean;
}

export interface LookupOptions {
  maxSections: number;
  includeBundled: boolean;
  language: 'en' | 'zh-cn';
}

/** Why a section matched a key, for ranking and for the golden tests and coverage script. */
export type MatchReason = 'tag' | 'file tag' | 'heading' | 'heading alias' | 'body' | 'body alias';

export interface RankedSection {
  section: NoteSection;
  score: number;
  reason: MatchReason;
  /** The tag or term that matched. */
  matched: string;
}
