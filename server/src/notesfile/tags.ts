import { fencedLines, splitTags } from '../notes';

/** One tag of a `<!-- keys: … -->` comment, with its offsets in the document. */
export interface Tag {
  text: string;
  start: number;
  end: number;
}

/** A `<!-- keys: … -->` comment: where its list starts and ends, and its tags. */
export interface TagComment {
  /** Offsets of the key list, between `keys:` and `-->` (or the end of the line while `-->` is not typed yet). */
  listStart: number;
  listEnd: number;
  /** False while the comment lacks its `-->`: completion works in it, the notes index does not read it yet. */
  closed: boolean;
  tags: Tag[];
}

const TAG_START = /<!--\s*keys\s*:/gi;

/** The text with fenced code blanked out (same length, line breaks kept): a tag in a code block is an example, not a tag. */
function proseOnly(text: string): string {
  // Lines at even indexes, line breaks between them.
  const parts = text.split(/(\r\n|\r|\n)/);
  const fenced = fencedLines(parts.filter((_, i) => i % 2 === 0));
  if (!fenced.includes(1)) return text;
  return parts.map((part, i) => (i % 2 === 0 && fenced[i / 2] ? ' '.repeat(part.length) : part)).join('');
}

/**
 * The tags of a list as the notes index reads them (`splitTags`: spaces or commas between keys, a
 * `--flag` joined to the key before it), each found at its place in the list.
 */
function tagsOf(list: string, base: number): Tag[] {
  const tags: Tag[] = [];
  let from = 0;
  for (const text of splitTags(list)) {
    // A joined flag (`docker:flag/COPY --from`) may stand apart by more than one space in the source.
    const parts = text.split(' ');
    const start = list.indexOf(parts[0], from);
    let end = start + parts[0].length;
    for (const part of parts.slice(1)) end = list.indexOf(part, end) + part.length;
    tags.push({ text, start: base + start, end: base + end });
    from = end;
  }
  return tags;
}

/** Every `<!-- keys: … -->` comment outside fenced code, in document order. */
export function tagComments(text: string): TagComment[] {
  if (!/<!--/.test(text)) return [];
  const prose = proseOnly(text);
  const comments: TagComment[] = [];
  for (const m of prose.matchAll(TAG_START)) {
    const listStart = m.index + m[0].length;
    const close = prose.indexOf('-->', listStart);
    const lineEnd = prose.slice(listStart).search(/\r?\n/);
    const closed = close >= 0;
    const listEnd = closed ? close : lineEnd < 0 ? prose.length : listStart + lineEnd;
    comments.push({ listStart, listEnd, closed, tags: tagsOf(prose.slice(listStart, listEnd), listStart) });
  }
  return comments;
}
