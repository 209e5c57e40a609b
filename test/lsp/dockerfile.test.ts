import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspClient } from '../support/lspClient';

// Dockerfile features through the real dist/server.js over stdio: diagnostics on open and after an
// edit, hover, completion and a quick fix. Waits are event-driven; nothing sleeps.
describe('Dockerfile over stdio', () => {
  let client: LspClient;
  const uri = 'file:///lsp-dockerfile/Dockerfile';

  before(async () => {
    client = new LspClient();
    await client.start({});
  });

  after(async () => {
    await client.stop();
  });

  test('open publishes the findings, an edit publishes the new ones', async () => {
    const opened = client.diagnostics(uri, 1);
    client.open(uri, 'dockerfile', 'FROM ubuntu\nRUN apt-get install curl\n');
    const first = await opened;
    assert.deepEqual(first.diagnostics.map((d: { code: string }) => d.code).sort(), [
      'dockerfile/apt-get-yes',
      'dockerfile/apt-lists-not-removed',
      'dockerfile/apt-no-install-recommends',
      'dockerfile/latest-tag',
    ]);
    const edited = client.diagnostics(uri, 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'FROM ubuntu:24.04\nRUN echo done\n' }] });
    assert.deepEqual((await edited).diagnostics, []);
  });

  test('hover, completion and code actions answer', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match(hover.contents.value, /\*\*FROM\*\*/);
    const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
    });
    assert.ok(completion.items.some((i) => i.label === 'HEALTHCHECK'));
    const actions = await client.request<Array<{ title: string }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
  });
});
