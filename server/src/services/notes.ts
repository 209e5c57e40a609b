import type { Location, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NoteSubject, NoteSummary } from '../../../shared/protocol';
import { type NoteSection, sourceLabel } from '../notes';
import { noteSubjects } from '../notesfile';
import type { ServiceContext } from '../workspace';
import { keysAt, notesFor, notesOptions } from './hover';

/** What the "Open Note at Cursor", "Search Notes" and "Add to My Notes" commands work with. */

function locationOf(section: NoteSection): Location {
  return { uri: section.uri, range: { start: { line: section.startLine, character: 0 }, end: { line: section.startLine, character: 0 } } };
}

/** "Add to My Notes": what a new section can be about, for the keys at the cursor or for one key (a hover link's). */
export async function noteSubjectsFor(ctx: ServiceContext, at: { doc: TextDocument; pos: Position } | { key: string }): Promise<NoteSubject[]> {
  return noteSubjects('key' in at ? [at.key] : await keysAt(ctx, at.doc, at.pos));
}

/** The best note section for the cursor (the one its hover shows first), or null. */
export async function noteAtCursor(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<Location | null> {
  const [best] = notesFor(ctx, await keysAt(ctx, doc, pos));
  return best ? locationOf(best) : null;
}

/** The first line of prose of a body: no tags, fences, heading marks, emphasis or link targets. */
function previewOf(body: string): string {
  const line = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n', 40)
    .map((l) =>
      l
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[#>*_`|]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .find((l) => l && !/^[-=~ ]+$/.test(l));
  return (line ?? '').slice(0, 120);
}

/** Every section a hover could show, user notes first, for a quick pick. */
export function listSections(ctx: ServiceContext): NoteSummary[] {
  return ctx.notes.sections(notesOptions(ctx)).map((section) => {
    const source = sourceLabel(section);
    return {
      title: section.headingPath.join(' › ') || source.replace(/:\d+$/, ''),
      source,
      origin: section.origin,
      preview: previewOf(section.body),
      location: locationOf(section),
    };
  });
}
