import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LspClient } from '../support/lspClient';

// The LSP lifecycle and framing edges over the real server's stdio (issue 14.7).
const hoverAt = (uri: string) => ({ textDocument: { uri }, position: { line: 0, character: 1 } });
const INITIALIZE = { processId: null, rootUri: null, capabilities: {} };
const DOCKERFILE = 'file:///edges/Dockerfile';

async function withServer(run: (client: LspClient) => Promise<void>): Promise<void> {
  const client = new LspClient();
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

describe('protocol edges over stdio', () => {
  test('a request before initialize is answered ServerNotInitialized, and initialize still works', () =>
    withServer(async (client) => {
      const early = await client.call('textDocument/hover', hoverAt(DOCKERFILE));
      assert.equal(early.error?.code, -32002);
      const init = await client.call('initialize', INITIALIZE);
      assert.ok((init.result as any).capabilities.hoverProvider);
    }));

  test('a notification before initialize is dropped', () =>
    withServer(async (client) => {
      client.open(DOCKERFILE, 'dockerfile', 'FROM debian:12\n');
      await client.start();
      assert.equal(await client.request('textDocument/hover', hoverAt(DOCKERFILE)), null);
    }));

  test('a second initialize is an InvalidRequest error', () =>
    withServer(async (client) => {
      await client.start();
      const again = await client.call('initialize', INITIALIZE);
      assert.equal(again.error?.code, -32600);
      client.open(DOCKERFILE, 'dockerfile', 'FROM debian:12\n');
      assert.ok(await client.request('textDocument/hover', hoverAt(DOCKERFILE)), 'the first session keeps serving');
    }));

  test('requests after shutdown are refused with InvalidRequest, and exit ends with code 0', () =>
    withServer(async (client) => {
      await client.start();
      client.open(DOCKERFILE, 'dockerfile', 'FROM debian:12\n');
      assert.equal((await client.call('shutdown', null)).result, null);
      const late = await client.call('textDocument/hover', hoverAt(DOCKERFILE));
      assert.equal(late.error?.code, -32600);
      assert.equal((await client.call('shutdown', null)).error?.code, -32600);
      const code = client.exitCode();
      client.notify('exit', null);
      assert.equal(await code, 0);
    }));

  for (const [name, header] of [
    ['without Content-Length', 'Content-Lngth: 2\r\n\r\n{}'],
    ['with a Content-Length that is not a number', 'Content-Length: many\r\n\r\n{}'],
  ]) {
    test(`a frame header ${name} ends the connection with the reason logged`, () =>
      withServer(async (client) => {
        await client.start();
        const code = client.exitCode();
        client.writeRaw(header);
        assert.equal(await code, 1);
        assert.match(client.stderr, /closing the connection: unreadable message/);
      }));
  }

  test('version null on open and change is accepted, and the change is applied', () =>
    withServer(async (client) => {
      await client.start();
      client.notify('textDocument/didOpen', { textDocument: { uri: DOCKERFILE, languageId: 'dockerfile', version: null, text: 'FROM debian:12\n' } });
      client.notify('textDocument/didChange', {
        textDocument: { uri: DOCKERFILE, version: null },
        contentChanges: [{ text: 'EXPOSE 80\n' }],
      });
      const hover: any = await client.request('textDocument/hover', hoverAt(DOCKERFILE));
      assert.match(hover.contents.value, /EXPOSE/);
      assert.doesNotMatch(client.stderr, /without valid version/);
    }));

  test('a repeated version number is not answered from the earlier text', () =>
    withServer(async (client) => {
      await client.start();
      client.open(DOCKERFILE, 'dockerfile', 'FROM debian:12\n', 3);
      assert.match(((await client.request('textDocument/hover', hoverAt(DOCKERFILE))) as any).contents.value, /FROM/);
      client.notify('textDocument/didChange', { textDocument: { uri: DOCKERFILE, version: 3 }, contentChanges: [{ text: 'EXPOSE 80\n' }] });
      assert.match(((await client.request('textDocument/hover', hoverAt(DOCKERFILE))) as any).contents.value, /EXPOSE/);
    }));
});
