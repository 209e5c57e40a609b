import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type CliEnvironment, main } from '../../../server/src/cli/index';
import { testResources } from '../../support/fixture';
import { tempTree } from '../../support/tempTree';

/** Runs main() in `cwd` with captured streams. */
async function run(cwd: string, argv: string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliEnvironment = {
    cwd,
    env: options.env ?? {},
    stdout: { isTTY: options.tty, write: (t: string) => (stdout += t) },
    stderr: { isTTY: options.tty, write: (t: string) => (stderr += t) },
    version: '9.9.9',
    bundledNotesDir: '/nonexistent/notes',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

// On this branch the language modules are stubs, so findings come from the common rule that asks
// ignore comments for a reason (on when the project config says `requireIgnoreReason: true`).
const NO_REASON = 'FROM debian:12\n# container-notes ignore=dockerfile/latest-tag\nRUN true\n';

describe('command line', () => {
  test('--help, --version and usage errors', async () => {
    const help = await run('/', ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: container-notes lint \[options\] \[paths…\]/);
    assert.deepEqual(await run('/', ['--version']), { code: 0, stdout: '9.9.9\n', stderr: '' });
    assert.deepEqual(await run('/', ['lint', '--version']), { code: 0, stdout: '9.9.9\n', stderr: '' });
    const bad = await run('/', ['lint', '--max-warning', '3']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown option `--max-warning`; did you mean `--max-warnings`\?/);
    assert.equal((await run('/', ['check'])).code, 2);
    assert.match((await run('/', ['lint', '--format', 'xml'])).stderr, /`--format` is one of text, json, sarif \(not `xml`\)/);
    assert.match(
      (await run('/', ['lint', '--kubernetes-version', '1.2'])).stderr,
      /Kubernetes 1.2 is not bundled; supported: 1\.36, 1\.33 \(the nearest is 1\.33\)\./,
    );
    assert.match((await run('/', ['lint', '--kubernetes-version', 'latest'])).stderr, /Kubernetes latest is not bundled; supported: 1\.36, 1\.33\./);
    assert.match((await run('/', ['lint', '--max-warnings=x'])).stderr, /needs a whole number/);
  });
});

describe('lint exit codes, selection and project config', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      '.git/HEAD': '',
      '.container-notes.yaml': 'requireIgnoreReason: true\nignore:\n  - rule: common/ignore-without-reason\n    paths: ["legacy/**"]\n    reason: frozen\n',
      'app/Dockerfile': NO_REASON,
      'legacy/Dockerfile': NO_REASON,
      'plain.yaml': 'jobs: {}\n',
    });
  });
  after(() => tree.remove());

  test('warnings alone exit 0; the config ignore drops the legacy finding', async () => {
    const r = await run(tree.dir, ['lint']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'app/Dockerfile:2:3 warning common/ignore-without-reason Add a reason after "--" to this ignore comment; the project requires one.',
        '',
        '1 problem (0 errors, 1 warning) in 1 of 2 files checked (1 other file left alone).',
        '',
      ].join('\n'),
    );
  });

  test('--max-warnings N exits 1 only above N', async () => {
    assert.equal((await run(tree.dir, ['lint', '--max-warnings', '1'])).code, 0);
    const over = await run(tree.dir, ['lint', '--max-warnings', '0']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warnings is over the limit of --max-warnings 0/);
  });

  test('errors exit 1 (severity from a config file named with --config)', async () => {
    fs.writeFileSync(tree.file('strict.cfg'), 'requireIgnoreReason: true\nrules:\n  common/ignore-without-reason: error\n');
    const r = await run(tree.dir, ['lint', '--config', 'strict.cfg', '-f', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout).summary, { errors: 2, warnings: 0, infos: 0, hints: 0, files: 2, leftAlone: 1, skipped: 0, missing: 0 });
  });

  test('--rule keeps only the named rules; --disable drops them', async () => {
    const only = await run(tree.dir, ['lint', '--rule', 'dockerfile/*', '-f', 'json']);
    assert.equal(JSON.parse(only.stdout).summary.warnings, 0);
    assert.equal(JSON.parse((await run(tree.dir, ['lint', '--rule', 'common/*', '-f', 'json'])).stdout).summary.warnings, 1);
    const disabled = await run(tree.dir, ['lint', '--disable', 'common/ignore-without-reason']);
    assert.match(disabled.stdout, /^No problems in 2 files checked \(1 other file left alone\)\./);
    assert.match((await run(tree.dir, ['lint', '--disable', 'dockerfile/latset-tag'])).stderr, /no rule `dockerfile\/latset-tag` is known/);
  });

  test('a config file named with --config must exist', async () => {
    assert.deepEqual(await run(tree.dir, ['lint', '--config', 'nowhere.yaml']), {
      code: 2,
      stdout: '',
      stderr: 'container-notes: --config nowhere.yaml: no such file.\n',
    });
  });

  test('--no-config ignores the project config', async () => {
    assert.match((await run(tree.dir, ['lint', '--no-config'])).stdout, /^No problems in 2 files checked \(1 other file left alone\)\./);
  });

  test('a broken config is reported and the defaults apply; the run does not crash', async () => {
    fs.writeFileSync(tree.file('broken.cfg'), 'rules: [\n');
    const r = await run(tree.dir, ['lint', '--config', 'broken.cfg']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: broken\.cfg:2: .*; the whole file was ignored\./);
    assert.match(r.stdout, /^No problems in 2 files checked \(1 other file left alone\)\./);
  });

  test('a missing or empty folder is a clean run that says what it did not find', async () => {
    fs.mkdirSync(tree.file('empty'));
    assert.deepEqual(await run(tree.dir, ['lint', 'empty']), { code: 0, stdout: 'No problems in 0 files checked.\n', stderr: '' });
    const missing = await run(tree.dir, ['lint', 'test/corpus']);
    assert.equal(missing.code, 0);
    assert.equal(missing.stdout, 'No problems in 0 files checked.\n1 path not found:\n  not found: test/corpus\n');
  });

  test('colour on a terminal unless NO_COLOR is set', async () => {
    assert.match((await run(tree.dir, ['lint'], { tty: true })).stdout, /\u001b\[33mwarning/);
    assert.doesNotMatch((await run(tree.dir, ['lint'], { tty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b/);
    assert.match((await run(tree.dir, ['lint', '--color'])).stdout, /\u001b\[33mwarning/);
  });

  test('--output writes the report to a file', async () => {
    const r = await run(tree.dir, ['lint', '-f', 'sarif', '-o', 'out.sarif']);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(tree.file('out.sarif'), 'utf8')).version, '2.1.0');
  });
});

describe('progress', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 320; i++) files[`svc${i}/Dockerfile`] = 'FROM debian:12\n';
    tree = tempTree(files);
  });
  after(() => tree.remove());

  test('a progress line on a terminal for a big tree, erased at the end; nothing when piped', async () => {
    const tty = await run(tree.dir, ['lint'], { tty: true });
    assert.match(tty.stderr, /\r\u001b\[2Kcontainer-notes: 320\/320 files \(100%\)/);
    assert.ok(tty.stderr.endsWith('\r\u001b[2K'));
    assert.equal((await run(tree.dir, ['lint'])).stderr, '');
  });
});

