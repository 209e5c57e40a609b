import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listNoteFiles, loadNoteFile, readProjectConfigFile, readTextFile } from '../../../server/src/io';

// The special-files reproducers of the adversarial run (../shared/repro/special-files.sh): a
// `.container-notes.yaml`, `.gitignore` or notes file that is a FIFO, a link to /dev/zero or a
// sparse 2 GB file. Each used to block, grow the process without bound or hang the CLI.
describe('special files are refused before they are read', () => {
  let dir: string;
  const place = (name: string) => path.join(dir, name);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-special-'));
    execFileSync('mkfifo', [place('fifo.yaml')]);
    fs.symlinkSync('/dev/zero', place('zero.yaml'));
    fs.writeFileSync(place('sparse.yaml'), '');
    fs.truncateSync(place('sparse.yaml'), 2 * 1024 ** 3);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('readTextFile: a FIFO and a device are not regular files, a sparse 2 GB file is too large', () => {
    assert.deepEqual(readTextFile(place('fifo.yaml')), { problem: 'not-a-file' });
    assert.deepEqual(readTextFile(place('zero.yaml')), { problem: 'not-a-file' });
    assert.deepEqual(readTextFile(place('sparse.yaml')), { problem: 'too-large', bytes: 2 * 1024 ** 3 });
  });

  test('a project config that is a FIFO or a link to /dev/zero gives a problem and an empty config', () => {
    for (const name of ['fifo.yaml', 'zero.yaml']) {
      const loaded = readProjectConfigFile(place(name));
      assert.deepEqual(loaded?.problems, [{ message: 'is not read: not a regular file' }]);
      assert.deepEqual(loaded?.config.notesPaths, []);
    }
  });

  test('a notes path naming a FIFO is skipped with a message', async () => {
    const messages: string[] = [];
    const files = await listNoteFiles(place('fifo.yaml'), (m) => messages.push(m));
    assert.deepEqual(files, []);
    assert.equal(await loadNoteFile(place('fifo.yaml'), 'user', (m) => messages.push(m)), undefined);
    assert.match(messages.join('\n'), /fifo\.yaml: it is not a regular file/);
  });

  test('the CLI lints a tree whose .container-notes.yaml and .gitignore are FIFOs, and says so', () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-special-tree-'));
    try {
      fs.mkdirSync(path.join(tree, '.git'));
      fs.writeFileSync(path.join(tree, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
      execFileSync('mkfifo', [path.join(tree, '.container-notes.yaml')]);
      execFileSync('mkfifo', [path.join(tree, '.gitignore')]);
      const run = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'lint', '--no-color', '.'], { cwd: tree, encoding: 'utf8', timeout: 60_000 });
      assert.equal(run.signal, null, 'the CLI was still running after 60 s');
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /\.container-notes\.yaml: is not read: not a regular file/);
      assert.match(run.stdout, /1 file checked/);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
