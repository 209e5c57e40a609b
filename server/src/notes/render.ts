import { type SanitizeOptions, sanitizeMarkdown } from '../common';
import { atxHeading, closesFence, type Fence, openingFence, splitLines } from './markdown';
import type { NoteSection } from './types';

/**
 * Note sections → hover Markdown. Notes are untrusted: bodies, headings and link texts go through
 * the one sanitiser (common/markdown.ts); HTML comments (the `<!-- keys: -->` tags) are dropped.
 */

/** A line of a body with its index in the body, so a cut can link to the line it stopped at. */
interface Line {
  text: string;
  at: number;
}

/** Drops HTML comments, which may span lines, from prose; a line that held only a comment goes too. */
function withoutComments(lines: readonly string[]): Line[] {
  const out: Line[] = [];
  let inComment = false;
  let fence: Fence | undefined;
  lines.forEach((line, at) => {
    if (fence) {
      out.push({ text: line, at });
      if (closesFence(line, fence)) fence = undefined;
      return;
    }
    if (!inComment && !line.includes('<!--')) {
      out.push({ text: line, at });
      fence = openingFence(line);
      return;
    }
    let kept = '';
    let rest = line;
    while (rest) {
      if (inComment) {
        const end = rest.indexOf('-->');
        rest = end < 0 ? '' : rest.slice(end + 3);
        inComment = end < 0;
        continue;
      }
      const start = rest.indexOf('<!--');
      if (start < 0) {
        kept += rest;
        break;
      }
      kept += rest.slice(0, start);
      rest = rest.slice(start + 4);
      inComment = true;
    }
    if (kept.trim() !== '') {
      out.push({ text: kept, at });
      fence = openingFence(kept);
    }
  });
  return out;
}

/** Lines `≥ 4` spaces deep after a blank line (or more such lines) are indented code: left verbatim. */
const INDENTED = /^( {4}|\t)/;
const SEPARATOR = /^ {0,3}(-{3,}|={3,})[ \t]*$/;
/** Lines that start a block of their own in a paragraph's run: list items, quotes, table rows, bold headings. */
const OWN_LINE = /^\s*([-*+]\s|\d+[.)]\s|>|\||\*\*)/;
/** A table row, and a table's delimiter row (drawn as a border, no line of its own). */
const TABLE_ROW = /^\s*\|/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}/;
/** The column a hover wraps prose at, and the characters that take two columns. */
const WRAP_COLUMNS = 80;
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
/** The fewest display lines a section after the first is given: its title, a few lines and the link to the rest. */
const MIN_SECTION_LINES = 6;
/** When a block does not fit, the rest of it is still shown if at least this many lines are left (else the cut comes before it). */
const MIN_PARTIAL = 4;

/** A paragraph, list, table or code block of rendered lines, with its height on screen. */
interface Block {
  lines: Line[];
  code: boolean;
}

