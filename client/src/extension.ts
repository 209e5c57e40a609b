/**
 * VS Code entry point: starts the Container Notes server over IPC, routes Dockerfiles, YAML and
 * Helm templates to it, and keeps Helm's language id only on files that really sit in a chart.
 * No language logic lives here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { Location } from 'vscode-languageserver-types';
import { LIST_SECTIONS, NOTE_AT_CURSOR, RELOAD_NOTES, type RequestParams, type RequestResult, type Requests, SERVER_EXEC_ARGV } from '../../shared/protocol';
import { findChartRoot } from './chart';
import { registerHelmTemplate } from './helmTemplate';

let client: LanguageClient | undefined;

const SELECTOR = ['dockerfile', 'yaml', 'dockercompose', 'helm'].flatMap((language) => [
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

/** A request of shared/protocol.ts, typed by its name. */
function request<M extends keyof Requests>(languageClient: LanguageClient, method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  return languageClient.sendRequest<RequestResult<M>>(method, params);
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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient ≥ 10 needs a LogOutputChannel.
  const output = vscode.window.createOutputChannel('Container Notes', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { locale: vscode.env.language },
    synchronize: { configurationSection: 'containerNotes' },
    markdown: { isTrusted: false, supportHtml: false },
  };
  client = new LanguageClient('containerNotes', 'Container Notes', serverOptions, clientOptions);

  context.subscriptions.push(
    output,
    vscode.workspace.onDidOpenTextDocument((doc) => void fixHelmLanguage(doc)),
    ...notesCommands(client),
  );
  for (const doc of vscode.workspace.textDocuments) void fixHelmLanguage(doc);
  registerHelmTemplate(context, chartRootOf);

  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
