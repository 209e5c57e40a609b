import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NoteKeyForm } from '../../workspace';
import type { TagComment } from '../tags';

/** What the notes-file rules check: the document's tag comments against every form of key a hover produces. */
export interface TaggedNotes {
  doc: TextDocument;
  comments: readonly TagComment[];
  forms: readonly NoteKeyForm[];
}
