import { ADD_NOTE_COMMAND, type AddNoteArgs } from '../../../shared/protocol';
import type { NoteSection } from '../notes';
import type { ServiceContext } from '../workspace';

/**
 * The last line of a hover that shows none of the user's own sections: a link that runs "Add to My
 * Notes" for the hover's most specific key. Only for an editor that runs the command from a link
 * (VS Code trusts this one command in hovers and no other); anywhere else it would be a dead link.
 */
export function addNoteLink(ctx: ServiceContext, keys: readonly string[], shown: readonly NoteSection[]): string | undefined {
  if (!ctx.addNoteLinks || keys.length === 0 || shown.some((section) => section.origin === 'user')) return undefined;
  const args: AddNoteArgs = { key: keys[0] };
  const target = `command:${ADD_NOTE_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}`;
  return `[Add to my notes](${target} "Write a note of your own for ${keys[0].replace(/["\\]/g, '')}")`;
}
