import { proseOf, readMarkdown } from './markdown';
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

function isBlank(line: string): boolean {
  const text = line.trim();
  return text === '' || (text.startsWith('<!--') && text.endsWith('-->'));
}

/** Blank lines and `---`/`***` separators at a section's edges say nothing. */
const EDGE = /^\s*(([-*_]\s*){3,})?$/;

/** Lines `from`..`to` without blank lines and separators at either end, and the line it starts on. */
function bodyOf(lines: readonly string[], from: number, to: number, fenced: Uint8Array): { text: string; line: number } {
  let start = from;
  let end = to;
  while (start < end && !fenced[start] && EDGE.test(lines[start])) start++;
  while (end > start && !fenced[end - 1] && EDGE.test(lines[end - 1])) end--;
  return { text: lines.slice(start, end).join('\n'), line: start };
}

/**
 * Cuts a notes file into sections, one per heading (plus the text before the first heading). A
 * section runs to the next heading of any level; a heading with nothing of its own under it
 * (e.g. `# Volumes` directly followed by `## hostPath`) takes its subsections as its body.
 * Sections whose body is empty are kept (they shape heading paths) but marked `empty`.
 */
export function parseSections(file: NoteFile): NoteSection[] {
  const { lines, fenced, headings, frontMatterEnd, frontMatterKeys } = readMarkdown(file.text, { frontMatter: true });
  const fileTags = splitTags(frontMatterKeys);
  const sections: NoteSection[] = [];
  const base = { uri: file.uri, origin: file.origin, ...(file.language ? { language: file.language } : {}) };

  const firstHeading = headings[0]?.line ?? lines.length;
  const preamble = bodyOf(lines, frontMatterEnd, firstHeading, fenced);
  if (preamble.text) {
    sections.push({
      ...base,
      startLine: frontMatterEnd,
      endLine: firstHeading,
      level: 0,
      headingPath: [],
      body: preamble.text,
      bodyLine: preamble.line,
      tags: tagsIn(lines, fenced, frontMatterEnd, firstHeading),
      fileTags,
      empty: false,
      coversSubsections: false,
    });
  }

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
      body: body.text,
      bodyLine: body.line,
      tags: tagsIn(lines, fenced, h.contentStart, next),
      fileTags,
      empty: body.text.replace(/<!--[\s\S]*?-->/g, '').trim() === '',
      coversSubsections: bare && end > next,
    });
  });
  return sections;
}

/**
 * The part of a section around a mention: notes often keep several topics under one heading,
 * split by `---` (the seed notes' "常见问题"), so a body match shows the first such part whose
 * prose matches `pattern`, starting at its own line. A section without separators is returned whole.
 */
export function excerpt(section: NoteSection, pattern: RegExp): NoteSection {
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
