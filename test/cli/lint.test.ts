import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { repoPath } from '../support/paths';
import { tempTree } from '../support/tempTree';
import { sarifValidator } from '../support/sarif';

/** The built command line, as CI runs it: `node dist/cli.js …`. */
function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [repoPath('dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('node dist/cli.js lint', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      '.git/HEAD': '',
      '.gitignore': 'generated/\n',
      '.container-notes.yaml': 'requireIgnoreReason: true\nrules:\n  common/ignore-without-reason: error\n',
      Dockerfile: 'FROM debian:12\n# container-notes ignore=dockerfile/latest-tag\nRUN true\n',
      'generated/Dockerfile': 'FROM debian:12\n# container-notes ignore=dockerfile/latest-tag\nRUN true\n',
      'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'chart/values.yaml': 'image: { tag: "1.0" }\n',
      'chart/templates/deploy.yaml': '{{/* container-notes ignore=helm/x */}}\nkind: Deployment\n',
    });
  });
  after(() => tree.remove());

  test('text report and exit code 1 on errors', () => {
    const r = cli(tree.dir, 'lint');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      [
        'Dockerfile:2:3 error common/ignore-without-reason Add a reason after "--" to this ignore comment; the project requires one.',
        '',
        'chart/templates/deploy.yaml:1:6 error common/ignore-without-reason Add a reason after "--" to this ignore comment; the project requires one.',
        '',
        '2 problems (2 errors, 0 warnings) in 2 of 5 files checked.',
        '',
      ].join('\n'),
    );
  });

  test('SARIF output validates against the SARIF 2.1.0 schema', () => {
    const r = cli(tree.dir, 'lint', '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const validate = sarifValidator();
    const log = JSON.parse(r.stdout);
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.runs[0].results.length, 2);
  });

  test('--disable brings the exit code back to 0; --version and --help answer', () => {
    assert.equal(cli(tree.dir, 'lint', '--disable', 'common/ignore-without-reason', '.').code, 0);
    assert.match(cli(tree.dir, '--version').stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(cli(tree.dir, '--help').code, 0);
    assert.equal(cli(tree.dir).code, 0);
  });

  test('`container-notes lint test/corpus` works from the repository root, corpus or not', () => {
    const r = cli(repoPath(), 'lint', 'test/corpus', '--format', 'json');
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).tool.name, 'container-notes');
  });
});
