import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { SLOW_INPUT_CHART, SLOW_INPUTS } from '../support/slowInputs';

/** LSP's RequestCancelled. */
const REQUEST_CANCELLED = -32800;

// `$/cancelRequest` for work not yet done answers RequestCancelled, and the server goes on serving.
describe('cancellation', () => {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-cancel-'));
    fs.mkdirSync(path.join(dir, 'chart', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'chart', 'Chart.yaml'), SLOW_INPUT_CHART);
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a request cancelled before it runs answers -32800', async () => {
    const uri = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
    client.open(uri, 'dockerfile', 'FROM debian:12\nRUN echo hi\n');
    for (const [method, params] of [
      ['textDocument/diagnostic', { textDocument: { uri } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }],
    ] as const) {
      const answer = await client.requestCancelled(method, params);
      assert.equal(answer.error?.code, REQUEST_CANCELLED, method);
    }
    const report = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(Array.isArray(report.items));
  });

  test('a pull for a large template, cancelled, leaves the server answering', async () => {
    const input = SLOW_INPUTS.find((i) => i.name === 'helm-brace-flood')!;
    const uri = pathToFileURL(path.join(dir, input.place)).toString();
    client.open(uri, input.languageId, input.text(input.reportedN));
    const answer = await client.requestCancelled('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(answer.error?.code, REQUEST_CANCELLED);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } }, 30000);
    assert.ok(hover === null || typeof hover === 'object');
  });
});
