import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

// A chart on disk through the bundled dist/server.js: the chart model reads values.yaml and
// helpers from disk, and the bundled reference tables answer hover.
describe('Helm over stdio', () => {
  let client: LspClient;
  let dir: string;
  const file = (...p: string[]) => pathToFileURL(path.join(dir, ...p)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-helm-'));
    fs.mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'chart', 'values.yaml'), '# -- Pods to run.\nreplicas: 3\n');
    fs.writeFileSync(path.join(dir, 'chart', 'templates', '_helpers.tpl'), '{{- define "demo.name" -}}demo{{- end }}\n');
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hover on a values path shows the value from values.yaml; diagnostics are pulled', async () => {
    const uri = file('chart', 'templates', 'deploy.yaml');
    const text = 'replicas: {{ .Values.replicas }}\nname: {{ include "demo.nam" . }}\nx: {{ .Values.nope }}\n';
    client.open(uri, 'helm', text);
    const hover: any = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 24 } });
    assert.match(hover.contents.value, /values\.yaml \| `3`/);
    assert.match(hover.contents.value, /Pods to run/);
    const report: any = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((d: { code: string }) => d.code).sort(), ['helm/undefined-template', 'helm/undefined-value']);
  });

  test('completion offers named templates after include "', async () => {
    const uri = file('chart', 'templates', 'svc.yaml');
    client.open(uri, 'helm', 'name: {{ include "" . }}\n');
    const list: any = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 18 } });
    assert.deepEqual(
      list.items.map((i: { label: string }) => i.label),
      ['demo.name'],
    );
  });
});
