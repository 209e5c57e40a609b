import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NOTES_READY } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';

// The built server checks a chart's values files against its values.schema.json (read from disk)
// and Chart.yaml against the bundled schema, through yaml-language-server in-process, over stdio;
// a schema edited on disk is read again, and a broken one gives one diagnostic.
describe('chart values schema over stdio', () => {
  let client: LspClient;
  let dir: string;
  let valuesUri: string;
  let chartUri: string;
  let templateUri: string;
  const schema = {
    type: 'object',
    properties: {
      replicaCount: { type: 'integer', description: 'How many pods run.' },
      image: { type: 'object', properties: { pullPolicy: { type: 'string', enum: ['Always', 'IfNotPresent', 'Never'] } } },
    },
  };
  const values = 'replicaCount: two\nimage:\n  pullPolicy: Always\n';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-values-schema-'));
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'values.schema.json'), JSON.stringify(schema));
    fs.writeFileSync(path.join(dir, 'values.yaml'), values);
    fs.writeFileSync(path.join(dir, 'templates', 'deploy.yaml'), 'replicas: {{ .Values.replicaCount }}\n');
    valuesUri = pathToFileURL(path.join(dir, 'values.yaml')).toString();
    chartUri = pathToFileURL(path.join(dir, 'Chart.yaml')).toString();
    templateUri = pathToFileURL(path.join(dir, 'templates', 'deploy.yaml')).toString();
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
    client.open(valuesUri, 'yaml', values, 1);
    client.open(chartUri, 'yaml', 'apiVersion: v3\nname: web\nversion: 0.1.0\n', 1);
    client.open(templateUri, 'helm', 'replicas: {{ .Values.replicaCount }}\n', 1);
    await client.request(NOTES_READY, null);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const diagnostics = async (uri: string) =>
    (await client.request<{ items: Array<{ code: string; message: string }> }>('textDocument/diagnostic', { textDocument: { uri } })).items.map(
      (d) => `${d.code} ${d.message}`,
    );

  test('values.yaml and Chart.yaml are checked against their schemas', async () => {
    assert.deepEqual(await diagnostics(valuesUri), ['helm/values-schema Incorrect type. Expected "integer".']);
    assert.deepEqual(await diagnostics(chartUri), ['helm/chart-schema Value is not accepted. Valid values: "v2", "v1".']);
  });

  test('completion offers the enum, and a template hover shows the schema', async () => {
    const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
      textDocument: { uri: valuesUri },
      position: { line: 2, character: 14 },
    });
    assert.deepEqual(completion.items.map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: templateUri },
      position: { line: 0, character: 24 },
    });
    assert.match(hover.contents.value, /\*\*values\.schema\.json\*\* · `integer`\n\nHow many pods run\./);
  });

  test('a values.schema.json broken on disk gives one diagnostic on values.yaml, and the server keeps answering', async () => {
    const schemaFile = path.join(dir, 'values.schema.json');
    fs.writeFileSync(schemaFile, '{ "type": ');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schemaFile).toString(), type: 2 }] });
    const found = await diagnostics(valuesUri);
    assert.equal(found.length, 1);
    assert.match(found[0], /^helm\/values-schema values\.schema\.json is not valid JSON \(.*\); the values are not checked against it\.$/);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: templateUri },
      position: { line: 0, character: 24 },
    });
    assert.doesNotMatch(hover?.contents.value ?? '', /values\.schema\.json/);
  });
});
