import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { tempTree } from '../support/tempTree';

// The server reads .container-notes.yaml from the workspace folder root at start and again when
// the file changes, and layers it under the editor settings.
const NO_REASON = 'FROM debian:12\n# container-notes ignore=dockerfile/latest-tag\nRUN true\n';
const CONFIG =
  'requireIgnoreReason: true\nrules:\n  common/ignore-without-reason: error\nignore:\n  - rule: common/ignore-without-reason\n    paths: ["legacy/**"]\n    reason: frozen\n';

describe('project config in the server', () => {
  let client: LspClient;
  let tree: ReturnType<typeof tempTree>;
  const uri = (rel: string) => pathToFileURL(tree.file(rel)).toString();

  before(async () => {
    tree = tempTree({ '.container-notes.yaml': CONFIG, 'app/Dockerfile': NO_REASON, 'legacy/Dockerfile': NO_REASON });
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(tree.dir).toString() });
  });
  after(async () => {
    await client.stop();
    tree.remove();
  });

  test('severities and path ignores from the config apply to open documents', async () => {
    client.open(uri('app/Dockerfile'), 'dockerfile', NO_REASON);
    client.open(uri('legacy/Dockerfile'), 'dockerfile', NO_REASON);
    const app = await client.diagnostics(uri('app/Dockerfile'), 1);
    assert.deepEqual(
      app.diagnostics.map((d) => [d.code, d.severity]),
      [['common/ignore-without-reason', 1]],
    );
    const legacy = await client.diagnostics(uri('legacy/Dockerfile'), 1);
    assert.deepEqual(legacy.diagnostics, []);
  });

  test('a changed config is re-read and diagnostics follow it', async () => {
    const mark = client.notifications.length;
    fs.writeFileSync(tree.file('.container-notes.yaml'), CONFIG.replace(': error', ': hint'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.container-notes.yaml'), type: 2 }] });
    const next = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri('app/Dockerfile'), 10000, mark);
    assert.deepEqual(
      next.diagnostics.map((d: any) => [d.code, d.severity]),
      [['common/ignore-without-reason', 4]],
    );
  });

  test('a broken config is shown to the user and the defaults apply', async () => {
    const mark = client.notifications.length;
    fs.writeFileSync(tree.file('.container-notes.yaml'), 'rules: [\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.container-notes.yaml'), type: 2 }] });
    const shown = await client.waitFor('window/showMessage', () => true, 10000, mark);
    assert.match(shown.message, /^Container Notes: .*\.container-notes\.yaml:2: .*the whole file was ignored\./);
    const next = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri('app/Dockerfile'), 10000, mark);
    assert.deepEqual(next.diagnostics, []);
    assert.equal(client.exited, false);
  });
});

describe('settings from initializationOptions with a client that also offers workspace/configuration', () => {
  let client: LspClient;
  let tree: ReturnType<typeof tempTree>;

  before(async () => {
    tree = tempTree({ Dockerfile: NO_REASON });
    client = new LspClient();
    // Like Neovim and Helix: settings come in initializationOptions, and workspace/configuration
    // for `containerNotes` answers null because the client has no such section.
    client.configuration = null;
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(tree.dir).toString(),
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { settings: { requireIgnoreReason: true } },
    });
    client.notify('initialized', {});
    // The answer to this request is on its way before the test opens its document.
    await client.waitFor('workspace/configuration');
  });
  after(async () => {
    await client.stop();
    tree.remove();
  });

  test('a null configuration answer keeps the initialization settings', async () => {
    const uri = pathToFileURL(tree.file('Dockerfile')).toString();
    client.open(uri, 'dockerfile', NO_REASON);
    const published = await client.diagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['common/ignore-without-reason'],
    );
  });
});
