import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readLintFile, walk, type WalkFs } from '../../../server/src/cli/walk';
import { pathToUri, uriToPath } from '../../../server/src/common';
import { nodeFileSystem } from '../../../server/src/io';
import { scanFolders } from '../../../server/src/workspace';
import { tempTree } from '../../support/tempTree';

const relativeTo = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

describe('walker', () => {
  let tree: ReturnType<typeof tempTree>;

  before(() => {
    tree = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.generated.yaml\n!keep.generated.yaml\n',
      '.container-notes.yaml': 'rules: {}\n',
      Dockerfile: 'FROM debian:12\n',
      'deploy/app.yaml': 'apiVersion: v1\nkind: Pod\n',
      'deploy/app.generated.yaml': 'apiVersion: v1\nkind: Pod\n',
      'deploy/keep.generated.yaml': 'apiVersion: v1\nkind: Pod\n',
      'deploy/.gitignore': 'secret.yaml\n',
      'deploy/secret.yaml': 'apiVersion: v1\nkind: Secret\n',
      'build/out.yaml': 'apiVersion: v1\nkind: Pod\n',
      'node_modules/pkg/Dockerfile': 'FROM x\n',
      '.git/info/Dockerfile': 'FROM x\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
      'chart/templates/NOTES.txt': 'Installed.\n',
      'chart/templates/cm.yaml': 'kind: ConfigMap\n',
      'docs/readme.md': '# not ours\n',
      'docs/notes.txt': 'not a template\n',
    });
  });
  after(() => tree.remove());

  test('finds candidates in name order, skipping .git, node_modules, .gitignore matches and the project config', () => {
    const result = walk([tree.dir]);
    assert.deepEqual(relativeTo(tree.dir, result.files), [
      'Dockerfile',
      'chart/Chart.yaml',
      'chart/templates/NOTES.txt',
      'chart/templates/cm.yaml',
      'deploy/app.yaml',
      'deploy/keep.generated.yaml',
    ]);
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(result.missing, []);
  });

  test('a subfolder walked on its own still obeys the .gitignore files above it in the repository', () => {
    const result = walk([tree.file('deploy')]);
    assert.deepEqual(relativeTo(tree.dir, result.files), ['deploy/app.yaml', 'deploy/keep.generated.yaml']);
  });

  test('files named on the command line are checked even when ignored; missing paths are listed', () => {
    const result = walk([tree.file('build/out.yaml'), tree.file('nowhere')]);
    assert.deepEqual(relativeTo(tree.dir, result.files), ['build/out.yaml']);
    assert.deepEqual(result.missing, [tree.file('nowhere')]);
  });

  test('the policy the editor uses: vendored trees and other VCS data are skipped, build output is left to .gitignore', () => {
    const more = tempTree({
      'vendor/charts/x/Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.0.0\n',
      '.hg/Dockerfile': 'FROM x\n',
      'out/rendered.yaml': 'apiVersion: v1\nkind: Pod\n',
      'dist/rendered.yaml': 'apiVersion: v1\nkind: Pod\n',
      'chart/templates/config.txt': '{{ define "x" }}{{ end }}\n',
    });
    try {
      assert.deepEqual(relativeTo(more.dir, walk([more.dir]).files), ['chart/templates/config.txt', 'dist/rendered.yaml', 'out/rendered.yaml']);
      assert.deepEqual(
        relativeTo(more.dir, walk([more.file('vendor/charts/x')]).files),
        ['vendor/charts/x/Chart.yaml'],
        'a skipped folder named on the command line is walked',
      );
    } finally {
      more.remove();
    }
  });

  test('the same file through two paths is checked once', () => {
    const result = walk([tree.file('Dockerfile'), tree.dir]);
    assert.equal(result.files.filter((f) => f.endsWith('Dockerfile')).length, 1);
  });
});