describe('bad input', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      'good/Dockerfile': 'FROM debian:12\n',
      'bin/Dockerfile': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00]),
      'huge/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata:\n' + '  key: value\n'.repeat((10 * 1024 * 1024) / 13),
      'latin1/app.yaml': Buffer.from('apiVersion: v1\nkind: Pod\n# caf\xe9\n', 'latin1'),
    });
    fs.symlinkSync(tree.dir, tree.file('good/loop'));
  });
  after(() => tree.remove());

  test('binary, oversized, non-UTF-8 files and symlink loops are reported and skipped; the run finishes', async () => {
    const r = await run(tree.dir, ['lint']);
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      [
        'No problems in 1 file checked.',
        '4 files skipped:',
        '  skipped good/loop: symbolic link loop: it leads back to ' + tree.dir,
        '  skipped bin/Dockerfile: binary file (it holds NUL bytes)',
        '  skipped huge/deploy.yaml: 10.0 MB is over the 5 MB limit',
        '  skipped latin1/app.yaml: not UTF-8 text',
        '',
      ].join('\n'),
    );
    const json = await run(tree.dir, ['lint', '-f', 'json']);
    assert.equal(JSON.parse(json.stdout).skipped.length, 4);
    assert.match(json.stderr, /container-notes: skipped bin\/Dockerfile: binary file/);
  });
});

describe('lint --kubernetes-version', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      '.git/HEAD': '',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostnameOverride: web-0\n  containers: [{ name: web, image: nginx:1.27.3 }]\n',
    });
  });
  after(() => tree.remove());

  test('checks against the named bundled version (1.33 does not know Pod hostnameOverride)', async () => {
    const lint = async (extra: string[]) => {
      let stdout = '';
      const io: CliEnvironment = {
        cwd: tree.dir,
        env: {},
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true },
        version: '9.9.9',
        bundledNotesDir: '/nonexistent/notes',
        resources: testResources(),
      };
      await main(['lint', '--rule', 'k8s/unknown-field', ...extra], io);
      return stdout;
    };
    assert.match(await lint([]), /^No problems in 1 file checked/);
    assert.match(await lint(['--kubernetes-version', '1.33']), /pod\.yaml:6:3 error k8s\/unknown-field Unknown field "hostnameOverride"/);
    // A patch release names its minor.
    assert.match(await lint(['--kubernetes-version', 'v1.33.4']), /pod\.yaml:6:3 error k8s\/unknown-field Unknown field "hostnameOverride"/);
  });
});
