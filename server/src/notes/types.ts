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
  /** The Markdown under the heading, blank lines and separators at either end trimmed. */
  body: string;
  /** The 0-based line the body starts on. */
  bodyLine: number;
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

/**
 * How well a section fits a hover (docs/notes.md): 1 a tag for the key, 2 a heading that names the
 * hovered thing, 3 a section about its parent (or another key the hover lists after it) whose prose
 * mentions the thing, 4 a mention in its prose. A lower tier always ranks first.
 */
export type Tier = 1 | 2 | 3 | 4;

/** Why a section matched, for ranking and for the golden tests and coverage script. */
export type MatchReason = 'tag' | 'file tag' | 'heading' | 'heading alias' | 'parent tag' | 'parent heading' | 'body' | 'body alias';

export interface RankedSection {
  section: NoteSection;
  tier: Tier;
  /** A parent's section (tier 3) that does not mention the hovered thing: after every other tier-3 section, shown only when nothing names the thing. */
  fallback: boolean;
  /** Within a tier: higher is better. */
  score: number;
  reason: MatchReason;
  /** The key the section matched (one of the hover's keys). */
  key: string;
  /** The tag or term that matched. */
  matched: string;
  /** The section is about another technology than the key (Docker, Kubernetes, Helm): it ranks after every section that is not. */
  otherDomain: boolean;
}

/** What a hover shows of a ranking: its sections, and the next few, which it only links to. */
export interface HoverNotes {
  shown: RankedSection[];
  more: RankedSection[];
}
