import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

// The real dist/server.js over stdio: capabilities, routing, diagnostics, and that it keeps serving.
describe('server over stdio', () => {
  let client: LspClient;
  let dir: string;
  let init: any;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-lsp-'));
    fs.mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'chart', 'values.yaml'), 'replicas: 1\n');
    client = new LspClient();
    init = await client.start({ rootUri: pathToFileURL(dir).toString() });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('initialize answers hover, completion and diagnostics capabilities', () => {
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.completionProvider);
    assert.ok(init.capabilities.codeActionProvider);
    assert.equal(init.serverInfo.name, 'container-notes');
  });

  test('didOpen of a Dockerfile, a manifest and a Helm template each publish diagnostics', async () => {
    const docs = [
      { uri: pathToFileURL(path.join(dir, 'Dockerfile')).toString(), languageId: 'dockerfile', text: 'FROM debian:12\nRUN echo hi\n' },
      { uri: pathToFileURL(path.join(dir, 'deploy.yaml')).toString(), languageId: 'yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
      {
        uri: pathToFileURL(path.join(dir, 'chart', 'templates', 'cm.yaml')).toString(),
        languageId: 'helm',
        text: 'kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
      },
    ];
    for (const d of docs) client.open(d.uri, d.languageId, d.text);
    for (const d of docs) {
      const published = await client.diagnostics(d.uri, 1);
      assert.ok(Array.isArray(published.diagnostics), `diagnostics for ${d.uri}`);
    }
  });

  test('hover and completion on an unknown URI answer empty', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere/Dockerfile' }, position: { line: 0, character: 0 } };
    assert.equal(await client.request('textDocument/hover', unknown), null);
    assert.equal(await client.request('textDocument/completion', unknown), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: unknown.textDocument }), []);
  });

  test('a handler that throws answers empty and the server keeps serving', async () => {
    const uri = pathToFileURL(path.join(dir, 'Dockerfile.crash')).toString();
    client.open(uri, 'dockerfile', '# container-notes ignore=dockerfile/latest-tag -- test\nFROM scratch\n');
    await client.diagnostics(uri, 1);
    // A position of the wrong shape makes the hover handler throw inside the services.
    const answer = await client.request('textDocument/hover', { textDocument: { uri }, position: null });
    assert.equal(answer, null);
    assert.match(client.stderr + JSON.stringify(client.notifications.filter((n) => n.method === 'window/logMessage')), /textDocument\/hover failed/);
    const again = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(again === null || typeof again === 'object');
    assert.equal(client.exited, false);
  });

  test('edits publish diagnostics in version order, never an older version after a newer one', async () => {
    const uri = pathToFileURL(path.join(dir, 'other.Dockerfile')).toString();
    client.open(uri, 'dockerfile', 'FROM scratch\n');
    await client.diagnostics(uri, 1);
    for (let v = 2; v <= 6; v++) {
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: `FROM scratch\nRUN echo ${v}\n` }] });
    }
    const latest = await client.diagnostics(uri, 6);
    assert.equal(latest.version, 6);
    // A cheap document is checked at once after each edit, so a version the server saw before the
    // next edit arrived may be published (how the edits are split into reads decides); what must
    // never happen is a version published after a newer one.
    const published = client.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as any).uri === uri)
      .map((n) => (n.params as any).version as number);
    assert.deepEqual(
      published,
      [...published].sort((a, b) => a - b),
    );
    assert.equal(new Set(published).size, published.length, `each version at most once: ${published.join(', ')}`);
  });
});