describe('walker on bad trees', () => {
  let tree: ReturnType<typeof tempTree>;

  before(() => {
    tree = tempTree({ 'a/Dockerfile': 'FROM x\n' });
    fs.symlinkSync(tree.dir, tree.file('a/loop'));
    fs.symlinkSync(tree.file('a/missing'), tree.file('a/Dockerfile.dangling'));
    fs.symlinkSync(tree.file('a/Dockerfile'), tree.file('a/Containerfile'));
  });
  after(() => tree.remove());

  test('a symbolic link loop is reported once and not followed; a dangling link is reported', () => {
    const result = walk([tree.dir]);
    assert.deepEqual(relativeTo(tree.dir, result.files), ['a/Containerfile']);
    assert.deepEqual(
      result.skipped.map((s) => [path.relative(tree.dir, s.path), s.reason.split(':')[0]]),
      [
        ['a/Dockerfile.dangling', 'broken symbolic link (ENOENT'],
        ['a/loop', 'symbolic link loop'],
      ],
    );
  });
});

describe('symbolic links out of the linted tree', () => {
  let outside: ReturnType<typeof tempTree>;
  let tree: ReturnType<typeof tempTree>;

  before(() => {
    outside = tempTree({ 'home/Dockerfile': 'FROM debian:12\n', 'home/deploy.yaml': 'kind: Pod\n' });
    tree = tempTree({ 'repo/Dockerfile': 'FROM debian:12\n', 'repo/sub/pod.yaml': 'kind: Pod\n' });
    fs.symlinkSync(outside.file('home'), tree.file('repo/elsewhere'));
    fs.symlinkSync(outside.file('home/deploy.yaml'), tree.file('repo/linked.yaml'));
    fs.symlinkSync(tree.file('repo/sub/pod.yaml'), tree.file('repo/inside.yaml'));
  });
  after(() => {
    tree.remove();
    outside.remove();
  });

  test("the command line and the editor's scan follow links inside the tree only, and say which they passed over", () => {
    const repo = tree.file('repo');
    const result = walk([repo]);
    assert.deepEqual(relativeTo(repo, result.files), ['Dockerfile', 'inside.yaml']);
    assert.deepEqual(
      result.skipped.map((s) => [path.relative(repo, s.path), s.reason.split(',')[0]]),
      [
        ['elsewhere', 'symbolic link out of the linted folder'],
        ['linked.yaml', 'symbolic link out of the linted folder'],
      ],
    );
    const scanned = scanFolders(nodeFileSystem(), [pathToUri(repo)]).map((uri) => path.relative(repo, uriToPath(uri)));
    assert.deepEqual(scanned, ['Dockerfile', 'inside.yaml']);
  });

  test('a file named on the command line is linted wherever its link leads', () => {
    assert.deepEqual(walk([tree.file('repo/linked.yaml')]).files, [tree.file('repo/linked.yaml')]);
  });
});

describe('reading a file to lint', () => {
  let tree: ReturnType<typeof tempTree>;

  before(() => {
    tree = tempTree({
      'ok/Dockerfile': '\uFEFFFROM debian:12\n',
      'bin/Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01, 0x02]),
      'latin1/Dockerfile': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
      'big/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata:\n' + '  k: v\n'.repeat((10 * 1024 * 1024) / 7),
    });
  });
  after(() => tree.remove());

  test('text comes back without a byte-order mark', () => {
    assert.deepEqual(readLintFile(tree.file('ok/Dockerfile')), { text: 'FROM debian:12\n' });
  });

  test('binary, non-UTF-8 and 10 MB files are skipped with a reason', () => {
    assert.deepEqual(readLintFile(tree.file('bin/Dockerfile')), { reason: 'binary file (it holds NUL bytes)' });
    assert.deepEqual(readLintFile(tree.file('latin1/Dockerfile')), { reason: 'not UTF-8 text' });
    assert.deepEqual(readLintFile(tree.file('big/deploy.yaml')), { reason: '10.0 MB is over the 5 MB limit' });
  });

  test('an unreadable file is skipped with the system error', () => {
    // Tests run as root in CI, where chmod 000 does not stop reads, so the failure is injected.
    const denied: WalkFs = {
      ...fs,
      openSync: ((file: fs.PathLike, flags?: number) => {
        if (file === tree.file('ok/Dockerfile')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES' });
        return fs.openSync(file, flags ?? 'r');
      }) as WalkFs['openSync'],
    };
    const read = readLintFile(tree.file('ok/Dockerfile'), denied);
    assert.ok('reason' in read && read.reason.startsWith('cannot be read (EACCES: permission denied'), JSON.stringify(read));
  });
});
