/**
 * "Add to My Notes": asks the server what the thing under the cursor (or a hover link's key) is
 * and where the user's notes are, lets the user pick when there is a choice, then appends a
 * section — heading and key tag — to the notes file and leaves the cursor in its body. With no
 * notes path yet it offers to create container-notes.md and adds it to the settings. The next hover
 * shows the section once the file is saved (the server watches the notes files).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ADD_NOTE_COMMAND, ADD_NOTE_TARGET, type AddNoteArgs, type NoteSubject, type NotesPathState } from '../../shared/protocol';
import { newSection } from './newSection';
import { request } from './request';

const NEW_FILE_NAME = 'container-notes.md';
const NOTES_FILE = /\.(md|markdown|txt)$/i;

/** A place a note can go: an existing file, or one to create (and, for a new notes path, the setting to add). */
interface Destination {
  label: string;
  description?: string;
  file: vscode.Uri;
  create?: boolean;
  /** The notes path to add to the settings, and where. */
  setting?: { value: string; target: vscode.ConfigurationTarget };
}

async function pickSubject(subjects: NoteSubject[]): Promise<NoteSubject | undefined> {
  if (subjects.length === 1) return subjects[0];
  const picked = await vscode.window.showQuickPick(
    subjects.map((subject) => ({ label: subject.heading, description: subject.tag, subject })),
    { title: 'Add to My Notes', placeHolder: 'What is the note about?' },
  );
  return picked?.subject;
}

/** A new file in each notes folder, and each notes path not created yet. */
function newFiles(paths: readonly NotesPathState[]): Destination[] {
  return paths.flatMap((p): Destination[] => {
    if (p.state === 'folder')
      return [{ label: `New ${NEW_FILE_NAME}`, description: p.path, file: vscode.Uri.file(path.join(p.path, NEW_FILE_NAME)), create: true }];
    if (p.state !== 'missing') return [];
    const file = NOTES_FILE.test(p.path) ? p.path : path.join(p.path, NEW_FILE_NAME);
    return [{ label: `Create ${path.basename(file)}`, description: path.dirname(file), file: vscode.Uri.file(file), create: true }];
  });
}

/**
 * Where a note can go. One notes file: there, without a question (more files are made by hand).
 * Several: those, and a new file in each notes folder. None yet: a new file in the notes paths.
 */
function destinations(files: readonly string[], paths: readonly NotesPathState[]): Destination[] {
  const existing = files.map((file) => ({ label: path.basename(file), description: path.dirname(file), file: vscode.Uri.file(file) }));
  if (existing.length === 1) return existing;
  // A new file where one of that name is listed already would only be a second way to it.
  const listed = new Set(existing.map((d) => d.file.fsPath));
  return [...existing, ...newFiles(paths).filter((d) => !listed.has(d.file.fsPath))];
}

/** Without any notes path: a container-notes.md in the first workspace folder or the home folder, added to the settings. */
function firstNotesFile(): Destination[] {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return [
    ...(folder
      ? [
          {
            label: `Create ${NEW_FILE_NAME} in ${folder.name}`,
            description: 'a notes file for this workspace (workspace setting)',
            file: vscode.Uri.joinPath(folder.uri, NEW_FILE_NAME),
            create: true,
            setting: { value: NEW_FILE_NAME, target: vscode.ConfigurationTarget.Workspace },
          },
        ]
      : []),
    ...(home
      ? [
          {
            label: `Create ~/${NEW_FILE_NAME}`,
            description: 'one notes file for every workspace (user setting)',
            file: vscode.Uri.file(path.join(home, NEW_FILE_NAME)),
            create: true,
            setting: { value: `~/${NEW_FILE_NAME}`, target: vscode.ConfigurationTarget.Global },
          },
        ]
      : []),
  ];
}

async function pickDestination(files: readonly string[], paths: readonly NotesPathState[]): Promise<Destination | undefined> {
  const choices = paths.length === 0 ? firstNotesFile() : destinations(files, paths);
  if (choices.length === 0) {
    void vscode.window.showWarningMessage('Container Notes: none of your notes paths can take a new note. Check containerNotes.notes.paths.');
    return undefined;
  }
  // One notes file: no question to ask. A first notes file is always asked about: it changes the settings.
  if (choices.length === 1 && !choices[0].setting) return choices[0];
  const picked = await vscode.window.showQuickPick(
    choices.map((choice) => ({ label: choice.label, description: choice.description, choice })),
    { title: 'Add to My Notes', placeHolder: paths.length === 0 ? 'You have no notes file yet: create one?' : 'Which notes file?' },
  );
  return picked?.choice;
}

async function prepare(destination: Destination): Promise<void> {
  if (destination.create) {
    const exists = await vscode.workspace.fs.stat(destination.file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(destination.file, '..'));
      await vscode.workspace.fs.writeFile(destination.file, new Uint8Array());
    }
  }
  if (destination.setting) {
    const config = vscode.workspace.getConfiguration('containerNotes');
    const paths = config.inspect<string[]>('notes.paths');
    const current = (destination.setting.target === vscode.ConfigurationTarget.Global ? paths?.globalValue : paths?.workspaceValue) ?? [];
    await config.update('notes.paths', [...current, destination.setting.value], destination.setting.target);
  }
}

/** Appends the section and puts the cursor in its body. */
async function writeSection(file: vscode.Uri, subject: NoteSubject): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const section = newSection(doc.getText(), subject.heading, subject.tag);
  await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), section.text));
  const cursor = new vscode.Position(section.line, 0);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function addNote(client: LanguageClient, args?: AddNoteArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!args?.key && !editor) {
    void vscode.window.showInformationMessage('Container Notes: put the cursor on something in a Dockerfile, manifest or chart, then add a note.');
    return;
  }
  const target = await request(
    client,
    ADD_NOTE_TARGET,
    args?.key
      ? { key: args.key }
      : {
          textDocument: { uri: editor!.document.uri.toString() },
          position: { line: editor!.selection.active.line, character: editor!.selection.active.character },
        },
  );
  if (target.subjects.length === 0) {
    void vscode.window.showInformationMessage('Container Notes: nothing under the cursor has notes; try an instruction, a kind, a field or a template name.');
    return;
  }
  const subject = await pickSubject(target.subjects);
  if (!subject) return;
  const destination = await pickDestination(target.files, target.paths);
  if (!destination) return;
  await prepare(destination);
  await writeSection(destination.file, subject);
}

export function registerAddNote(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(ADD_NOTE_COMMAND, (args?: AddNoteArgs) => addNote(client, args));
}
