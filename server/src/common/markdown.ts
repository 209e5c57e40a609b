import MarkdownIt from 'markdown-it';

/**
 * The one sanitiser for Markdown that comes from the workspace or the notes (people open
 * repositories they did not write, and Neovim, Emacs or Helix render whatever the server sends).
 *
 * It reads the text with a CommonMark parser (markdown-it, HTML on, every link target accepted so
 * nothing hides from it), finds what could act — raw HTML, links, images, autolinks and reference
 * definitions whose target is not allowed — and edits exactly those places in the source, so safe
 * text comes back byte for byte. Raw HTML becomes text (`\<`), HTML comments go, an unsafe link
 * or image keeps only its text, an unsafe definition goes. Edits can make new constructs (the
 * text of a dropped link may read as a link again), so the text is read again until nothing is
 * left to do; text that does not settle, or that cannot be mapped back to its source, is shown
 * whole as a code block.
 */

type Token = MarkdownIt.Token;

/** Link schemes that only open a page; everything else (command:, javascript:, data:, vscode:…) is dropped. */
const WEB_SCHEMES = new Set(['http', 'https']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const MAX_PASSES = 8;

export interface SanitizeOptions {
  /** Whether a `file:` link may stay (e.g. it points into the notes' own folder); none may by default. */
  allowFile?: (uri: string) => boolean;
}

interface Span {
  start: number;
  end: number;
  /** The link text (or image description) inside the brackets. */
  label?: { start: number; end: number };
}

interface Definition {
  start: number;
  end: number;
  href: string;
}

interface Env {
  references?: Record<string, { href: string; title: string }>;
  definitions: Definition[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The parser, set up once and never changed after: every target passes, and spans are recorded. */
const parser = createParser();

function createParser(): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  md.validateLink = () => true;
  const inlineRules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: MarkdownIt.ParserInline.RuleInline }[] }).__rules__;
  for (const name of ['link', 'image', 'autolink', 'html_inline']) {
    const rule = inlineRules.find((r) => r.name === name)!.fn;
    md.inline.ruler.at(name, (state, silent) => {
      const start = state.pos;
      const first = state.tokens.length;
      if (!rule(state, silent)) return false;
      if (silent) return true;
      const token = state.tokens.slice(first).find((t) => t.type === 'link_open' || t.type === 'image' || t.type === 'html_inline');
      if (token) {
        const span: Span = { start, end: state.pos };
        const labelStart = name === 'link' ? start + 1 : name === 'image' ? start + 2 : -1;
        if (labelStart > 0) {
          const labelEnd = state.md.helpers.parseLinkLabel(state, labelStart - 1, name === 'link');
          if (labelEnd >= labelStart) span.label = { start: labelStart, end: labelEnd };
        }
        token.meta = { ...(token.meta as object), span };
      }
      return true;
    });
  }
  const blockRules = (md.block.ruler as unknown as { __rules__: { name: string; fn: MarkdownIt.ParserBlock.RuleBlock }[] }).__rules__;
  const reference = blockRules.find((r) => r.name === 'reference')!.fn;
  md.block.ruler.at('reference', (state, startLine, endLine, silent) => {
    const env = state.env as Env;
    // A fresh table shows this definition's target even when an earlier one took its label.
    const earlier = env.references ?? {};
    env.references = {};
    const found = reference(state, startLine, endLine, silent);
    const added = Object.entries(env.references);
    env.references = earlier;
    for (const [label, target] of added) {
      if (!(label in earlier)) earlier[label] = target;
      if (!silent) env.definitions.push({ start: state.bMarks[startLine] + state.tShift[startLine], end: state.eMarks[state.line - 1], href: target.href });
    }
    return found;
  });
  return md;
}

/** Whether a link target may stay live. */
function allowed(href: string, options: SanitizeOptions): boolean {
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) return href.startsWith('#');
  if (WEB_SCHEMES.has(scheme)) return true;
  return scheme === 'file' && !!options.allowFile?.(href);
}

