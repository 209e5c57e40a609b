import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

// The built server finds its bundled schema next to dist/server.js and answers pull diagnostics,
// hover and completion for a manifest.
describe('kubernetes over stdio', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-k8s-'));
    uri = pathToFileURL(path.join(dir, 'deploy.yaml')).toString();
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('pull diagnostics report schema findings with their ids', async () => {
    client.open(uri, 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 2\n', 1);
    const report = await client.request<{ items: Array<{ code: string; message: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
    const unknown = report.items.find((d) => d.code === 'k8s/unknown-field');
    assert.ok(unknown, JSON.stringify(report.items));
    assert.match(unknown.message, /Did you mean "replicas"\?/);
    assert.ok(report.items.some((d) => d.code === 'k8s/missing-required'));
  });

  test('hover and completion use the bundled schema', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.match(hover.contents.value, /Deployment/);
    const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: 2 },
    });
    assert.ok(completion.items.some((i) => i.label === 'replicas'));
  });

  test('containerNotes.kubernetes.version switches the schema without a restart', async () => {
    const pod = pathToFileURL(path.join(dir, 'pod.yaml')).toString();
    client.open(
      pod,
      'yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostnameOverride: web-0\n  containers: [{ name: web, image: nginx:1.27.3 }]\n',
      1,
    );
    const unknownFields = async () => {
      const report = await client.request<{ items: Array<{ code: string; message: string }> }>('textDocument/diagnostic', { textDocument: { uri: pod } });
      return report.items.filter((d) => d.code === 'k8s/unknown-field').map((d) => d.message);
    };
    assert.deepEqual(await unknownFields(), []);
    client.notify('workspace/didChangeConfiguration', { settings: { containerNotes: { kubernetes: { version: '1.33' } } } });
    assert.deepEqual(await unknownFields(), ['Unknown field "hostnameOverride" in spec; Kubernetes rejects or drops it.']);
    client.notify('workspace/didChangeConfiguration', { settings: { containerNotes: { kubernetes: { version: '1.36' } } } });
    assert.deepEqual(await unknownFields(), []);
  });
});
