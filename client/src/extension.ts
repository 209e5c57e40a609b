/**
 * VS Code entry point: starts the Container Notes server over IPC, routes Dockerfiles, YAML, Helm
 * templates and notes files (Markdown, text) to it, and keeps Helm's language id only on files that
 * really sit in a chart. Registers the notes commands and the notes status bar item. No language
 * logic lives here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { Location } from 'vscode-languageserver-types';
import { ADD_NOTE_COMMAND, type ClientFeatures, LIST_SECTIONS, NOTE_AT_CURSOR, RELOAD_NOTES, SERVER_EXEC_ARGV } from '../../shared/protocol';
import { registerAddNote } from './addNote';
import { findChartRoot } from './chart';
import { registerHelmTemplate } from './helmTemplate';
import { createNotesStatus } from './notesStatus';
import { request } from './request';
import type { StatusView } from './statusText';

let client: LanguageClient | undefined;

/** The server answers for Markdown and text only in notes files (tags), and nothing for other ones. */
const SELECTOR = ['dockerfile', 'yaml', 'dockercompose', 'helm', 'markdown', 'plaintext'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** The chart root above a file, on VS Code's file system (so remote folders work too). */
async function chartRootOf(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const exists = (uri: string) =>
    vscode.workspace.fs.stat(vscode.Uri.parse(uri)).then(
      () => true,
      () => false,
    );
  const root = await findChartRoot(file.toString(), exists);
  return root === undefined ? undefined : vscode.Uri.parse(root);
}

/**
 * The manifest maps every `templates/**` YAML file to `helm`; files in a `templates/` folder that is
 * not part of a chart go back to plain YAML so other YAML tools keep working on them.
 */
async function fixHelmLanguage(doc: vscode.TextDocument): Promise<void> {
  if (doc.uri.scheme !== 'file') return;
  const inTemplates = /[\\/]templates[\\/]/.test(doc.uri.fsPath);
  if (doc.languageId === 'helm' && /\.ya?ml$/i.test(doc.uri.fsPath) && !(await chartRootOf(doc.uri))) {
    await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  } else if (doc.languageId === 'yaml' && inTemplates && (await chartRootOf(doc.uri))) {
    await vscode.languages.setTextDocumentLanguage(doc, 'helm');
  }
}

async function openNote(location: Location): Promise<void> {
  const { line, character } = location.range.start;
  const position = new vscode.Position(line, character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(position, position), preview: true });
}

/** The three notes commands; each asks the server, which owns the notes index. */
function notesCommands(languageClient: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('containerNotes.openNoteAtCursor', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const location = await request(languageClient, NOTE_AT_CURSOR, {
        textDocument: { uri: editor.document.uri.toString() },
        position: { line: editor.selection.active.line, character: editor.selection.active.character },
      });
      if (location) await openNote(location);
      else void vscode.window.showInformationMessage('Container Notes: no note section matches what is under the cursor.');
    }),
    vscode.commands.registerCommand('containerNotes.searchNotes', async () => {
      const sections = await request(languageClient, LIST_SECTIONS, {});
      if (sections.length === 0) {
        void vscode.window.showInformationMessage('Container Notes: no notes are indexed. Set containerNotes.notes.paths to your notes folder.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        sections.map((s) => ({ label: s.title, description: s.source, detail: s.preview, section: s })),
        { placeHolder: 'Search note sections by heading or first line', matchOnDescription: true, matchOnDetail: true },
      );
      if (picked) await openNote(picked.section.location);
    }),
    vscode.commands.registerCommand('containerNotes.reloadNotes', async () => {
      const result = await request(languageClient, RELOAD_NOTES, {});
      void vscode.window.setStatusBarMessage(`Container Notes: ${result.files} of your notes files and ${result.bundled} bundled ones indexed`, 4000);
    }),
  ];
}

/** What the extension returns from `activate`, for its extension-host tests. */
export interface ContainerNotesApi {
  /** What the notes status bar item shows now. */
  notesStatus(): StatusView;
}

/** This client runs the add-note command from hover links and shows the notes status; the server offers both only to clients that say so. */
const FEATURES: ClientFeatures = { addNoteLinks: true, notesStatus: true };

export async function activate(context: vscode.ExtensionContext): Promise<ContainerNotesApi> {
  // vscode-languageclient ≥ 10 needs a LogOutputChannel.
  const output = vscode.window.createOutputChannel('Container Notes', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // V8's code cache of the server goes in the extension's own storage, private to the user (server/src/start.ts).
  const args = [`--compile-cache=${path.join(context.globalStorageUri.fsPath, 'code-cache')}`];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language, features: FEATURES, trustedWorkspace: vscode.workspace.isTrusted },
    synchronize: { configurationSection: 'containerNotes' },
    // Hover Markdown may run one command: the "Add to my notes" link the server writes. Note text
    // never carries a live command link (the server strips them), and no other command is enabled.
    markdown: { isTrusted: { enabledCommands: [ADD_NOTE_COMMAND] }, supportHtml: false },
  };
  client = new LanguageClient('containerNotes', 'Container Notes', serverOptions, clientOptions);
  const status = createNotesStatus(client, output);

  context.subscriptions.push(
    output,
    status,
    vscode.workspace.onDidOpenTextDocument((doc) => void fixHelmLanguage(doc)),
    ...notesCommands(client),
    registerAddNote(client),
  );
  for (const doc of vscode.workspace.textDocuments) void fixHelmLanguage(doc);
  registerHelmTemplate(context, chartRootOf);

  await client.start();
  return { notesStatus: () => status.view() };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
