import {
  type CancellationToken,
  type Connection,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  DocumentDiagnosticReportKind,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LIST_SECTIONS, NOTE_AT_CURSOR, NOTES_READY, RELOAD_NOTES, type RequestParams, type RequestResult } from '../../../shared/protocol';
import { insideDocument } from '../common';
import * as services from '../services';
import { CAPABILITIES } from './capabilities';
import type { ServiceContext } from '../workspace';
import { cancelled, guard, logFailure, yieldUnlessCancelled } from './guard';
import { REFUSED, refused } from './lifecycle';
import { bindNotesRequests } from './notesRequests';
import type { Session } from './session';

interface TextDocumentRequest {
  textDocument: { uri: string };
}

/** The params with their position (if any) moved inside the document (see insideDocument). */
function withinDocument<P extends TextDocumentRequest>(doc: TextDocument, params: P): P {
  const position = (params as { position?: Position }).position;
  if (!position) return params;
  return { ...params, position: insideDocument(doc, position) };
}

const EMPTY_REPORT: FullDocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

/**
 * Binds LSP requests to the services: params → open document → service → result. Every handler is
 * guarded; unknown or closed URIs answer null/[].
 */
export function bindHandlers(connection: Connection, session: Session, version: string): void {
  /**
   * A request about one open document: guarded (see guard.ts), answered `empty` for unknown and
   * closed URIs, else by `run` with the session's context and the document.
   */
  const onDocument = <P extends TextDocumentRequest, R, E = void>(
    method: string,
    empty: R,
    run: (ctx: ServiceContext, doc: TextDocument, params: P, token: CancellationToken) => R | Promise<R>,
  ) =>
    guard<P, R, E>(connection, method, empty, (params, token) => {
      const doc = session.document(params.textDocument.uri);
      return doc ? run(session.context(), doc, withinDocument(doc, params), token) : empty;
    });

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    const capabilities = { ...CAPABILITIES };
    capabilities.completionProvider = { ...CAPABILITIES.completionProvider, resolveProvider: session.completion.resolvesDocumentation };
    if (session.pullsDiagnostics) capabilities.diagnosticProvider = { interFileDependencies: true, workspaceDiagnostics: false };
    return { capabilities, serverInfo: { name: 'container-notes', version } };
  });
  // Requests the lifecycle gate turned away (lifecycle.ts) arrive renamed, carrying their error.
  connection.onRequest(REFUSED, refused);
  connection.onInitialized(() => {
    session.initialized().catch((error) => connection.console.error(`[container-notes] initialized: ${String(error)}`));
  });
  connection.onDidChangeConfiguration((change) => {
    session.refreshSettings(change.settings).catch((error) => connection.console.error(`[container-notes] settings: ${String(error)}`));
  });
  connection.onDidChangeWatchedFiles((params) => {
    try {
      session.filesChanged(params.changes);
    } catch (error) {
      logFailure(connection, 'workspace/didChangeWatchedFiles', params, error);
    }
  });

  // TextDocuments fires onDidChangeContent for an open as well as for every edit.
  session.documents.onDidChangeContent((e) => session.documentChanged(e.document));
  session.documents.onDidClose((e) => session.documentClosed(e.document.uri));

  connection.onHover(onDocument('textDocument/hover', null, (ctx, doc, p) => services.hover(ctx, doc, p.position)));
  connection.onCompletion(
    onDocument('textDocument/completion', null, async (ctx, doc, p) => session.completion.send(await services.complete(ctx, doc, p.position))),
  );
  // The documentation a list left out for a client that resolves it (completionWire.ts).
  connection.onCompletionResolve((item) => session.completion.resolve(item));
  connection.onDefinition(onDocument('textDocument/definition', [], (ctx, doc, p) => services.definition(ctx, doc, p.position)));
  connection.onReferences(onDocument('textDocument/references', [], (ctx, doc, p) => services.references(ctx, doc, p.position, p.context.includeDeclaration)));
  connection.onPrepareRename(onDocument('textDocument/prepareRename', null, (ctx, doc, p) => services.prepareRename(ctx, doc, p.position)));
  connection.onRenameRequest(onDocument('textDocument/rename', null, (ctx, doc, p) => services.rename(ctx, doc, p.position, p.newName)));
  connection.onDocumentSymbol(onDocument('textDocument/documentSymbol', [], (ctx, doc) => services.symbols(ctx, doc)));
  connection.onFoldingRanges(onDocument('textDocument/foldingRange', [], (ctx, doc) => services.folding(ctx, doc)));
  connection.onCodeAction(onDocument('textDocument/codeAction', [], (ctx, doc, p) => services.codeActions(ctx, doc, p.range)));
  // Pulled diagnostics come from the store pushes use too; the wait lets a cancellation or a newer
  // edit already received go first, so no work is spent on a version the editor has left behind.
  connection.languages.diagnostics.on(
    onDocument<DocumentDiagnosticParams, FullDocumentDiagnosticReport, DiagnosticServerCancellationData>(
      'textDocument/diagnostic',
      EMPTY_REPORT,
      async (_ctx, doc, _p, token) => {
        await yieldUnlessCancelled(token);
        const items = await session.diagnosticsOf(doc.uri);
        if (token.isCancellationRequested) throw cancelled();
        return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
      },
    ),
  );
  // The notes commands of the client (shared/protocol.ts); positions and URIs as in textDocument/hover.
  connection.onRequest(
    NOTE_AT_CURSOR,
    onDocument(NOTE_AT_CURSOR, null, (ctx, doc, p: RequestParams<typeof NOTE_AT_CURSOR>): Promise<RequestResult<typeof NOTE_AT_CURSOR>> =>
      services.noteAtCursor(ctx, doc, p.position),
    ),
  );
  connection.onRequest(
    LIST_SECTIONS,
    guard(connection, LIST_SECTIONS, [], (): RequestResult<typeof LIST_SECTIONS> => services.listSections(session.context())),
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
