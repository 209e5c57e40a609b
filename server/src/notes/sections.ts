import { fencedLines, findHeadings, frontMatter, splitLines } from './markdown';
import { splitTags } from './terms';
import type { NoteFile, NoteSection } from './types';

const TAG_COMMENT = /<!--\s*keys\s*:([\s\S]*?)-->/gi;

/** `<!-- keys: … -->` tags in the prose (not the code) of some lines. */
function tagsIn(lines: readonly string[], fenced: Uint8Array, from: number, to: number): string[] {
  const prose: string[] = [];
  for (let i = from; i < to; i++) if (!fenced[i]) prose.push(lines[i]);
  const text = prose.join('\n');
  if (!text.includes('<!--')) return [];
  const tags: string[] = [];
  for (const m of text.matchAll(TAG_COMMENT)) tags.push(...splitTags(m[1]));
  return tags;
}

const isBlank = (line: string) => line.trim() === '' || /^\s*<!--[\s\S]*-->\s*$/.test(line);

/** Blank lines and `---`/`***` separators at a section's edges say nothing. */
const EDGE = /^\s*(([-*_]\s*){3,})?$/;

/** Lines `from`..`to` without blank lines and separators at either end. */
function bodyOf(lines: readonly string[], from: number, to: number, fenced: Uint8Array): string {
  let start = from;
  let end = to;
  while (start < end && !fenced[start] && EDGE.test(lines[start])) start++;
  while (end > start && !fenced[end - 1] && EDGE.test(lines[end - 1])) end--;
  return lines.slice(start, end).join('\n');
}

/**
 * Cuts a notes file into sections, one per heading (plus the text before the first heading). A
 * section runs to the next heading of any level; a heading with nothing of its own under it
 * (e.g. `# Volumes` directly followed by `## hostPath`) takes its subsections as its body.
 * Sections whose body is empty are kept (they shape heading paths) but marked `empty`.
 */
export function parseSections(file: NoteFile): NoteSection[] {
  const lines = splitLines(file.text);
  const front = frontMatter(lines);
  const fileTags = splitTags(front.keys);
  const fenced = fencedLines(lines, front.end);
  const headings = findHeadings(lines, fenced, front.end);
  const sections: NoteSection[] = [];
  const base = { uri: file.uri, origin: file.origin, ...(file.language ? { language: file.language } : {}) };

  const firstHeading = headings[0]?.line ?? lines.length;
  const preamble = bodyOf(lines, front.end, firstHeading, fenced);
  if (preamble) {
    sections.push({ ...base, startLine: front.end, endLine: firstHeading, level: 0, headingPath: [], body: preamble, tags: tagsIn(lines, fenced, front.end, firstHeading), fileTags, empty: false, coversSubsections: false });
  }

  const path: Array<{ level: number; text: string }> = [];
  headings.forEach((h, i) => {
    while (path.length && path[path.length - 1].level >= h.level) path.pop();
    path.push({ level: h.level, text: h.text });
    const next = headings[i + 1]?.line ?? lines.length;
    let end = next;
    let bare = true;
    for (let l = h.contentStart; l < next; l++) if (!isBlank(lines[l])) bare = false;
    if (bare) {
      // Nothing of its own: the section shows its subsections instead.
      const after = headings.slice(i + 1).find((x) => x.level <= h.level);
      end = after?.line ?? lines.length;
    }
    const body = bodyOf(lines, h.contentStart, end, fenced);
    sections.push({
      ...base,
      startLine: h.line,
      endLine: end,
      level: h.level,
      headingPath: path.map((p) => p.text),
      body,
      tags: tagsIn(lines, fenced, h.contentStart, next),
      fileTags,
      empty: body.replace(/<!--[\s\S]*?-->/g, '').trim() === '',
      coversSubsections: bare && end > next,
    });
  });
  return sections;
}
