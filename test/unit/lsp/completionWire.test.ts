import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver/node';
import { completionForClient, takesEditRangeDefault } from '../../../server/src/lsp/completionWire';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const key = (label: string, r = range(3, 4, 9)): CompletionItem => ({
  label,
  kind: 10,
  insertText: `${label}: `,
  insertTextFormat: 2,
  documentation: `About ${label}.`,
  textEdit: { range: r, newText: `${label}: ` },
});
const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

test('insertText is dropped where a textEdit makes the client ignore it, and kept elsewhere', () => {
  const name: CompletionItem = { label: 'db', insertText: 'db', sortText: '0db' };
  const sent = completionForClient(list([key('image'), name]), false);
  assert.deepEqual(sent.items, [
    { label: 'image', kind: 10, insertTextFormat: 2, documentation: 'About image.', textEdit: { range: range(3, 4, 9), newText: 'image: ' } },
    name,
  ]);
  assert.equal(sent.itemDefaults, undefined);
});

test('a client that takes list defaults gets the one shared range once and each item its text', () => {
  const sent = completionForClient(list([key('image'), key('ports')]), true);
  assert.deepEqual(sent.itemDefaults, { editRange: range(3, 4, 9) });
  assert.deepEqual(sent.items, [
    { label: 'image', kind: 10, insertTextFormat: 2, documentation: 'About image.', textEditText: 'image: ' },
    { label: 'ports', kind: 10, insertTextFormat: 2, documentation: 'About ports.', textEditText: 'ports: ' },
  ]);
});

test('items with different ranges, without an edit, or with an insert/replace edit keep their own edits', () => {
  const insertReplace: CompletionItem = { label: 'x', textEdit: { newText: 'x', insert: range(3, 4, 5), replace: range(3, 4, 9) } };
  for (const items of [
    [key('image'), key('ports', range(3, 4, 8))],
    [key('image'), { label: 'db' }],
    [key('image'), insertReplace],
  ]) {
    const sent = completionForClient(list(items), true);
    assert.equal(sent.itemDefaults, undefined);
    assert.deepEqual(
      sent.items.map((i) => i.textEdit),
      items.map((i) => i.textEdit),
    );
  }
});

test("the client's capability is read from completion.completionList.itemDefaults", () => {
  assert.equal(takesEditRangeDefault({ textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange'] } } } }), true);
  assert.equal(takesEditRangeDefault({ textDocument: { completion: { completionList: { itemDefaults: ['data'] } } } }), false);
  assert.equal(takesEditRangeDefault({}), false);
});
