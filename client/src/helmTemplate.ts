/**
 * "Container Notes: Show Helm Template Output": runs `helm template` on the chart of the active
 * file and shows the result in a read-only document. Only offered when a `helm` binary is on
 * PATH (never one inside a workspace folder) and the workspace is trusted; nothing else in the
 * extension depends on it.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const SCHEME = 'container-notes-helm';

/** The `helm` executable on PATH, skipping relative entries and folders inside the workspace. */
export function findHelm(): string | undefined {
  const workspaceDirs = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const names = process.platform === 'win32' ? ['helm.exe'] : ['helm'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    if (workspaceDirs.some((w) => dir === w || dir.startsWith(w + path.sep))) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not here; keep looking.
      }
    }
  }
  return undefined;
}

/** Registers the command and its read-only output documents; sets the context key that shows it. */
export function registerHelmTemplate(context: vscode.ExtensionContext, chartRootOf: (file: vscode.Uri) => Promise<vscode.Uri | undefined>): void {
  const outputs = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const helm = findHelm();
  void vscode.commands.executeCommand('setContext', 'containerNotes.helmAvailable', !!helm);
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => outputs.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand('containerNotes.helmTemplate', async () => {
      if (!helm || !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Showing Helm template output needs a trusted workspace and a `helm` binary on PATH.');
        return;
      }
      const file = vscode.window.activeTextEditor?.document.uri;
      const root = file?.scheme === 'file' ? (await chartRootOf(file))?.fsPath : undefined;
      if (!root) {
        void vscode.window.showWarningMessage('Open a file of a Helm chart (a folder with Chart.yaml) first.');
        return;
      }
      const text = await new Promise<string>((resolve) => {
        execFile(helm, ['template', root], { cwd: root, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
          resolve(error ? `# helm template failed\n${(stderr || error.message).replace(/^/gm, '# ')}\n` : stdout);
        });
      });
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${path.basename(root)} (helm template).yaml` });
      outputs.set(uri.toString(), text);
      changed.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
}
