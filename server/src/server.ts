/**
 * Container Notes language server (dist/server-main.js, run by the entry point start.ts). Transport
 * comes from the command line: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
 * The same file is the workspace index worker's script.
 * This file only wires.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { defaultBundledNotesDir, nodeResources, useEnvironmentSnapshot } from './io';
import { bindHandlers, commandLineTransport, connectionOptions, isIndexWorker, Lifecycle, RequestActivity, serveIndexWorker, Session } from './lsp';

declare const CONTAINER_NOTES_VERSION: string;

useEnvironmentSnapshot();
// The workspace index worker runs this same bundle (see lsp/indexThread.ts).
if (isIndexWorker) serveIndexWorker();
else startServer();

function startServer(): void {
  const lifecycle = new Lifecycle();
  const options = connectionOptions(lifecycle);
  const activity = new RequestActivity();
  const transport = commandLineTransport(lifecycle, activity);
  const connection = transport
    ? createConnection(ProposedFeatures.all, transport.reader, transport.writer, options)
    : createConnection(ProposedFeatures.all, options);
  const session = new Session(connection, defaultBundledNotesDir(__dirname), nodeResources(__dirname), activity, __filename);
  bindHandlers(connection, session, typeof CONTAINER_NOTES_VERSION === 'string' ? CONTAINER_NOTES_VERSION : 'dev');
  session.documents.listen(connection);
  connection.listen();
}