/** The longest run of backticks in the text. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Workspace text as inline code: fenced by one backtick more than its longest run, so no backtick
 * in it can end the span, and on one line, so no blank line can end the paragraph.
 */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, ' ');
  const fence = '`'.repeat(longestBacktickRun(oneLine) + 1);
  const pad = /^[`\s]|[`\s]$/.test(oneLine) && oneLine.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** Text as a fenced code block that no line of it can close. */
export function codeBlock(text: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Untrusted Markdown made safe to render (see the module comment). */
export function sanitizeMarkdown(text: string, options: SanitizeOptions = {}): string {
  // markdown-it reads `\r\n`, `\r` and NUL as it normalises them; edits need the same offsets.
  let current = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  // Everything the sanitiser edits starts with one of these (HTML, comments and autolinks with
  // `<`; links, images and definitions with `[`; fences with ``` or ~~~): without them there is
  // nothing to parse for. Plain text, most of what reaches a hover, skips the parser.
  if (!/[<[`~]/.test(current)) return current;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = unsafePlaces(current, options);
    if (edits === undefined) break;
    if (edits.length === 0) return current;
    current = applyEdits(current, edits);
  }
  return codeBlock(text);
}

/** The edits that make the text safe, [] when it is, undefined when a place cannot be found in the source. */
function unsafePlaces(text: string, options: SanitizeOptions): Edit[] | undefined {
  const env: Env = { definitions: [] };
  const tokens = parser.parse(text, env);
  const lines = lineStarts(text);
  const edits: Edit[] = env.definitions.filter((d) => !allowed(d.href, options)).map((d) => withoutLine(text, d.start, d.end));
  let row: [number, number] | null = null;
  let cursor = 0;
  let heading: Token | undefined;
  for (const token of tokens) {
    if (token.type === 'tr_open') {
      row = token.map;
      cursor = 0;
    }
    if (token.type === 'heading_open') heading = token;
    if (token.type === 'html_block') edits.push(...htmlBlockEdits(text, lines, token));
    if (token.type === 'fence' && token.level === 0) edits.push(...fenceClose(text, lines, token));
    if (token.type !== 'inline' || !token.children) continue;
    const wanted = inlineEdits(token.children, options);
    const map = token.map ?? row;
    const afterMarker = heading && heading.markup.startsWith('#') && token.map && heading.map?.[0] === token.map[0];
    if (wanted.length === 0) {
      if (!token.map && row) cursor = locateCell(text, lines, row[0], token.content, cursor)?.end ?? cursor;
      continue;
    }
    if (!map) return undefined;
    const toSource = token.map
      ? paragraphOffsets(text, lines, token.map[0], token.content, afterMarker ? heading!.markup.length : 0)
      : cellOffsets(text, lines, map[0], token.content, cursor);
    if (!toSource) return undefined;
    if (!token.map) cursor = toSource(token.content.length);
    for (const e of wanted) edits.push({ start: toSource(e.start), end: toSource(e.end), text: e.text });
  }
  return edits;
}

/** Escapes, drops or unlinks each unsafe inline construct, in the inline content's offsets. */
function inlineEdits(children: readonly Token[], options: SanitizeOptions): Edit[] {
  const edits: Edit[] = [];
  for (const child of children) {
    const span = (child.meta as { span?: Span } | null)?.span;
    if (!span) continue;
    if (child.type === 'html_inline') {
      edits.push(child.content.startsWith('<!--') ? { start: span.start, end: span.end, text: '' } : { start: span.start, end: span.start, text: '\\' });
      continue;
    }
    const href = child.attrGet(child.type === 'image' ? 'src' : 'href') ?? '';
    if (allowed(href, options)) continue;
    if (child.markup === 'autolink' || !span.label) {
      edits.push({ start: span.start, end: span.start, text: '\\' });
      continue;
    }
    edits.push({ start: span.start, end: span.label.start, text: '' }, { start: span.label.end, end: span.end, text: '' });
  }
  return edits;
}

/** HTML comments go; any other HTML block is escaped at its first `<` and read again as text. */
function htmlBlockEdits(text: string, lines: readonly number[], token: Token): Edit[] {
  const [first, last] = token.map!;
  const lineStart = lines[first];
  const start = text.indexOf('<', lineStart);
  if (start < 0) return [];
  if (!token.content.trimStart().startsWith('<!--')) return [{ start, end: start, text: '\\' }];
  return [withoutLine(text, start, lineEnd(text, lines, last - 1))];
}

/** Deletes from `start` to `end`, with the whole line when nothing but indentation is left on it. */
function withoutLine(text: string, start: number, end: number): Edit {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
  const alone = text.slice(lineStart, start).trim() === '' && (end === text.length || text[end] === '\n');
  return alone ? { start: lineStart, end: Math.min(end + 1, text.length), text: '' } : { start, end, text: '' };
}

/** A top-level fence left open would swallow what the hover shows after it: it is closed. */
function fenceClose(text: string, lines: readonly number[], token: Token): Edit[] {
  const [first, last] = token.map!;
  const closing = last - 1 > first ? text.slice(lines[last - 1], lineEnd(text, lines, last - 1)).trim() : '';
  const closed = closing.length >= token.markup.length && [...closing].every((c) => c === token.markup[0]);
  if (closed || last < lines.length) return [];
  return [{ start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : '\n'}${token.markup}` }];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineEnd(text: string, lines: readonly number[], line: number): number {
  return line + 1 < lines.length ? lines[line + 1] - 1 : text.length;
}

/**
 * Maps offsets in a paragraph's or heading's inline content back to the source. Each content line
 * is its source line without the container prefix (list markers, `>`, indentation) and trimmed
 * at the ends, so it is found at the end of its line (or after the `#` marks of a heading).
 */
function paragraphOffsets(text: string, lines: readonly number[], firstLine: number, content: string, skip: number): ((offset: number) => number) | undefined {
  const found: { contentStart: number; lead: number; source: number }[] = [];
  let contentStart = 0;
  for (const [i, contentLine] of content.split('\n').entries()) {
    const body = contentLine.replace(/^[ \t]+/, '');
    const start = lines[firstLine + i];
    if (start === undefined) return undefined;
    const line = text.slice(start, lineEnd(text, lines, firstLine + i));
    const trimmed = line.trimEnd();
    let at = line.endsWith(body) ? line.length - body.length : trimmed.endsWith(body) ? trimmed.length - body.length : -1;
    if (at < 0 || (skip && i === 0)) at = line.indexOf(body, skip ? line.indexOf('#') + skip : 0);
    if (at < 0) return undefined;
    found.push({ contentStart, lead: contentLine.length - body.length, source: start + at });
    contentStart += contentLine.length + 1;
  }
  return (offset) => {
    let i = found.length - 1;
    while (i > 0 && found[i].contentStart > offset) i--;
    const { contentStart: from, lead, source } = found[i];
    return source + Math.max(0, offset - from - lead);
  };
}

/** A table cell's content in its row, searched from the end of the cell before it. */
function locateCell(text: string, lines: readonly number[], line: number, content: string, cursor: number): { start: number; end: number } | undefined {
  const at = text.indexOf(content, Math.max(lines[line], cursor));
  return at < 0 || at + content.length > lineEnd(text, lines, line) ? undefined : { start: at, end: at + content.length };
}

function cellOffsets(text: string, lines: readonly number[], line: number, content: string, cursor: number): ((offset: number) => number) | undefined {
  const cell = locateCell(text, lines, line, content, cursor);
  return cell && ((offset) => cell.start + offset);
}

/** Applies edits from the end; an edit overlapping one already taken waits for the next pass. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) continue;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}
