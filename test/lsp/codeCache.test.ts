import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

// dist/server.js runs the server bundle with V8's code cache kept in the folder given by
// `--compile-cache=` (server/src/start.ts): written by the first session, read by the next, written
// again when V8 refuses it, and never a reason for the server not to answer.

const DOCKERFILE = 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["sh"]\n';

/** One session: open a Dockerfile, wait for its diagnostics, hover, stop. Returns the hover. */
async function session(folder: string, workspace: string): Promise<unknown> {
  const client = new LspClient(undefined, ['--stdio', `--compile-cache=${folder}`]);
  try {
    await client.start({ rootUri: pathToFileURL(workspace).toString() });
    const uri = pathToFileURL(path.join(workspace, 'Dockerfile')).toString();
    const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 30_000);
    client.open(uri, 'dockerfile', DOCKERFILE, 1);
    await published;
    return await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
  } finally {
    await client.stop();
  }
}

const cacheFiles = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.v8cache')) : []);

test('the first session writes the code cache, the next one reads it, and a refused cache is written again', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-code-cache-'));
  const folder = path.join(root, 'cache');
  try {
    fs.writeFileSync(path.join(root, 'Dockerfile'), DOCKERFILE);
    assert.ok(await session(folder, root));
    const [name] = cacheFiles(folder);
    assert.match(name ?? '', /^server-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    const file = path.join(folder, name);
    assert.equal(fs.statSync(folder).mode & 0o777, 0o700, 'the folder is the user’s alone');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const written = fs.statSync(file);

    assert.ok(await session(folder, root));
    assert.deepEqual(fs.statSync(file).mtimeMs, written.mtimeMs, 'an accepted cache is not written again');

    fs.writeFileSync(file, 'not a code cache');
    assert.ok(await session(folder, root), 'a refused cache does not stop the server');
    assert.ok(fs.statSync(file).size > 1000, 'the refused cache is replaced');
    assert.deepEqual(cacheFiles(folder), [name]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a code cache that is a link or a folder is not read, and the server answers', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-code-cache-'));
  const folder = path.join(root, 'cache');
  try {
    fs.writeFileSync(path.join(root, 'Dockerfile'), DOCKERFILE);
    await session(folder, root);
    const [name] = cacheFiles(folder);
    fs.rmSync(path.join(folder, name));
    fs.symlinkSync('/dev/zero', path.join(folder, name));
    assert.ok(await session(folder, root));
    assert.ok(fs.lstatSync(path.join(folder, name)).isFile(), 'the link is replaced by a cache file');
    fs.rmSync(path.join(folder, name));
    fs.mkdirSync(path.join(folder, name));
    assert.ok(await session(folder, root), 'a folder in its place does not stop the server');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
