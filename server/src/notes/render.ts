import { type SanitizeOptions, sanitizeMarkdown } from '../common';
import { atxHeading, closesFence, type Fence, openingFence, splitLines } from './markdown';
import type { NoteSection } from './types';

/**
 * Note sections → hover Markdown. Notes are untrusted: the body and the title go through the one
 * sanitiser (common/markdown.ts), which also drops the HTML comments (the `<!-- keys: -->` tags).
 */

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
export function renderBody(body: string, maxLines: number, sanitize: SanitizeOptions = {}): { text: string; cut: boolean } {
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
    // The sectioning read a `---` under text as a separator; a blank line keeps Markdown from reading a heading.
    if (SEPARATOR.test(line) && previous !== undefined && previous.trim() !== '') out.push('');
    const heading = atxHeading(line);
    out.push(heading ? (heading.text ? `**${heading.text}**` : '') : line);
  }
  if (cut) {
    if (fence) out.push(fence.char.repeat(fence.length));
    out.push('…');
  }
  return { text: sanitizeMarkdown(out.join('\n'), sanitize).trimEnd(), cut };
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

/** File links may stay when they point into the note's own folder (no `..` to climb out of it). */
function insideFolderOf(uri: string): (target: string) => boolean {
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  return (target) => target.startsWith(folder) && !/(^|\/)(\.|%2e){2}(\/|$)/i.test(target.slice(folder.length));
}

function title(section: NoteSection): string {
  const path = section.headingPath.length ? section.headingPath : [sourceLabel(section).replace(/:\d+$/, '')];
  return sanitizeMarkdown(path.join(' › '));
}

export interface RenderOptions {
  maxLines: number;
}

/** A section as a small heading (its heading path), its body, and a link to its source line. */
export function renderSection(section: NoteSection, options: RenderOptions): string {
  const body = renderBody(section.body, options.maxLines, { allowFile: insideFolderOf(section.uri) });
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
