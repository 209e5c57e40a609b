import MarkdownIt from 'markdown-it';

/**
 * How the notes read Markdown. The index takes its outline — headings, fenced and indented code,
 * thematic breaks, YAML front matter — from the CommonMark parser the sanitiser uses (markdown-it),
 * by the line maps of its block tokens, so notes are cut where an editor's preview cuts them. The
 * hover renderer still rewrites the body line by line with the small fence and heading readers below.
 */

export interface Fence {
  char: '`' | '~';
  length: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens, if any (a backtick fence's info string may not hold backticks). */
export function openingFence(line: string): Fence | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  const char = m[1][0] as '`' | '~';
  if (char === '`' && m[2].includes('`')) return undefined;
  return { char, length: m[1].length };
}

export function closesFence(line: string, fence: Fence): boolean {
  const m = FENCE_CLOSE.exec(line);
  return !!m && m[1][0] === fence.char && m[1].length >= fence.length;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

export function atxHeading(line: string): { level: number; text: string } | undefined {
  const m = ATX.exec(line);
  return m ? { level: m[1].length, text: (m[2] ?? '').trim() } : undefined;
}

export interface Heading {
  /** The heading's first line (the text line of a setext heading). */
  line: number;
  /** The first line after the heading (after a setext underline). */
  contentStart: number;
  level: number;
  text: string;
}

export interface MarkdownOutline {
  lines: string[];
  /** The first line after the YAML front matter (0 when there is none). */
  frontMatterEnd: number;
  /** The front matter's `keys:` as one string (see `frontMatterKeys`). */
  frontMatterKeys: string;
  /** Headings outside containers (a `# ` in a quote or list item is part of it, not a section). */
  headings: Heading[];
  /** 1 on the lines of fenced code, fence lines included (an unclosed fence runs to the end). */
  fenced: Uint8Array;
  /** 1 on the lines of code, fenced or indented: a mention there is no mention in prose. */
  code: Uint8Array;
  /**
   * Lines that read as a separator outside containers: thematic breaks (`---`, `***`, `___`) and
   * dash underlines, which also part the topics of one section when the underlined line is no heading.
   */
  separators: number[];
}

interface OutlineEnv {
  frontMatter: boolean;
}

/** A block-only parser: the outline needs no inline markup, and skipping it keeps the index fast. */
const blockParser = createBlockParser();

function createBlockParser(): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  // `readMarkdown` normalises the text itself, and only when it has to.
  md.core.ruler.enableOnly(['block']);
  md.block.ruler.before('table', 'front_matter', frontMatterRule);
  return md;
}

const FRONT_MATTER_LINE = /^([A-Za-z_][\w-]*[ \t]*:|\s+\S|-\s|\s*$)/;
/** How far the closing `---` may be: a note that merely starts with a break is not read as YAML to its end. */
const FRONT_MATTER_MAX_LINES = 200;

/**
 * YAML front matter (which CommonMark leaves to extensions): a `---` first line, YAML-looking
 * lines, a closing `---` or `...`. Anything else leaves the `---` to the CommonMark rules.
 */
function frontMatterRule(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || !(state.env as OutlineEnv).frontMatter) return false;
  const line = (i: number) => state.src.slice(state.bMarks[i], state.eMarks[i]);
  if (line(0).trim() !== '---') return false;
  for (let i = 1; i < Math.min(endLine, FRONT_MATTER_MAX_LINES); i++) {
    const text = line(i);
    if (text.trim() === '---' || text.trim() === '...') {
      if (silent) return true;
      const token = state.push('front_matter', '', 0);
      token.map = [0, i + 1];
      token.content = state.getLines(1, i, 0, false);
      state.line = i + 1;
      return true;
    }
    if (!FRONT_MATTER_LINE.test(text)) return false;
  }
  return false;
}

const isSetext = (open: MarkdownIt.Token) => open.markup === '=' || open.markup === '-';

/**
 * A setext underline makes a heading only under a single line of text that stands alone (after a
 * blank line, a heading, a fence or the start), so a `---` under a paragraph, a table row (no table
 * here) or a line between separators stays a separator, as note writers mean it.
 */
