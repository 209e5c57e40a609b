import { type MarkdownOutline, maySeparate, proseOf, readMarkdown, withoutComments } from './markdown';
import { splitTags } from './terms';
import type { NoteFile, NoteSection } from './types';

const TAG_COMMENT = /<!--\s*keys\s*:([\s\S]*?)-->/gi;

/** `<!-- keys: … -->` tags in the prose (not the code) of some lines. */
function tagsIn(lines: readonly string[], fenced: Uint8Array, from: number, to: number): string[] {
  let any = false;
  for (let i = from; i < to && !any; i++) any = !fenced[i] && lines[i].includes('<!--');
  if (!any) return [];
  const prose: string[] = [];
  for (let i = from; i < to; i++) if (!fenced[i]) prose.push(lines[i]);
  const text = prose.join('\n');
  if (!text.includes('<!--')) return [];
  const tags: string[] = [];
  for (const m of text.matchAll(TAG_COMMENT)) tags.push(...splitTags(m[1]));
  return tags;
}

/**
 * Whether a body is only blanks and HTML comments. Text before its first comment settles it
 * without rewriting the body: a heading that gathers its subsections has most of its file as body.
 */
function saysNothing(body: string): boolean {
  const comment = body.indexOf('<!--');
  if (comment < 0) return body.trim() === '';
  if (body.slice(0, comment).trim() !== '') return false;
  return withoutComments(body).trim() === '';
}

function isBlank(line: string): boolean {
  const text = line.trim();
  return text === '' || (text.startsWith('<!--') && text.endsWith('-->'));
}

/** Blank lines and `---`/`***` separators at a section's edges say nothing. */
const EDGE = /^\s*(([-*_]\s*){3,})?$/;

/** Lines `from`..`to` without blank lines and separators at either end: `start`..`end`. */
function trimmedRange(lines: readonly string[], from: number, to: number, fenced: Uint8Array): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start < end && !fenced[start] && EDGE.test(lines[start])) start++;
  while (end > start && !fenced[end - 1] && EDGE.test(lines[end - 1])) end--;
  return { start, end };
}

/** Lines `from`..`to` without blank lines and separators at either end, and the line it starts on. */
function bodyOf(lines: readonly string[], from: number, to: number, fenced: Uint8Array): { text: string; line: number } {
  const { start, end } = trimmedRange(lines, from, to, fenced);
  return { text: lines.slice(start, end).join('\n'), line: start };
}

/** A notes file's sections, and what each says itself (see `parseNotes`). */
export interface ParsedNotes {
  sections: NoteSection[];
  /** Per section: its prose (`proseOf` its body), or '' for a heading that only gathers its subsections. */
  prose: string[];
}

/**
 * Cuts a notes file into sections, one per heading (plus the text before the first heading). A
 * section runs to the next heading of any level; a heading with nothing of its own under it
 * (e.g. `# Volumes` directly followed by `## hostPath`) takes its subsections as its body.
 * Sections whose body is empty are kept (they shape heading paths) but marked `empty`.
 */
export function parseSections(file: NoteFile): NoteSection[] {
  return parseNotes(file).sections;
}

