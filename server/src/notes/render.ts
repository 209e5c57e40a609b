import { atxHeading, closesFence, type Fence, openingFence, splitLines } from './markdown';
import type { NoteSection } from './types';

/**
 * Note sections → hover Markdown. Notes are untrusted: links to `command:` (and other
 * editor-internal or script schemes) lose their target, raw HTML is escaped so it shows as text,
 * and HTML comments (the `<!-- keys: -->` tags) are dropped. Code stays verbatim.
 */
const UNSAFE_SCHEME = '(?:command|vscode|vscode-insiders|javascript|vbscript|data):';
/** `[text](command:…)`, also with one level of parentheses inside the target. */
const UNSAFE_LINK = new RegExp(`!?\\[([^\\]]*)\\]\\(\\s*<?\\s*${UNSAFE_SCHEME}(?:[^()]|\\([^()]*\\))*\\)`, 'gi');
const UNSAFE_DEFINITION = new RegExp(`^\\s{0,3}\\[[^\\]]+\\]:\\s*<?\\s*${UNSAFE_SCHEME}`, 'i');

/** Escapes `<` outside inline code spans, so no HTML tag or autolink survives. */
function escapeHtml(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '`') {
      let n = 1;
      while (line[i + n] === '`') n++;
      const run = '`'.repeat(n);
      const close = findRun(line, run, i + n);
      if (close >= 0) {
        out += line.slice(i, close + n);
        i = close + n;
        continue;
      }
      out += run;
      i += n;
      continue;
    }
    out += line[i] === '<' ? '\\<' : line[i];
    i++;
  }
  return out;
}

/** The next backtick run of exactly `run`'s length from `from`, or -1. */
function findRun(line: string, run: string, from: number): number {
  let at = line.indexOf(run, from);
  while (at >= 0) {
    const longer = line[at + run.length] === '`' || line[at - 1] === '`';
    if (!longer) return at;
    let end = at;
    while (line[end] === '`') end++;
    at = line.indexOf(run, end);
  }
  return -1;
}

/** One line of prose made safe: unsafe links become their text, HTML is escaped. */
export function sanitizeInline(line: string): string {
  return escapeHtml(line.replace(UNSAFE_LINK, '$1'));
}

/** Drops HTML comments, which may span lines, from prose; a line that held only a comment goes too. */
function withoutComments(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inComment = false;
  let fence: Fence | undefined;
  for (const line of lines) {
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (!inComment && !line.includes('<!--')) {
      out.push(line);
      fence = openingFence(line);
      continue;
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
      out.push(kept);
      fence = openingFence(kept);
    }
  }
  return out;
}

/** Lines `≥ 4` spaces deep after a blank line (or more such lines) are indented code: left verbatim. */
const INDENTED = /^( {4}|\t)/;
const SEPARATOR = /^ {0,3}(-{3,}|={3,})[ \t]*$/;

/**
 * The body made safe and cut after `maxLines` lines. Headings inside the body (a section that
 * shows its subsections) become bold lines so the hover keeps one title.
 */
export function renderBody(body: string, maxLines: number): { text: string; cut: boolean } {
  const lines = withoutComments(splitLines(body));
  while (lines.length && lines[0].trim() === '') lines.shift();
  const out: string[] = [];
  let fence: Fence | undefined;
  let indentedCode = false;
  const cut = lines.length > maxLines;
  for (const line of cut ? lines.slice(0, maxLines) : lines) {
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    fence = openingFence(line);
    if (fence) {
      out.push(line);
      continue;
    }
    const previous = out[out.length - 1];
    indentedCode = INDENTED.test(line) && (previous === undefined || previous.trim() === '' || indentedCode);
    if (indentedCode) {
      out.push(line);
      continue;
    }
    if (UNSAFE_DEFINITION.test(line)) continue;
    // The sectioning read a `---` under text as a separator; a blank line keeps Markdown from reading a heading.
    if (SEPARATOR.test(line) && previous !== undefined && previous.trim() !== '') out.push('');
    const heading = atxHeading(line);
    out.push(heading ? (heading.text ? `**${sanitizeInline(heading.text)}**` : '') : sanitizeInline(line));
  }
  if (cut) {
    if (fence) out.push(fence.char.repeat(fence.length));
    out.push('…');
  }
  return { text: out.join('\n').trimEnd(), cut };
}

/** `notes/k8s.md:12` for a user's note, `bundled notes · k8s.md:12` for ours. */
export function sourceLabel(section: NoteSection): string {
  const parts = decodeURIComponent(section.uri.replace(/^[a-z][\w+.-]*:\/*/i, ''))
    .split('/')
    .filter(Boolean);
  const name = parts[parts.length - 1] ?? section.uri;
  const where = `${name}:${section.startLine + 1}`;
  if (section.origin === 'bundled') return `bundled notes · ${where}`;
  return parts.length > 1 ? `${parts[parts.length - 2]}/${where}` : where;
}

/** A link that opens the note at its heading (VS Code reads `#L12` as the line). */
export function sourceLink(section: NoteSection): string {
  const target = `${section.uri}#L${section.startLine + 1}`.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${sourceLabel(section).replace(/[[\]\\<]/g, '\\$&')}](${target})`;
}

function title(section: NoteSection): string {
  const path = section.headingPath.length ? section.headingPath : [sourceLabel(section).replace(/:\d+$/, '')];
  return path.map(sanitizeInline).join(' › ');
}

export interface RenderOptions {
  maxLines: number;
}

/** A section as a small heading (its heading path), its body, and a link to its source line. */
export function renderSection(section: NoteSection, options: RenderOptions): string {
  const body = renderBody(section.body, options.maxLines);
  return [`#### ${title(section)}`, body.text, sourceLink(section)].filter(Boolean).join('\n\n');
}

/**
 * `renderSection` with a memo of its own, for a session to keep: hovers show the same few sections
 * again and again. Sections are never changed in place (a changed file gets new section objects),
 * so an entry never goes stale, and it goes when its section does.
 */
export function renderSectionMemo(): typeof renderSection {
  const renderings = new WeakMap<NoteSection, Map<number, string>>();
  return (section, options) => {
    let byLimit = renderings.get(section);
    if (!byLimit) renderings.set(section, (byLimit = new Map()));
    let text = byLimit.get(options.maxLines);
    if (text === undefined) byLimit.set(options.maxLines, (text = renderSection(section, options)));
    return text;
  };
}

/** The sections, each rendered by `renderOne` (a memo may stand in for `renderSection`), between rules. */
export function renderSections(sections: readonly NoteSection[], options: RenderOptions, renderOne = renderSection): string {
  return sections.map((section) => renderOne(section, options)).join('\n\n---\n\n');
}
