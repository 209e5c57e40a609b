import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClientCapabilities, CompletionItem, CompletionList } from 'vscode-languageserver/node';
import { CompletionWire } from '../../../server/src/lsp/completionWire';

/** What the client reads: the list as JSON (a field set to undefined is not sent). */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

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

const EDIT_RANGE: ClientCapabilities = { textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange'] } } } };
const RESOLVES: ClientCapabilities = { textDocument: { completion: { completionItem: { resolveSupport: { properties: ['documentation', 'detail'] } } } } };

test('insertText is dropped where a textEdit makes the client ignore it, and kept elsewhere', () => {
  const name: CompletionItem = { label: 'db', insertText: 'db', sortText: '0db' };
  const sent = wire(new CompletionWire({}).send(list([key('image'), name])));
  assert.deepEqual(sent.items, [
    { label: 'image', kind: 10, insertTextFormat: 2, documentation: 'About image.', textEdit: { range: range(3, 4, 9), newText: 'image: ' } },
    name,
  ]);
  assert.equal(sent.itemDefaults, undefined);
});

test('a client that takes list defaults gets the one shared range once and each item its text', () => {
  const sent = wire(new CompletionWire(EDIT_RANGE).send(list([key('image'), key('ports')])));
  assert.deepEqual(sent.itemDefaults, { editRange: range(3, 4, 9) });
  assert.deepEqual(sent.items, [
    { label: 'image', kind: 10, insertTextFormat: 2, documentation: 'About image.', textEditText: 'image: ' },
    { label: 'ports', kind: 10, insertTextFormat: 2, documentation: 'About ports.', textEditText: 'ports: ' },
  ]);
});

test('an insert text format all items share goes once in the defaults, for a client that takes it', () => {
  const takes: ClientCapabilities = { textDocument: { completion: { completionList: { itemDefaults: ['editRange', 'insertTextFormat'] } } } };
  const sent = wire(new CompletionWire(takes).send(list([key('image'), key('ports')])));
  assert.deepEqual(sent.itemDefaults, { editRange: range(3, 4, 9), insertTextFormat: 2 });
  assert.deepEqual(sent.items[0], { label: 'image', kind: 10, documentation: 'About image.', textEditText: 'image: ' });
  const mixed = wire(new CompletionWire(takes).send(list([key('image'), { label: 'db', insertTextFormat: 1 }])));
  assert.equal(mixed.itemDefaults, undefined);
  assert.deepEqual(
    mixed.items.map((i) => i.insertTextFormat),
    [2, 1],
  );
});

test('items with different ranges, without an edit, or with an insert/replace edit keep their own edits', () => {
  const insertReplace: CompletionItem = { label: 'x', textEdit: { newText: 'x', insert: range(3, 4, 5), replace: range(3, 4, 9) } };
  for (const items of [
    [key('image'), key('ports', range(3, 4, 8))],
    [key('image'), { label: 'db' }],
    [key('image'), insertReplace],
  ]) {
    const sent = wire(new CompletionWire(EDIT_RANGE).send(list(items)));
    assert.equal(sent.itemDefaults, undefined);
    assert.deepEqual(
      sent.items.map((i) => i.textEdit),
      wire(items).map((i) => i.textEdit),
    );
  }
});

test('a client that resolves documentation gets it on resolve, for the latest list only', () => {
  const lists = new CompletionWire(RESOLVES);
  assert.equal(lists.resolvesDocumentation, true);
  const first = wire(lists.send(list([key('image'), { label: 'db' }])));
  assert.deepEqual(
    first.items.map((i) => i.documentation),
    [undefined, undefined],
  );
  assert.deepEqual(lists.resolve(first.items[0]).documentation, 'About image.');
  assert.equal(lists.resolve(first.items[1]).documentation, undefined);
  const second = wire(lists.send(list([key('ports')])));
  assert.equal(lists.resolve(first.items[0]).documentation, undefined, 'an item of an older list is answered as it came');
  assert.equal(lists.resolve(second.items[0]).documentation, 'About ports.');
  for (const malformed of [null, {}, { label: 'x', data: 'y' }, { label: 'x', data: [second.items[0].data, 'z'] }]) {
    assert.deepEqual(lists.resolve(malformed as CompletionItem), malformed);
  }
});

test('documentation stays in the items for a client that does not resolve it, and for items that carry data of their own', () => {
  assert.equal(new CompletionWire({}).send(list([key('image')])).items[0].documentation, 'About image.');
  const own = { ...key('image'), data: { mine: 1 } };
  assert.deepEqual(new CompletionWire(RESOLVES).send(list([own])).items[0].data, { mine: 1 });
  assert.equal(new CompletionWire(RESOLVES).send(list([own])).items[0].documentation, 'About image.');
});
