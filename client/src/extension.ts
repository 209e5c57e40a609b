/**
 * VS Code entry point: starts the Container Notes server over IPC, routes Dockerfiles, YAML and
 * Helm templates to it, and keeps Helm's language id only on files that really sit in a chart.
 * No language logic lives here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerHelmTemplate } from './helmTemplate';

let client: LanguageClient | undefined;

const SELECTOR = ['dockerfile', 'yaml', 'helm'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** True when a folder above `file` (up to the workspace root) holds Chart.yaml. */
async function insideChart(file: vscode.Uri): Promise<boolean> {
  let dir = vscode.Uri.joinPath(file, '..');
  for (let depth = 0; depth < 12; depth++) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, 'Chart.yaml'));
      return true;
    } catch {
      const parent = vscode.Uri.joinPath(dir, '..');
      if (parent.path === dir.path) return false;
      dir = parent;
    }
  }
  return false;
}

/**
 * The manifest maps every `templates/**` YAML file to `helm`; files in a `templates/` folder that is
 * not part of a chart go back to plain YAML so other YAML tools keep working on them.
 */
async function fixHelmLanguage(doc: vscode.TextDocument): Promise<void> {
  if (doc.uri.scheme !== 'file') return;
  const inTemplates = /[\\/]templates[\\/]/.test(doc.uri.fsPath);
  if (doc.languageId === 'helm' && /\.ya?ml$/i.test(doc.uri.fsPath) && !(await insideChart(doc.uri))) {
    await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  } else if (doc.languageId === 'yaml' && inTemplates && (await insideChart(doc.uri))) {
    await vscode.languages.setTextDocumentLanguage(doc, 'helm');
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient ≥ 10 needs a LogOutputChannel.
  const output = vscode.window.createOutputChannel('Container Notes', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
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
  );
  for (const doc of vscode.workspace.textDocuments) void fixHelmLanguage(doc);
  registerHelmTemplate(context);

  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
