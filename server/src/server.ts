#!/usr/bin/env node
/**
 * Container Notes language server. Transport comes from the command line: `--stdio` for any LSP
 * editor, `--node-ipc` when VS Code starts it. This file only wires.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { defaultBundledNotesDir, nodeResources } from './io';
import { bindHandlers, CONNECTION_OPTIONS, Session } from './lsp';

declare const CONTAINER_NOTES_VERSION: string;

const connection = createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
const session = new Session(connection, defaultBundledNotesDir(__dirname), nodeResources(__dirname));
bindHandlers(connection, session, typeof CONTAINER_NOTES_VERSION === 'string' ? CONTAINER_NOTES_VERSION : 'dev');
session.documents.listen(connection);
connection.listen();
