import type { Connection } from 'vscode-languageserver/node';
import { ADD_NOTE_TARGET, type RequestParams, type RequestResult } from '../../../shared/protocol';
import { insideDocument } from '../common';
import * as services from '../services';
import { logFailure } from './guard';
import type { Session } from './session';

/**
 * "Add to My Notes": what a new section can be about (the keys at a position, or the one key of a
 * hover link), the user's notes files and the notes paths. The client picks, writes and opens.
 */
export function bindNotesRequests(connection: Connection, session: Session): void {
  connection.onRequest(ADD_NOTE_TARGET, async (p: RequestParams<typeof ADD_NOTE_TARGET>): Promise<RequestResult<typeof ADD_NOTE_TARGET>> => {
    try {
      const ctx = session.context();
      const doc = 'key' in p ? undefined : session.document(p.textDocument.uri);
      const subjects =
        'key' in p
          ? await services.noteSubjectsFor(ctx, { key: p.key })
          : doc
            ? await services.noteSubjectsFor(ctx, { doc, pos: insideDocument(doc, p.position) })
            : [];
      return { subjects, files: session.notesSync.userFiles(), paths: (await session.notesSync.status()).paths };
    } catch (error) {
      logFailure(connection, ADD_NOTE_TARGET, p, error);
      return { subjects: [], files: [], paths: [] };
    }
  });
}
