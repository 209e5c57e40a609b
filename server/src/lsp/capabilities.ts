import { CodeActionKind, type ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver/node';

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['.', '$', '-', '=', ':', ' ', '"', '{', '/'], resolveProvider: false },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  // Diagnostics are pushed (textDocument/publishDiagnostics) after a debounce.
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};
