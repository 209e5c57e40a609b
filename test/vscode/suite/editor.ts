/** Helpers for the extension-host suite: fixture documents, cursors found by text, polling. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Cursor } from './expectations';

/** The workspace: a copy of test/vscode/fixture (the suite adds notes and changes settings in it). */
export const FIXTURE = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.resolve(__dirname, '..', '..', '..', '..', 'test', 'vscode', 'fixture');

export const EXTENSION_ID = 'container-notes.container-notes';

/** How long a check waits for the server (start-up, debounced diagnostics) before it fails. */
const POLL_TIMEOUT_MS = Number(process.env.CONTAINER_NOTES_POLL_TIMEOUT_MS ?? 15_000);
const POLL_INTERVAL_MS = 100;

export function fixtureUri(file: string): vscode.Uri {
  return vscode.Uri.file(path.join(FIXTURE, file));
}

export async function open(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The offset of `text` in the document; fails the test when the fixture lacks it. */
function offsetOf(doc: vscode.TextDocument, text: string): number {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${path.basename(doc.fileName)} does not contain ${JSON.stringify(text)}`);
  return offset;
}

export function positionOf(doc: vscode.TextDocument, cursor: Cursor): vscode.Position {
  if ('after' in cursor) return doc.positionAt(offsetOf(doc, cursor.after) + cursor.after.length);
  return doc.positionAt(offsetOf(doc, cursor.on) + Math.floor(cursor.on.length / 2));
}

export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = offsetOf(doc, text);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

/**
 * Asks `probe` again every 100 ms until `done` accepts its answer, and returns that answer; after
 * the timeout it returns the last answer, so the assertion that follows shows what was there.
 */
export async function poll<T>(probe: () => T | Thenable<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise<void>((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : (code ?? ''));
}
