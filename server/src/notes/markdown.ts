/**
 * Just enough CommonMark to cut notes into sections: fenced code (``` and ~~~), ATX and setext
 * headings, YAML front matter, and which lines are code (fenced or indented) so that ranking reads
 * prose only. Line based and linear; never throws.
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

/** Which lines belong to fenced code (the fence lines included). An unclosed fence runs to the end. */
export function fencedLines(lines: readonly string[], from = 0): Uint8Array {
  const fenced = new Uint8Array(lines.length);
  let fence: Fence | undefined;
  for (let i = from; i < lines.length; i++) {
    if (fence) {
      fenced[i] = 1;
      if (closesFence(lines[i], fence)) fence = undefined;
    } else {
      fence = openingFence(lines[i]);
      if (fence) fenced[i] = 1;
    }
  }
  return fenced;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** Lines that cannot be a setext heading's text: list items, quotes, table rows, indented code. */
const NOT_HEADING_TEXT = /^(\s{4}|\t|\s*([-*+]\s|\d+[.)]\s|>|\|))/;

export interface Heading {
  /** The heading's first line (the text line of a setext heading). */
  line: number;
  /** The first line after the heading (after a setext underline). */
  contentStart: number;
  level: number;
  text: string;
}

export function atxHeading(line: string): { level: number; text: string } | undefined {
  const m = ATX.exec(line);
  return m ? { level: m[1].length, text: (m[2] ?? '').trim() } : undefined;
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

/**
 * Headings outside fenced code. A setext underline counts only under a single line of text, so a
 * `---` after a blank line (or under a whole paragraph) stays a separator, as note writers mean it.
 */
export function findHeadings(lines: readonly string[], fenced: Uint8Array, from: number): Heading[] {
  const headings: Heading[] = [];
  const headingLines = new Set<number>();
  for (let i = from; i < lines.length; i++) {
    if (fenced[i]) continue;
    const atx = atxHeading(lines[i]);
    if (atx) {
      headings.push({ line: i, contentStart: i + 1, ...atx });
      headingLines.add(i);
      continue;
    }
    const setext = SETEXT.exec(lines[i]);
    if (!setext || i - 1 < from) continue;
    const text = lines[i - 1];
    const before = i - 2;
    const singleLine = before < from || isBlank(lines[before]) || headingLines.has(before) || fenced[before] === 1;
    if (isBlank(text) || fenced[i - 1] || headingLines.has(i - 1) || !singleLine || NOT_HEADING_TEXT.test(text) || SETEXT.test(text)) continue;
    headings.push({ line: i - 1, contentStart: i + 1, level: setext[1][0] === '=' ? 1 : 2, text: text.trim() });
    headingLines.add(i);
  }
  return headings;
}

/** A line indented by four columns: indented code after a blank line (or a heading). */
const INDENTED = /^( {4}|\t| {0,3}\t)/;
/** The start of a list item, whose indented continuation lines are no code. */
const LIST_ITEM = /^ {0,3}([-*+]|\d+[.)])(\s|$)/;

/**
 * Which lines are code — fenced (fence lines included) or indented — so that a mention there is no
 * mention in prose. Indented code starts after a blank line or a heading, never inside a list item
 * (whose continuation lines are indented too) and never in a paragraph's run of lines.
 */
export function codeLines(lines: readonly string[], from = 0): Uint8Array {
  const code = fencedLines(lines, from);
  let afterBlank = true;
  let inCode = false;
  let inList = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (code[i]) {
      afterBlank = inCode = false;
      continue;
    }
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    if (INDENTED.test(line) && !inList && (afterBlank || inCode)) {
      code[i] = 1;
      inCode = true;
      afterBlank = false;
      continue;
    }
    const heading = atxHeading(line) !== undefined;
    inList = LIST_ITEM.test(line) || (inList && !heading && (/^\s/.test(line) || !afterBlank));
    afterBlank = heading;
    inCode = false;
  }
  return code;
}

/** The prose of some Markdown: its text without code lines and HTML comments (a tag is no mention). */
export function proseOf(text: string): string {
  if (!text) return text;
  const lines = splitLines(text);
  const code = codeLines(lines);
  const kept = code.includes(1) ? lines.filter((_, i) => !code[i]).join('\n') : text;
  return kept.includes('<!--') ? kept.replace(/<!--[\s\S]*?-->/g, ' ') : kept;
}

const FRONT_MATTER_LINE = /^([A-Za-z_][\w-]*[ \t]*:|\s+\S|-\s|\s*$)/;

/**
 * YAML front matter: a `---` first line, YAML-looking lines, a closing `---` or `...`. Returns the
 * first line after it (0 when there is none) and the `keys:` it lists.
 */
export function frontMatter(lines: readonly string[]): { end: number; keys: string } {
  if (lines[0]?.trim() !== '---') return { end: 0, keys: '' };
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    const line = lines[i];
    if (line.trim() === '---' || line.trim() === '...') return { end: i + 1, keys: frontMatterKeys(lines.slice(1, i)) };
    if (!FRONT_MATTER_LINE.test(line)) break;
  }
  return { end: 0, keys: '' };
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
  return text.split(/\r\n|\r|\n/);
}
