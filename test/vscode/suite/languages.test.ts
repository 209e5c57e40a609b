/**
 * Runs inside VS Code's extension host: opens fixture documents and checks what the Container Notes
 * server answers through the VS Code API, the way the editor itself asks. The rows live in
 * expectations.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completions, diagnostics, hovers, languageIds } from './expectations';
import { completionLabels, diagnosticCode, EXTENSION_ID, hoverText, open, poll, positionOf, rangeOf } from './editor';

const tag = (row: { title: string; foundation?: boolean }) => (row.foundation ? `${row.title} [foundation]` : row.title);

suite('Container Notes in VS Code', () => {
  test('the extension activates and its server answers [foundation]', async () => {
    const doc = await open('pinned.Dockerfile');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.ok(await poll(() => extension.isActive, Boolean), 'the extension did not activate');
    // An ignore comment's hover comes from the services alone, so it proves the server is serving.
    const position = positionOf(doc, { on: 'ignore=' });
    const hover = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position),
      (answer) => hoverText(answer).length > 0,
    );
    assert.notEqual(hoverText(hover), '', 'the server never answered a hover');
  });

  for (const row of languageIds) {
    test(`language id: ${tag(row)}`, async () => {
      const doc = await open(row.file);
      // The client corrects Helm's language id right after opening, so wait for it to settle.
      const languageId = await poll(
        () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString())?.languageId,
        (id) => id === row.languageId,
      );
      assert.equal(languageId, row.languageId);
    });
  }

  for (const row of hovers) {
    test(`hover: ${tag(row)}`, async () => {
      const doc = await open(row.file);
      const position = positionOf(doc, row.cursor);
      const hover = await poll(
        () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position),
        (answer) => row.contains.every((text) => hoverText(answer).includes(text)),
      );
      const text = hoverText(hover);
      const missing = row.contains.filter((expected) => !text.includes(expected));
      if (missing.length > 0) assert.fail(`the hover lacks ${JSON.stringify(missing)}; it shows:\n${text || '(nothing)'}`);
    });
  }

  for (const row of completions) {
    test(`completion: ${tag(row)}`, async () => {
      const doc = await open(row.file);
      const position = positionOf(doc, row.cursor);
      const list = await poll(
        () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position),
        (answer) => row.labels.every((label) => completionLabels(answer).includes(label)),
      );
      const labels = completionLabels(list);
      const missing = row.labels.filter((label) => !labels.includes(label));
      if (missing.length > 0) assert.fail(`completion lacks ${missing.join(', ')}; it offers: ${labels.slice(0, 40).join(', ') || '(nothing)'}`);
    });
  }

  for (const row of diagnostics) {
    test(`diagnostic: ${tag(row)}`, async () => {
      const doc = await open(row.file);
      const range = rangeOf(doc, row.on);
      const matches = (d: vscode.Diagnostic) => diagnosticCode(d) === row.code && d.range.intersection(range) !== undefined;
      const found = await poll(
        () => vscode.languages.getDiagnostics(doc.uri),
        (list) => list.some(matches),
      );
      const shown = found.map((d) => `${diagnosticCode(d)}@${d.range.start.line + 1}: ${d.message}`).join('\n');
      if (!found.some(matches)) assert.fail(`no ${row.code} on ${JSON.stringify(row.on)}; diagnostics:\n${shown || '(none)'}`);
    });
  }
});
