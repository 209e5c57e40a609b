/**
 * The notes status bar item: what the server loaded ("Notes: 2 files · 140 sections"), in the
 * warning colour when a notes path is missing or unreadable. The server sends the status after
 * every change (containerNotes/notesStatus). A click opens a short menu: reload the notes, show
 * the log (where each problem is explained), or edit the notes paths.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NOTES_STATUS, type NotesStatus } from '../../shared/protocol';
import { describeStatus, type StatusView } from './statusText';

const MENU_COMMAND = 'containerNotes.showNotesStatus';

export interface NotesStatusItem extends vscode.Disposable {
  /** What the item shows now (the extension-host tests read it). */
  view(): StatusView;
}

async function showMenu(output: vscode.OutputChannel): Promise<void> {
  const actions = [
    { label: '$(refresh) Reload Notes', run: () => vscode.commands.executeCommand('containerNotes.reloadNotes') },
    { label: '$(output) Show Log', run: () => output.show(true) },
    { label: '$(settings-gear) Edit Notes Paths', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'containerNotes.notes.paths') },
  ];
  const picked = await vscode.window.showQuickPick(actions, { title: 'Container Notes' });
  await picked?.run();
}

export function createNotesStatus(client: LanguageClient, output: vscode.OutputChannel): NotesStatusItem {
  const item = vscode.window.createStatusBarItem('containerNotes.notesStatus', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Container Notes';
  item.command = MENU_COMMAND;
  let view = describeStatus(undefined);
  const show = (status: NotesStatus | undefined) => {
    view = describeStatus(status);
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  };
  show(undefined);
  item.show();
  const disposables = [item, vscode.commands.registerCommand(MENU_COMMAND, () => showMenu(output)), client.onNotification(NOTES_STATUS, show)];
  return {
    view: () => view,
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
