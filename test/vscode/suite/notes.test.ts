/**
 * "Add to My Notes", its hover link and the notes status bar item, in VS Code's extension host.
 * Runs after languages.test.ts (files run in name order): it adds a section to the fixture's notes
 * and changes a setting, in the copy of the fixture the runner made.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, hoverText, open, poll, positionOf } from './editor';
import { notes } from './expectations';

interface Api {
  notesStatus(): { text: string; tooltip: string; warning: boolean };
}

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

async function hoversAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
}

suite('Notes you grow from the editor', () => {
  test('the hover offers "Add to my notes", the one command its Markdown may run', async () => {
    const doc = await open(notes.linkHover.file);
    const position = positionOf(doc, notes.linkHover.cursor);
    const hovers = await poll(
      () => hoversAt(doc, position),
      (answer) => hoverText(answer).includes('command:containerNotes.addNote'),
    );
    const text = hoverText(hovers);
    const link = /\[Add to my notes\]\(command:containerNotes\.addNote\?([^ )]+)/.exec(text);
    assert.ok(link, `no add-note link in the hover:\n${text}`);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ key: notes.linkHover.key }]);
    const markdown = hovers.flatMap((h) => h.contents).filter((part): part is vscode.MarkdownString => part instanceof vscode.MarkdownString);
    assert.ok(markdown.length > 0);
    for (const part of markdown) assert.deepEqual(part.isTrusted, { enabledCommands: ['containerNotes.addNote'] });
  });

  test('Add to My Notes writes a tagged section, leaves the cursor in its body, and the next hover shows it', async () => {
    const doc = await open(notes.linkHover.file);
    const editor = vscode.window.activeTextEditor!;
    const position = positionOf(doc, notes.linkHover.cursor);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('containerNotes.addNote');

    const notesEditor = vscode.window.activeTextEditor!;
    assert.equal(notesEditor.document.uri.fsPath, fixtureUri(notes.added.notesFile).fsPath);
    const cursor = notesEditor.selection.active.line;
    const lines = notesEditor.document.getText().split('\n');
    assert.deepEqual(lines.slice(cursor - 2, cursor + 1), [notes.added.heading, notes.added.tag, '']);

    assert.ok(await notesEditor.edit((edit) => edit.insert(notesEditor.selection.active, notes.added.body)), 'typing into the notes file failed');
    // A save can be refused while the workbench is still busy with the file (seen once on a loaded
    // machine); the user would press Ctrl+S again, and so does the test.
    const saved = await poll(() => (notesEditor.document.isDirty ? notesEditor.document.save() : true), Boolean);
    assert.ok(saved, `the notes file was not saved: ${notesEditor.document.uri.toString()}`);
    const hovers = await poll(
      () => hoversAt(doc, position),
      (answer) => hoverText(answer).includes(notes.added.body),
    );
    const text = hoverText(hovers);
    assert.ok(text.includes(notes.added.body), `the hover does not show the new note:\n${text}`);
    assert.ok(!text.includes('command:'), 'the hover still offers the link after the user wrote a note');
  });

  test('the status bar item counts the notes, and turns to a warning for a notes path that does not exist', async () => {
    const extension = await api();
    const healthy = await poll(
      () => extension.notesStatus(),
      (view) => notes.status.text.test(view.text),
    );
    assert.match(healthy.text, notes.status.text);
    assert.equal(healthy.warning, false);

    const config = vscode.workspace.getConfiguration('containerNotes');
    const paths = config.get<string[]>('notes.paths') ?? [];
    await config.update('notes.paths', [...paths, notes.status.missingPath], vscode.ConfigurationTarget.Workspace);
    try {
      const broken = await poll(
        () => extension.notesStatus(),
        (view) => view.warning,
      );
      assert.equal(broken.warning, true, `the status stayed ${broken.text}`);
      assert.match(broken.text, notes.status.warningText);
      assert.ok(broken.tooltip.includes(`${notes.status.missingPath}: does not exist`), broken.tooltip);
    } finally {
      await config.update('notes.paths', paths, vscode.ConfigurationTarget.Workspace);
    }
    const back = await poll(
      () => extension.notesStatus(),
      (view) => !view.warning,
    );
    assert.equal(back.warning, false);
  });
});
