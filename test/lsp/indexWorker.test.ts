import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { configMapYaml, webDeployment } from '../support/manifests';

const deployment = webDeployment('config-17');

// The server's own bundle, started as a worker thread for a pass of 100 files or more, reads and
// summarises the workspace's manifests; the open document's reference is found in a file it read.
test('the workspace index worker summarises the files that are not open', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-index-worker-'));
  const client = new LspClient();
  try {
    fs.writeFileSync(path.join(dir, 'app.yaml'), deployment);
    fs.mkdirSync(path.join(dir, 'config'));
    for (let i = 0; i < 120; i++) {
      fs.writeFileSync(path.join(dir, 'config', `${i}.yaml`), configMapYaml(`config-${i}`));
    }
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
    const indexed = client.waitFor('window/logMessage', (p) => /workspace index:/.test(p.message), 30_000);
    const uri = pathToFileURL(path.join(dir, 'app.yaml')).toString();
    client.open(uri, 'yaml', deployment, 1);
    const log = await indexed;
    assert.match(log.message, /121 files in \d+ ms \(120 summarised on the index worker\)/);
    const report = await client.request<{ items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(
      report.items.filter((d) => d.code === 'k8s/missing-reference'),
      [],
    );
    assert.ok(
      !client.notifications.some((n) => /index worker (failed|stopped|could not)/.test(JSON.stringify(n.params))),
      'the worker neither failed nor stopped',
    );
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a workspace of a few manifests is indexed between requests, with no worker', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-index-small-'));
  const client = new LspClient();
  try {
    fs.writeFileSync(path.join(dir, 'app.yaml'), deployment);
    fs.writeFileSync(path.join(dir, 'config.yaml'), configMapYaml('config-17'));
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
    const indexed = client.waitFor('window/logMessage', (p) => /workspace index:/.test(p.message), 30_000);
    client.open(pathToFileURL(path.join(dir, 'app.yaml')).toString(), 'yaml', deployment, 1);
    assert.match((await indexed).message, /2 files in \d+ ms \(0 summarised on the index worker\)/);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
