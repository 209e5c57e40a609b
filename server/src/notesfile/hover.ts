import type { Position } from 'vscode-languageserver-types';
import type { HoverTarget, NoteKeyForm, SourceDocument } from '../workspace';
import { describeTag, suggestTag } from './catalogue';
import type { TagComment } from './tags';

/** On a tag: which hovers it brings the section to, or that none does. */
export function hoverTarget(src: SourceDocument, pos: Position, comments: readonly TagComment[], forms: readonly NoteKeyForm[]): HoverTarget | null {
  const offset = src.doc.offsetAt(pos);
  const tag = comments.flatMap((c) => c.tags).find((t) => t.start <= offset && offset <= t.end);
  if (!tag) return null;
  const range = { start: src.doc.positionAt(tag.start), end: src.doc.positionAt(tag.end) };
  const head = `**Notes tag** \`${tag.text}\``;
  const matches = describeTag(forms, tag.text);
  if (matches) return { range, keys: [], reference: `${head}\n\nThis section shows in ${matches}. Tagged sections come first there.` };
  const suggestion = suggestTag(forms, tag.text);
  return { range, keys: [], reference: `${head}\n\nNo hover produces a key this tag matches${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}` };
}
