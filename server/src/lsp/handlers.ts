import { type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { LIST_SECTIONS, NOTE_AT_CURSOR, NOTES_READY, RELOAD_NOTES, type RequestParams, type RequestResult } from '../../../shared/protocol';
import * as services from '../services';
import { CAPABILITIES } from './capabilities';
import { guard, logFailure } from './guard';
import { bindNotesRequests } from './notesRequests';
import type { Session } from './session';

/**
 * Binds LSP requests to the services: params → open document → service → result. Every handler is
 * guarded; unknown or closed URIs answer null/[].
 */
export function bindHandlers(connection: Connection, session: Session, version: string): void {
  const ctx = () => session.context();
  const doc = (params: { textDocument: { uri: string } }) => session.document(params.textDocument.uri);

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    const capabilities = { ...CAPABILITIES };
    if (session.pullsDiagnostics) capabilities.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
    return { capabilities, serverInfo: { name: 'container-notes', version } };
  });
  connection.onInitialized(() => {
    session.initialized().catch((error) => connection.console.error(`[container-notes] initialized: ${String(error)}`));
  });
  connection.onDidChangeConfiguration((change) => {
    session.refreshSettings(change.settings).catch((error) => connection.console.error(`[container-notes] settings: ${String(error)}`));
  });
  connection.onDidChangeWatchedFiles(guard(connection, 'workspace/didChangeWatchedFiles', undefined, (params) => session.filesChanged(params.changes)));

  // TextDocuments fires onDidChangeContent for an open as well as for every edit.
  session.documents.onDidChangeContent((e) => session.documentChanged(e.document));
  session.documents.onDidClose((e) => session.documentClosed(e.document.uri));

  connection.onHover(
    guard(connection, 'textDocument/hover', null, (p) => {
      const d = doc(p);
      return d ? services.hover(ctx(), d, p.position) : null;
    }),
  );
  connection.onCompletion(
    guard(connection, 'textDocument/completion', null, (p) => {
      const d = doc(p);
      return d ? services.complete(ctx(), d, p.position) : null;
    }),
  );
  connection.onDefinition(
    guard(connection, 'textDocument/definition', [], (p) => {
      const d = doc(p);
      return d ? services.definition(ctx(), d, p.position) : [];
    }),
  );
  connection.onReferences(
    guard(connection, 'textDocument/references', [], (p) => {
      const d = doc(p);
      return d ? services.references(ctx(), d, p.position, p.context.includeDeclaration) : [];
    }),
  );
  connection.onPrepareRename(
    guard(connection, 'textDocument/prepareRename', null, (p) => {
      const d = doc(p);
      return d ? services.prepareRename(ctx(), d, p.position) : null;
    }),
  );
  connection.onRenameRequest(
    guard(connection, 'textDocument/rename', null, (p) => {
      const d = doc(p);
      return d ? services.rename(ctx(), d, p.position, p.newName) : null;
    }),
  );
  connection.onDocumentSymbol(
    guard(connection, 'textDocument/documentSymbol', [], (p) => {
      const d = doc(p);
      return d ? services.symbols(ctx(), d) : [];
    }),
  );
  connection.onFoldingRanges(
    guard(connection, 'textDocument/foldingRange', [], (p) => {
      const d = doc(p);
      return d ? services.folding(ctx(), d) : [];
    }),
  );
  connection.onCodeAction(
    guard(connection, 'textDocument/codeAction', [], (p) => {
      const d = doc(p);
      return d ? services.codeActions(ctx(), d, p.range) : [];
    }),
  );
  connection.languages.diagnostics.on(
    guard(connection, 'textDocument/diagnostic', { kind: 'full' as const, items: [] }, (p) => {
      const d = doc(p);
      return { kind: 'full' as const, items: d ? services.diagnose(ctx(), d) : [] };
    }),
  );
  // The notes commands of the client (shared/protocol.ts); positions and URIs as in textDocument/hover.
  connection.onRequest(
    NOTE_AT_CURSOR,
    guard(connection, NOTE_AT_CURSOR, null, (p: RequestParams<typeof NOTE_AT_CURSOR>): RequestResult<typeof NOTE_AT_CURSOR> => {
      const d = doc(p);
      return d ? services.noteAtCursor(ctx(), d, p.position) : null;
    }),
  );
  connection.onRequest(
    LIST_SECTIONS,
    guard(connection, LIST_SECTIONS, [], (): RequestResult<typeof LIST_SECTIONS> => services.listSections(ctx())),
  );
  connection.onRequest(RELOAD_NOTES, async (): Promise<RequestResult<typeof RELOAD_NOTES>> => {
    try {
      return await session.reloadNotes();
    } catch (error) {
      logFailure(connection, RELOAD_NOTES, undefined, error);
      return { files: 0, bundled: 0 };
    }
  });
  bindNotesRequests(connection, session);
  // Lets tests and scripts wait until the notes index has taken every pending change.
  connection.onRequest(NOTES_READY, async (): Promise<RequestResult<typeof NOTES_READY>> => {
    await session.notesReady();
    return true;
  });
}
