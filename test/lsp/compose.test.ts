import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NOTES_READY } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';

// The built server runs yaml-language-server in-process on its bundled Compose schema: hover on a
// service, schema and rule diagnostics, completion and definition, over stdio.
describe('compose over stdio', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;
  const text = 'services:\n  web:\n    image: nginx:1.27\n    portz: ["8080:80"]\n    depends_on: [db, cache]\n  db:\n    image: postgres:16.4\n';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-compose-'));
    uri = pathToFileURL(path.join(dir, 'compose.yaml')).toString();
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
    client.open(uri, 'dockercompose', text, 1);
    await client.request(NOTES_READY, null);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hovering a service shows it with the bundled note on services', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.match(hover.contents.value, /\*\*web\*\* · service · image `nginx:1\.27`/);
    assert.match(hover.contents.value, /Bundled · \[compose.md:\d+\]\(file:[^)]*compose.md#L\d+\) — \*\*Services\*\*/);
  });

  test('pull diagnostics report the schema and our rules', async () => {
    const report = await client.request<{ items: Array<{ code: string; message: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(
      report.items.map((d) => `${d.code} ${d.message}`),
      [
        'compose/schema Property portz is not allowed.',
        'compose/unknown-service Service "web" names "cache" in depends_on, but no service "cache" is defined. Define it or fix the name.',
      ],
    );
  });

  test('completion offers the service keys of the schema, and definition finds a service', async () => {
    const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 3, character: 4 },
    });
    assert.ok(completion.items.some((i) => i.label === 'ports'));
    const found = await client.request<Array<{ range: { start: { line: number } } }>>('textDocument/definition', {
      textDocument: { uri },
      position: { line: 4, character: 18 },
    });
    assert.deepEqual(
      found.map((l) => l.range.start.line),
      [5],
    );
  });
});

// VS Code takes a completion list's default edit range and resolves documentation: the schema's
// keys then carry the range once and no documentation until an item is resolved.
test('a client like VS Code gets the service keys with one shared edit range, and their documentation on resolve', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-compose-'));
  const uri = pathToFileURL(path.join(dir, 'compose.yaml')).toString();
  const client = new LspClient();
  try {
    await client.start({
      rootUri: pathToFileURL(dir).toString(),
      textDocumentCapabilities: {
        completion: {
          completionItem: { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
          completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'data'] },
        },
      },
    });
    client.open(uri, 'dockercompose', 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n', 1);
    const completion = await client.request<{
      itemDefaults?: { editRange?: unknown };
      items: Array<{ label: string; textEdit?: unknown; textEditText?: string }>;
    }>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 4 } });
    assert.deepEqual(completion.itemDefaults?.editRange, { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } });
    const healthcheck = completion.items.find((i) => i.label === 'healthcheck');
    assert.equal(healthcheck?.textEdit, undefined);
    assert.equal(healthcheck?.textEditText, 'healthcheck:\n  ');
    const resolved = await client.request<{ documentation?: string }>('completionItem/resolve', healthcheck);
    assert.match(resolved.documentation ?? '', /health check/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
