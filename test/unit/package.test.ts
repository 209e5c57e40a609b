import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../support/paths';
import { zipEntries } from '../support/zip';

/** Files of a repository folder, relative to the repository root with `/` separators. */
function filesUnder(folder: string): string[] {
  const dir = repoPath(folder);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .map((name) => `${folder}/${name.split(path.sep).join('/')}`);
}

test('npm run package: the .vsix holds the bundles and data files, not sources or node_modules', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'container-notes-vsix-'));
  try {
    const vsix = path.join(tmp, 'test.vsix');
    execFileSync(process.execPath, [repoPath('scripts/package.mjs'), '--out', vsix], { stdio: 'pipe', timeout: 120_000 });
    // scripts/package.mjs fails over 4 MB; the size is checked here again so the limit has a test.
    assert.ok(fs.statSync(vsix).size <= 4_000_000, `the .vsix is ${fs.statSync(vsix).size} bytes, over 4 MB`);
    const inside = zipEntries(vsix)
      .filter((name) => name.startsWith('extension/'))
      .map((name) => name.slice('extension/'.length));

    for (const required of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js']) {
      assert.ok(inside.includes(required), `${required} is missing from the .vsix`);
    }
    assert.ok(
      inside.some((name) => name.toLowerCase() === 'readme.md'),
      'README is missing',
    );
    assert.ok(
      inside.some((name) => name.toLowerCase().startsWith('license')),
      'LICENSE is missing',
    );
    // Every bundled note, snippet, grammar and generated schema ships.
    const dataFiles = ['notes', 'snippets', 'syntaxes', 'dist/schemas'].flatMap(filesUnder);
    assert.deepEqual(
      dataFiles.filter((file) => !inside.includes(file)),
      [],
      'data files missing from the .vsix',
    );

    const forbidden = inside.filter(
      (name) => /^(node_modules|client|server|test|out|scripts|bench|docs|\.e2e|\.ci|\.vscode)\//.test(name) || /\.(ts|map|vsix|tsbuildinfo)$/.test(name),
    );
    assert.deepEqual(forbidden, [], 'the .vsix holds files it should not');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

// One non-ASCII character makes V8 keep a bundle's whole source as a two-byte string (6 MB for
// the server, in each process and in its index worker); the build escapes them (scripts/build.mjs).
test('the bundles are ASCII-only', () => {
  for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js']) {
    const text = fs.readFileSync(repoPath(...bundle.split('/')), 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    assert.equal(at, -1, `${bundle}: non-ASCII at ${at}: ${JSON.stringify(text.slice(at - 40, at + 10))}`);
  }
});