/** `parseSections`, with each section's prose told from its code by the parse of the whole file. */
export function parseNotes(file: NoteFile): ParsedNotes {
  const outline = readMarkdown(file.text, { frontMatter: true });
  const { lines, fenced, headings, frontMatterEnd } = outline;
  const fileTags = splitTags(outline.frontMatterKeys);
  const sections: NoteSection[] = [];
  const prose: string[] = [];
  const join = lineJoiner(file.text, lines);
  /** `from`..`to` holds the section's own text, `from`..`end` its body (more when it gathers its subsections). */
  const add = (startLine: number, level: number, headingPath: string[], from: number, to: number, end: number) => {
    const { start, end: bodyEnd } = trimmedRange(lines, from, end, fenced);
    const body = join(start, bodyEnd);
    const coversSubsections = end > to;
    // One literal, not a spread of the file's fields: spreading into a new object is many times slower.
    const section: NoteSection = {
      uri: file.uri,
      origin: file.origin,
      startLine,
      endLine: end,
      level,
      headingPath,
      body,
      bodyLine: start,
      tags: tagsIn(lines, fenced, from, to),
      fileTags,
      // The text before the first heading is kept only when it has some, a tag comment included.
      empty: level > 0 && saysNothing(body),
      coversSubsections,
    };
    if (file.language) section.language = file.language;
    sections.push(section);
    prose.push(coversSubsections ? '' : proseIn(outline, join, from, start, bodyEnd, body));
  };

  const firstHeading = headings[0]?.line ?? lines.length;
  if (bodyOf(lines, frontMatterEnd, firstHeading, fenced).text) add(frontMatterEnd, 0, [], frontMatterEnd, firstHeading, firstHeading);

  const path: Array<{ level: number; text: string }> = [];
  headings.forEach((h, i) => {
    while (path.length && path[path.length - 1].level >= h.level) path.pop();
    path.push({ level: h.level, text: h.text });
    const next = headings[i + 1]?.line ?? lines.length;
    let end = next;
    let bare = true;
    for (let l = h.contentStart; l < next && bare; l++) bare = isBlank(lines[l]);
    if (bare) {
      // Nothing of its own: the section shows its subsections instead.
      let after = i + 1;
      while (after < headings.length && headings[after].level > h.level) after++;
      end = headings[after]?.line ?? lines.length;
    }
    add(
      h.line,
      h.level,
      path.map((p) => p.text),
      h.contentStart,
      next,
      end,
    );
  });
  return { sections, prose };
}

/**
 * Lines `start`..`end` of a text joined by `\n`. When every line of the text ends in `\n`, that
 * is a slice of the text, which V8 makes without copying: a gathering heading's body is most of
 * its file.
 */
function lineJoiner(text: string, lines: readonly string[]): (start: number, end: number) => string {
  if (text.includes('\r')) return (start, end) => lines.slice(start, end).join('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return (start, end) => (start < end ? text.slice(starts[start], starts[end - 1] + lines[end - 1].length) : '');
}

/**
 * The prose of a section's body, lines `start`..`end` of its file, which starts after lines
 * `from`..`start` (blank lines and separators): `proseOf` the body, with the code lines known
 * from the file's parse instead of a parse of the body. The two parses agree because a body
 * starts where no block is open (after a heading, a separator, code or a blank line); where a
 * dropped leading line is something else (`-*-` is a paragraph), the body is parsed on its own.
 * `join` joins lines of the file (`lineJoiner`).
 */
function proseIn(outline: MarkdownOutline, join: (start: number, end: number) => string, from: number, start: number, end: number, body: string): string {
  const { lines, code, separators } = outline;
  for (let l = from; l < start; l++) if (!code[l] && lines[l].trim() !== '' && !separators.includes(l)) return proseOf(body);
  if (!code.subarray(start, end).includes(1)) return withoutComments(body);
  // The lines outside code, first to last: most often code only ends the body (or opens it), and
  // then the prose is one run of the file's lines, a slice of its text.
  let first = start;
  while (first < end && code[first]) first++;
  let last = end;
  while (last > first && code[last - 1]) last--;
  if (!code.subarray(first, last).includes(1)) return withoutComments(join(first, last));
  const kept: string[] = [];
  for (let l = first; l < last; l++) if (!code[l]) kept.push(lines[l]);
  return withoutComments(kept.join('\n'));
}

/**
 * The part of a section around a mention: notes often keep several topics under one heading,
 * split by `---` (the seed notes' "常见问题"), so a body match shows the first such part whose
 * prose matches `pattern`, starting at its own line. A section without separators is returned whole.
 */
export function excerpt(section: NoteSection, pattern: RegExp): NoteSection {
  if (!maySeparate(section.body)) return section;
  const { lines, fenced, separators } = readMarkdown(section.body);
  const parts: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (const separator of separators) {
    parts.push({ from, to: separator });
    from = separator + 1;
  }
  if (parts.length === 0) return section;
  parts.push({ from, to: lines.length });
  for (const part of parts) {
    const trimmed = bodyOf(lines, part.from, part.to, fenced);
    pattern.lastIndex = 0;
    if (!trimmed.text || !pattern.test(proseOf(trimmed.text))) continue;
    const line = section.bodyLine + trimmed.line;
    return { ...section, startLine: line, bodyLine: line, endLine: section.bodyLine + part.to, body: trimmed.text };
  }
  return section;
}