/** Columns a line takes on screen, without link targets and Markdown marks. */
function displayWidth(text: string): number {
  const visible = text.replace(/\]\([^)]*\)/g, ']').replace(/[*`[\]\\]/g, '');
  let width = 0;
  for (const char of visible) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Display lines of a block's lines: code one each (the box scrolls sideways), prose wrapped at 80 columns. */
function heightOf(lines: readonly Line[], code: boolean): number {
  if (code) return lines.filter((l) => !openingFence(l.text)).length;
  let height = 0;
  let paragraph = 0;
  const flush = () => {
    if (paragraph) height += Math.ceil(paragraph / WRAP_COLUMNS);
    paragraph = 0;
  };
  for (const { text } of lines) {
    if (TABLE_DELIMITER.test(text) && TABLE_ROW.test(text)) continue;
    // A line ending in a hard break (`\`) or starting its own block ends the visual line before it.
    if (OWN_LINE.test(text) || TABLE_ROW.test(text)) flush();
    paragraph += Math.max(1, displayWidth(text)) + (paragraph ? 1 : 0);
    if (text.endsWith('\\') || TABLE_ROW.test(text)) flush();
  }
  flush();
  return height;
}

export interface BodyOptions extends SanitizeOptions {
  /** The cap in display lines (see `heightOf`). */
  maxLines: number;
  /** Past `maxLines`, still show the first paragraph of text (a line that is only a link is none), up to this many lines. */
  textWithin?: number;
  /** Keep every line break (plain `.txt` notes): a line break in a paragraph becomes a hard break. */
  hardBreaks?: boolean;
}

/** A rendered body, and the body line the text stops before when it was cut. */
export interface RenderedBody {
  text: string;
  /** 0-based line in the body where the rest starts; undefined when nothing was cut. */
  cutAt?: number;
}

/**
 * The body made safe and, when it is longer than `maxLines` display lines, cut at a block boundary
 * (a paragraph, list, table or code block) so that it and a link to the rest fit; a long first
 * block, or a code block or list with room left for a few lines of it, is cut inside, a code block
 * closed again. Headings inside the body (a section that shows its subsections) become bold lines
 * so the hover keeps one title.
 */
export function renderBody(body: string, options: BodyOptions): RenderedBody {
  const cut = cutBody(body, options);
  return { ...cut, text: sanitizeMarkdown(cut.text, options) };
}

function cutBody(body: string, options: BodyOptions): RenderedBody {
  const blocks = blocksOf(withoutComments(splitLines(body)), options.hardBreaks ?? false);
  const whole = blocks.reduce((sum, block, i) => sum + (i ? 1 : 0) + heightOf(block.lines, block.code), 0);
  if (whole <= options.maxLines) return { text: blocks.map((b) => b.lines.map((l) => l.text).join('\n')).join('\n\n') };
  // A cut body ends with a link to the rest: at the end of its last line, or a line of its own.
  const budget = Math.max(1, options.maxLines - 1);
  const out: string[] = [];
  let used = 0;
  let shown: Block | undefined;
  let before = 0;
  let text = false;
  for (const block of blocks) {
    const gap = out.length ? 1 : 0;
    const height = heightOf(block.lines, block.code);
    const firstText = !text && isText(block) && used + gap + height <= (options.textWithin ?? 0) - 1;
    text ||= isText(block);
    if (used + gap + height <= budget || firstText) {
      before = out.length;
      if (gap) out.push('');
      out.push(...block.lines.map((l) => l.text));
      used += gap + height;
      shown = block;
      continue;
    }
    const room = budget - used - gap;
    if (shown && (room < MIN_PARTIAL || !(block.code || isList(block)))) {
      // "Facts about the release:" introduces what is cut: it goes with it, unless it is all there is.
      const intro = before > 0 && !shown.code && /[:：]$/.test(out[out.length - 1].trimEnd());
      return intro ? { text: out.slice(0, before).join('\n'), cutAt: shown.lines[0].at } : { text: out.join('\n'), cutAt: block.lines[0].at };
    }
    const part = partOf(block, room);
    if (gap && part.lines.length) out.push('');
    out.push(...part.lines);
    return { text: out.join('\n'), cutAt: part.cutAt };
  }
  return { text: out.join('\n') };
}

function isList(block: Block): boolean {
  return OWN_LINE.test(block.lines[0].text);
}

/** A line that is only a link or a URL: a reference, no text to read. */
const ONLY_LINK = /^\s*(<?https?:\/\/\S+>?|\[[^\]]*\]\([^)]*\))\s*$/;

/** Prose (or a list) with words of its own: not only links, not a line introducing what follows ("The fields:"). */
function isText(block: Block): boolean {
  const last = block.lines[block.lines.length - 1].text.trimEnd();
  return !block.code && !/[:：]$/.test(last) && block.lines.some((l) => !ONLY_LINK.test(l.text) && !SEPARATOR.test(l.text));
}

/** The first lines of a block that fit in `room` display lines (at least one), a code block closed again, and where the rest starts. */
function partOf(block: Block, room: number): { lines: string[]; cutAt: number } {
  const taken: Line[] = [];
  for (const line of block.lines) {
    if (taken.length && heightOf([...taken, line], block.code) > Math.max(1, room)) break;
    taken.push(line);
  }
  const fence = block.code ? openingFence(block.lines[0].text) : undefined;
  const lines = taken.map((l) => l.text);
  if (fence && taken.length < block.lines.length) lines.push(fence.char.repeat(fence.length));
  return { lines: fence && taken.length === 1 ? [] : lines, cutAt: block.lines[taken.length]?.at ?? block.lines[block.lines.length - 1].at };
}

/**
 * The body's lines made safe and grouped into blocks: fenced and indented code verbatim, prose
 * sanitised, separators kept apart from the text above, headings as bold lines; with `hardBreaks`
 * a line break inside a paragraph is kept.
 */
function blocksOf(lines: readonly Line[], hardBreaks: boolean): Block[] {
  const blocks: Block[] = [];
  let block: Block | undefined;
  let fence: Fence | undefined;
  let indentedCode = false;
  const push = (line: Line, code: boolean) => {
    if (!block || block.code !== code) blocks.push((block = { lines: [], code }));
    block.lines.push(line);
  };
  for (const line of lines) {
    if (fence) {
      push(line, true);
      if (closesFence(line.text, fence)) {
        fence = undefined;
        block = undefined;
      }
      continue;
    }
    if (line.text.trim() === '') {
      indentedCode = false;
      block = undefined;
      continue;
    }
    fence = openingFence(line.text);
    if (fence) {
      block = undefined;
      push(line, true);
      continue;
    }
    indentedCode = INDENTED.test(line.text) && (block === undefined || indentedCode);
    if (indentedCode) {
      push(line, true);
      continue;
    }
    // The sectioning read a `---` under text as a separator; a block of its own keeps Markdown from reading a heading.
    if (SEPARATOR.test(line.text)) {
      block = undefined;
      push(line, false);
      block = undefined;
      continue;
    }
    const heading = atxHeading(line.text);
    const text = heading ? `**${heading.text}**` : line.text;
    if (heading && !heading.text) continue;
    if (hardBreaks && block && !block.code) breakAfterLast(block, text);
    push({ text, at: line.at }, false);
  }
  return blocks;
}

/** With the line `next` following it in the same paragraph, the block's last line ends in a hard break. */
function breakAfterLast(block: Block, next: string): void {
  const last = block.lines[block.lines.length - 1];
  if (OWN_LINE.test(next) || TABLE_ROW.test(last.text) || last.text.endsWith('\\')) return;
  last.text += '\\';
}

/** Whose a section is and where: "Your notes · k8s.md:129", "Bundled · kubernetes-storage.md:36". */
export function sourceLabel(section: NoteSection): string {
  return `${section.origin === 'bundled' ? 'Bundled' : 'Your notes'} · ${fileLine(section)}`;
}

/** `k8s.md:129`: the file's name and the section's first line. */
function fileLine(section: NoteSection): string {
  const parts = decodeURIComponent(section.uri.replace(/^[a-z][\w+.-]*:\/*/i, ''))
    .split('/')
    .filter(Boolean);
  return `${parts[parts.length - 1] ?? section.uri}:${section.startLine + 1}`;
}

/** A link target that opens a note at a line (VS Code reads `#L12` as the line). */
function lineTarget(uri: string, line: number): string {
  return `${uri}#L${line + 1}`.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** Link text made safe. */
function linkText(text: string): string {
  return sanitizeMarkdown(text).replace(/[[\]]/g, '\\$&');
}

/** File links may stay when they point into the note's own folder (no `..` to climb out of it). */
function insideFolderOf(uri: string): (target: string) => boolean {
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  return (target) => target.startsWith(folder) && !/(^|\/)(\.|%2e){2}(\/|$)/i.test(target.slice(folder.length));
}

/** A section's own heading (the text before a file's first heading has none). */
function ownHeading(section: NoteSection): string {
  return section.headingPath[section.headingPath.length - 1] ?? '';
}

export interface RenderOptions {
  /** The cap of a section in display lines: its title line, its text and the link to the rest. */
  maxLines: number;
  /** Past `maxLines`, still show its first paragraph of text, up to this many lines in all. */
  textWithin?: number;
}

/**
 * A section as one line saying whose it is and where (the place a link to its line) with its
 * heading, then its text, cut with a "more…" link to the line the rest starts at.
 */
export function renderSection(section: NoteSection, options: RenderOptions): string {
  const origin = section.origin === 'bundled' ? 'Bundled' : 'Your notes';
  const place = `[${linkText(fileLine(section))}](${lineTarget(section.uri, section.startLine)})`;
  const heading = ownHeading(section);
  const title = `${origin} · ${place}${heading ? ` — **${sanitizeMarkdown(heading)}**` : ''}`;
  // The title line and its gap count in the section's lines.
  const body = renderBody(section.body, {
    maxLines: Math.max(1, options.maxLines - 2),
    textWithin: options.textWithin && options.textWithin - 2,
    hardBreaks: /\.txt$/i.test(section.uri),
    allowFile: insideFolderOf(section.uri),
  });
  if (body.cutAt === undefined) return [title, body.text].filter(Boolean).join('\n\n');
  const more = `[more…](${lineTarget(section.uri, section.bodyLine + body.cutAt)})`;
  // After prose the link ends its last line; after code or a list it takes a line of its own.
  const last = body.text.slice(body.text.lastIndexOf('\n') + 1);
  const prose = body.text !== '' && !openingFence(last) && !OWN_LINE.test(last) && !TABLE_ROW.test(last) && !INDENTED.test(last);
  return prose ? `${title}\n\n${body.text} ${more}` : [title, body.text, more].filter(Boolean).join('\n\n');
}

/**
 * `renderSection` with a memo of its own, for a session to keep: hovers show the same few sections
 * again and again. Sections are never changed in place (a changed file gets new section objects),
 * so an entry never goes stale, and it goes when its section does.
 */
export function renderSectionMemo(): typeof renderSection {
  const renderings = new WeakMap<NoteSection, Map<string, string>>();
  return (section, options) => {
    let byLimit = renderings.get(section);
    if (!byLimit) renderings.set(section, (byLimit = new Map()));
    const limits = `${options.maxLines}/${options.textWithin ?? ''}`;
    let text = byLimit.get(limits);
    if (text === undefined) byLimit.set(limits, (text = renderSection(section, options)));
    return text;
  };
}

/**
 * The sections, each rendered by `renderOne` (a memo may stand in for `renderSection`); each opens
 * with its own title line. The first is *the* note and gets `maxLines`; the others, alternatives
 * to it, half as many — but at least their first paragraph of text when it fits in two thirds.
 */
export function renderSections(sections: readonly NoteSection[], options: RenderOptions, renderOne = renderSection): string {
  const others = { maxLines: Math.max(MIN_SECTION_LINES, Math.ceil(options.maxLines / 2)), textWithin: Math.ceil((options.maxLines * 2) / 3) };
  return sections.map((section, i) => renderOne(section, i === 0 ? options : others)).join('\n\n');
}

/** How long a title in the "More in your notes" line may be before it is cut with "…". */
const MORE_TITLE_CHARS = 32;

/** A section's title for a link: its own heading (or file and line), a long one cut at a word. */
function shortTitle(section: NoteSection): string {
  const title = (ownHeading(section) || fileLine(section)).replace(/[\s.:：。]+$/, '');
  if (title.length <= MORE_TITLE_CHARS) return title;
  const cut = title.slice(0, MORE_TITLE_CHARS);
  const space = title[MORE_TITLE_CHARS] === ' ' ? MORE_TITLE_CHARS : cut.lastIndexOf(' ');
  return `${space > MORE_TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/** One line of links to more sections: "More in your notes: Service · Helm Charts", then the bundled ones. */
export function renderMore(sections: readonly NoteSection[]): string {
  const links = (origin: NoteSection['origin']) =>
    sections
      .filter((s) => s.origin === origin)
      .map((s) => `[${linkText(shortTitle(s))}](${lineTarget(s.uri, s.startLine)})`)
      .join(' · ');
  const user = links('user');
  const bundled = links('bundled');
  if (user && bundled) return `More in your notes: ${user}; bundled: ${bundled}`;
  return user ? `More in your notes: ${user}` : bundled ? `More in the bundled notes: ${bundled}` : '';
}

/** "More info: https://…" (as Kubernetes descriptions end): shown as a "more" link. */
const MORE_INFO = /\s*More info:\s*(https?:\/\/[^\s)<>`]+)/g;
/** A "more" link already in a text, whose URL a shortened paragraph keeps. */
const MORE_LINK = /\s*\[more\]\((https?:\/\/[^\s)]+)\)/;
/** Where a sentence ends: `.`, `!` or `?` then a space and a capital, a quote, a bracket or a backtick (not "e.g. X"). */
const SENTENCE_END = /(?<![ (]e\.g|[ (]i\.e|\bvs|\betc)[.!?](?=\s+[A-Z"'(`[])/g;
/** The length a shortened paragraph of a reference keeps (whole sentences, at least one). */
const SUMMARY_CHARS = 160;

/** The first sentences of a paragraph within `maxChars` (at least one); undefined when that is all of it. */
function firstSentences(text: string, maxChars: number): string | undefined {
  let end = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m && (end < 0 || m.index < maxChars); m = SENTENCE_END.exec(text)) end = m.index + 1;
  return end < 0 || end >= text.trimEnd().length ? undefined : text.slice(0, end);
}

/** How many shortened references a session keeps: the reference texts of the places hovered lately. */
const SHORTENED_KEPT = 256;

/**
 * `shortenReference` with a memo of its own, for a session to keep: hovering the same place again
 * (or another place with the same reference) reuses the text instead of parsing its Markdown again.
 * It holds at most SHORTENED_KEPT texts, dropping the oldest.
 */
export function shortenReferenceMemo(): typeof shortenReference {
  const shortened = new Map<string, string>();
  return (markdown, maxLines) => {
    const key = `${maxLines}\u0000${markdown}`;
    let text = shortened.get(key);
    if (text === undefined) {
      text = shortenReference(markdown, maxLines);
      if (shortened.size >= SHORTENED_KEPT) shortened.delete(shortened.keys().next().value as string);
      shortened.set(key, text);
    }
    return text;
  };
}

/**
 * A hover's reference part made short: "More info: <URL>" becomes a "more" link, and while the
 * part is longer than `maxLines` display lines, its longest paragraph of prose keeps only its
 * first sentences (and its "more" link). Code, tables and lists are left as they are.
 */
export function shortenReference(markdown: string, maxLines: number): string {
  const source = splitLines(markdown);
  const blocks = blocksOf(
    source.map((text, at) => ({ text, at })),
    false,
  );
  // Its source text is shortened, not its rendered lines.
  const texts = blocks.map((b) =>
    source
      .slice(b.lines[0].at, b.lines[b.lines.length - 1].at + 1)
      .join('\n')
      .replace(MORE_INFO, ' [more]($1)'),
  );
  const height = () =>
    texts.reduce(
      (sum, text, i) =>
        sum +
        (i ? 1 : 0) +
        heightOf(
          splitLines(text).map((line, at) => ({ text: line, at })),
          blocks[i].code,
        ),
      0,
    );
  const prose = blocks.flatMap((block, i) => (block.code || isList(block) || TABLE_ROW.test(block.lines[0].text) ? [] : [i]));
  prose.sort((a, b) => texts[b].length - texts[a].length || a - b);
  for (const i of prose) {
    if (height() <= maxLines) break;
    const link = MORE_LINK.exec(texts[i]);
    const short = firstSentences(texts[i].replace(MORE_LINK, ''), SUMMARY_CHARS);
    if (short !== undefined) texts[i] = short + (link ? ` [more](${link[1]})` : ' …');
  }
  // The reference holds workspace text made safe where it came in; a sentence cut inside a code
  // span could let what the span held out, so the shortened text is made safe again.
  return sanitizeMarkdown(texts.join('\n\n'));
}
