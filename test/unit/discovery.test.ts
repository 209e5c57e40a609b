import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { memoryFileSystem, pathToUri } from '../../server/src/common';
import { nodeFileSystem } from '../../server/src/io';
import {
  classifyDocument,
  discoverFiles,
  isAnalysedFile,
  listFolder,
  scanFolders,
  SKIPPED_FOLDERS,
  Workspace,
  wouldDiscover,
} from '../../server/src/workspace';
import { tempTree } from '../support/tempTree';

/** `file:///ws/<path>` for each path, the memory file system's way of naming files. */
const ws = (...paths: string[]) => paths.map((p) => `file:///ws/${p}`);
const relative = (uris: readonly string[]) => uris.map((u) => u.replace(/^file:\/\/\/ws\//, ''));
const memory = (paths: Record<string, string>) => memoryFileSystem(new Map(Object.entries(paths).map(([p, text]) => [`file:///ws/${p}`, text])));

describe('the file-discovery policy', () => {
  test('one skip list: version-control data, npm dependencies and vendored trees; build output is left to .gitignore', () => {
    assert.deepEqual([...SKIPPED_FOLDERS].sort(), ['.git', '.hg', '.svn', 'node_modules', 'vendor']);
  });

  test('the files we analyse, by name and place', () => {
    const analysed = [
      'Dockerfile',
      'Dockerfile.dev',
      'api.Dockerfile',
      'Containerfile',
      'deploy/app.yaml',
      'deploy/app.YML',
      'chart/Chart.yaml',
      'chart/templates/_helpers.tpl',
      'chart/templates/NOTES.txt',
      'chart/templates/config.txt',
      'chart/templates/sub/extra.txt',
    ];
    const not = ['README.md', 'docs/notes.txt', 'NOTES.txt', 'chart/values.json', 'main.go', '.container-notes.yaml', 'sub/.container-notes.yaml'];
    for (const uri of ws(...analysed)) assert.ok(isAnalysedFile(uri), uri);
    for (const uri of ws(...not)) assert.ok(!isAnalysedFile(uri), uri);
  });

  test('every file classifyDocument would analyse by name and place passes the check', () => {
    const paths = [
      'Dockerfile',
      'x.dockerfile',
      'pod.yaml',
      'chart/Chart.yaml',
      'chart/values.yaml',
      'chart/values-prod.yml',
      'chart/templates/deploy.yaml',
      'chart/templates/NOTES.txt',
      'chart/templates/config.txt',
      'chart/files/_extra.tpl',
      'chart/files/data.txt',
      'notes.md',
    ];
    const files = memory(Object.fromEntries(paths.map((p) => [p, 'apiVersion: v1\nkind: Pod\n'])));
    const workspace = new Workspace(files, ['file:///ws']);
    for (const uri of ws(...paths)) {
      const kind = classifyDocument(workspace, uri, '', 'apiVersion: v1\nkind: Pod\n');
      assert.equal(isAnalysedFile(uri), kind !== 'other', `${uri} is ${kind}`);
    }
  });
});

describe('the walker over a FileSystem', () => {
  const files = memory({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.generated.yaml\n!keep.generated.yaml\n',
    Dockerfile: 'FROM debian:12\n',
    'README.md': '# readme\n',
    'deploy/app.yaml': 'kind: Pod\n',
    'deploy/app.generated.yaml': 'kind: Pod\n',
    'deploy/keep.generated.yaml': 'kind: Pod\n',
    'deploy/.gitignore': 'secret.yaml\n',
    'deploy/secret.yaml': 'kind: Secret\n',
    'build/out.yaml': 'kind: Pod\n',
    'dist/rendered.yaml': 'kind: Pod\n',
    'out/rendered.yaml': 'kind: Pod\n',
    'vendor/charts/x/Chart.yaml': 'name: x\n',
    'node_modules/pkg/Dockerfile': 'FROM x\n',
    'chart/Chart.yaml': 'name: c\n',
    'chart/templates/NOTES.txt': 'Installed.\n',
    'chart/templates/config.txt': '{{ define "x" }}{{ end }}\n',
    'chart/values-local.yaml': 'a: 1\n',
    'chart/.gitignore': 'values-local.yaml\n',
  });

  test("the editor's scan: the skip list, .gitignore (negations and nested files too) and the analysed-file check", () => {
    assert.deepEqual(relative(scanFolders(files, ['file:///ws'])), [
      'Dockerfile',
      'chart/Chart.yaml',
      'chart/templates/NOTES.txt',
      'chart/templates/config.txt',
      'deploy/app.yaml',
      'deploy/keep.generated.yaml',
      'dist/rendered.yaml',
      'out/rendered.yaml',
    ]);
  });

  test('a folder scanned on its own obeys the .gitignore files above it, up to the repository root', () => {
    assert.deepEqual(relative(scanFolders(files, ['file:///ws/deploy'])), ['deploy/app.yaml', 'deploy/keep.generated.yaml']);
  });

  test("a folder's own listing (how a chart is read) ignores .gitignore but keeps the skip list", () => {
    assert.deepEqual(relative(listFolder(files, 'file:///ws/chart')), [
      'chart/Chart.yaml',
      'chart/templates/NOTES.txt',
      'chart/templates/config.txt',
      'chart/values-local.yaml',
    ]);
    const all = relative(listFolder(files, 'file:///ws'));
    assert.ok(all.includes('build/out.yaml') && all.includes('deploy/secret.yaml'), 'ignored files are listed');
    assert.ok(!all.some((p) => p.startsWith('vendor/') || p.startsWith('node_modules/')), 'skipped folders are not');
    assert.deepEqual(relative(listFolder(files, 'file:///ws/vendor/charts/x')), ['vendor/charts/x/Chart.yaml'], 'a vendored chart listed from its own root');
  });

  test('the limits stop a walk of a huge tree', () => {
    assert.deepEqual(relative(scanFolders(files, ['file:///ws'], { maxFiles: 2, maxDepth: 20 })), ['Dockerfile', 'chart/Chart.yaml']);
    assert.deepEqual(relative(scanFolders(files, ['file:///ws'], { maxFiles: 100, maxDepth: 0 })), ['Dockerfile']);
  });

  test('a file given as a root is always kept; roots are walked in order, each file once', () => {
    const found = discoverFiles(
      files,
      [
        { uri: 'file:///ws/README.md', isFolder: false },
        { uri: 'file:///ws/deploy', isFolder: true },
        { uri: 'file:///ws/deploy/app.yaml', isFolder: false },
      ],
      {
        gitignore: true,
      },
    );
    assert.deepEqual(relative(found.files), ['README.md', 'deploy/app.yaml', 'deploy/keep.generated.yaml']);
    assert.deepEqual(found.skipped, []);
  });

  test('a file that appears later is taken in only if a scan would have found it', () => {
    const known = (path: string) => wouldDiscover(files, ['file:///ws'], `file:///ws/${path}`);
    assert.ok(known('deploy/new.yaml'));
    assert.ok(known('chart/templates/more.txt'));
    assert.ok(!known('README.md'), 'not a file we analyse');
    assert.ok(!known('vendor/charts/x/values.yaml'), 'under a skipped folder');
    assert.ok(!known('build/new.yaml'), 'in an ignored folder');
    assert.ok(!known('deploy/secret.yaml'), 'ignored by deploy/.gitignore');
    assert.ok(!known('deploy/x.generated.yaml'), 'ignored by the root .gitignore');
    assert.ok(!wouldDiscover(files, ['file:///ws/deploy'], 'file:///ws/Dockerfile'), 'outside the folders');
  });
});

describe('the workspace model', () => {
  const files = memory({
    Dockerfile: 'FROM debian:12\n',
    'vendor/app/Chart.yaml': 'name: app\n',
    'vendor/app/values.yaml': 'a: 1\n',
    'vendor/app/templates/cm.yaml': 'a: {{ .Values.a }}\n',
  });

  test('lists the files under a folder from disk, whatever the scan skipped, open documents included', () => {
    const workspace = new Workspace(files, ['file:///ws']);
    workspace.setFiles(scanFolders(files, ['file:///ws']));
    assert.deepEqual(relative(workspace.files()), ['Dockerfile']);
    assert.deepEqual(relative(workspace.filesUnder('file:///ws/vendor/app')), [
      'vendor/app/Chart.yaml',
      'vendor/app/templates/cm.yaml',
      'vendor/app/values.yaml',
    ]);
    workspace.openDocument(TextDocument.create('file:///ws/vendor/app/templates/new.yaml', 'helm', 1, ''));
    assert.deepEqual(relative(workspace.filesUnder('file:///ws/vendor/app')), [
      'vendor/app/Chart.yaml',
      'vendor/app/templates/cm.yaml',
      'vendor/app/templates/new.yaml',
      'vendor/app/values.yaml',
    ]);
  });

  test('a file the watcher reports is known only if a scan would list it; a listing follows files that appear', () => {
    const disk = new Map([['file:///ws/vendor/app/Chart.yaml', 'name: app\n']]);
    const workspace = new Workspace(memoryFileSystem(disk), ['file:///ws']);
    assert.deepEqual(relative(workspace.filesUnder('file:///ws/vendor/app')), ['vendor/app/Chart.yaml']);
    for (const p of ['notes.md', 'node_modules/x/Dockerfile', 'vendor/app/values.yaml', 'deploy/app.yaml']) {
      disk.set(`file:///ws/${p}`, 'x\n');
      workspace.fileChanged(`file:///ws/${p}`);
    }
    assert.deepEqual(relative(workspace.files()), ['deploy/app.yaml']);
    assert.deepEqual(relative(workspace.filesUnder('file:///ws/vendor/app')), ['vendor/app/Chart.yaml', 'vendor/app/values.yaml']);
  });
});

describe('the walker over node fs (links, loops, kinds)', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      'shared/values-common.yaml': 'b: 2\n',
      'chart/Chart.yaml': 'name: c\n',
      'chart/values.yaml': 'a: 1\n',
    });
    fs.symlinkSync(tree.file('shared/values-common.yaml'), tree.file('chart/values-linked.yaml'));
    fs.symlinkSync(tree.dir, tree.file('chart/loop'));
    fs.symlinkSync(tree.file('chart/missing.yaml'), tree.file('chart/values-dangling.yaml'));
  });
  after(() => tree.remove());

  test("the editor's scan follows links (a linked values file is the chart's), cuts loops and lists a file once", () => {
    const uri = (p: string) => pathToUri(tree.file(p));
    assert.deepEqual(scanFolders(nodeFileSystem(), [pathToUri(tree.dir)]), [
      uri('chart/Chart.yaml'),
      uri('chart/values-linked.yaml'),
      uri('chart/values.yaml'),
    ]);
    const found = discoverFiles(nodeFileSystem(), [{ uri: pathToUri(tree.dir), isFolder: true }], { gitignore: true });
    assert.deepEqual(
      found.skipped.map((s) => [s.uri, s.reason]),
      [
        [uri('chart/loop'), 'link-loop'],
        [uri('chart/values-dangling.yaml'), 'broken-link'],
      ],
    );
  });
});