function isSetextHeading(open: MarkdownIt.Token, text: string, outline: MarkdownOutline): boolean {
  const [first, end] = open.map!;
  if (end - first > 2 || text.trimStart().startsWith('|')) return false;
  const before = first - 1;
  const standsAlone =
    before < outline.frontMatterEnd ||
    outline.lines[before].trim() === '' ||
    outline.fenced[before] === 1 ||
    outline.headings[outline.headings.length - 1]?.contentStart === first;
  return standsAlone;
}

/**
 * The outline of some Markdown from the parser's block tokens. `frontMatter` reads a leading YAML
 * block (a notes file's, not a section body's). Linear in the text; never throws.
 */
export function readMarkdown(text: string, options: { frontMatter?: boolean } = {}): MarkdownOutline {
  const lines = splitLines(text);
  const env: OutlineEnv = { frontMatter: options.frontMatter ?? false };
  const tokens = blockParser.parse(normalized(text), env);
  const fenced = new Uint8Array(lines.length);
  const code = new Uint8Array(lines.length);
  const outline: MarkdownOutline = { lines, frontMatterEnd: 0, frontMatterKeys: '', headings: [], fenced, code, separators: [] };
  tokens.forEach((token, i) => {
    const map = token.map;
    if (!map) return;
    if (token.type === 'fence' || token.type === 'code_block') {
      code.fill(1, map[0], map[1]);
      if (token.type === 'fence') fenced.fill(1, map[0], map[1]);
    } else if (token.type === 'front_matter') {
      outline.frontMatterEnd = map[1];
      outline.frontMatterKeys = frontMatterKeys(splitLines(token.content));
    } else if (token.level !== 0) {
      return;
    } else if (token.type === 'hr') {
      outline.separators.push(map[0]);
    } else if (token.type === 'heading_open') {
      const text = tokens[i + 1].content.trim();
      if (isSetext(token) && token.markup === '-') outline.separators.push(map[1] - 1);
      if (!isSetext(token) || isSetextHeading(token, text, outline))
        outline.headings.push({ line: map[0], contentStart: map[1], level: Number(token.tag.slice(1)), text });
    }
  });
  return outline;
}

/**
 * What markdown-it's `normalize` rule does (line ends to `\n`, NUL to U+FFFD), skipped when there is
 * nothing to change: the rule copies the whole text, and most notes have neither.
 */
function normalized(text: string): string {
  return text.includes('\r') || text.includes('\0') ? text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : text;
}

/** The prose of some Markdown: its text without code lines and HTML comments (a tag is no mention). */
export function proseOf(text: string): string {
  if (!text) return text;
  return withoutComments(MAY_HOLD_CODE.test(text) ? withoutCode(text) : text);
}

/** Some Markdown with each HTML comment replaced by a space. */
export function withoutComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--[\s\S]*?-->/g, ' ') : text;
}

/** Code needs a fence or four columns of indent (spaces or a tab): most sections have neither and need no parse. */
const MAY_HOLD_CODE = /```|~~~| {4}|\t/;

function withoutCode(text: string): string {
  const { lines, code } = readMarkdown(text);
  return code.includes(1) ? lines.filter((_, i) => !code[i]).join('\n') : text;
}

/**
 * Whether some Markdown may hold a separator (`MarkdownOutline.separators`): a thematic break or a
 * setext underline is a line of `-`, `*` or `_` and spaces or tabs, so most section bodies hold
 * none and need no parse to be cut into parts.
 */
export function maySeparate(text: string): boolean {
  return MAY_SEPARATE.test(text);
}

const MAY_SEPARATE = /^[ \t]*[-*_][-*_ \t]*$/m;

/** Which lines of some Markdown are fenced code (fence lines included). */
export function fencedLines(lines: readonly string[]): Uint8Array {
  return readMarkdown(lines.join('\n')).fenced;
}

/** `keys: a b`, `keys: [a, b]` or a block list under `keys:`, as one space-separated string. */
function frontMatterKeys(lines: readonly string[]): string {
  const at = lines.findIndex((l) => /^keys[ \t]*:/.test(l));
  if (at < 0) return '';
  const inline = lines[at].replace(/^keys[ \t]*:/, '').trim();
  if (inline) return inline.replace(/^\[|\]$/g, '');
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const m = /^\s*-\s+(.*)$/.exec(line);
    if (!m) break;
    items.push(m[1].trim());
  }
  return items.join(',');
}

export function splitLines(text: string): string[] {
  // Splitting on a string is much faster than on a pattern, and most notes have no `\r`.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
