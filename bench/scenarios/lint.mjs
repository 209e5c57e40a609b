// `container-notes lint` over a generated tree of 1,000 files: 450 Dockerfiles, 450 manifests and
// a chart with 100 templates, plus a .gitignore'd folder the walker must skip. Runs the built
// dist/cli.js as CI would (process start included), three times; reports the median.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHART, dockerfile, helmTemplate, manifest, writeTree } from '../fixtures.mjs';

export const title = 'container-notes lint (1,000 files)';

function generate(dir) {
  const files = { '.gitignore': 'generated/\n' };
  for (let i = 0; i < 450; i++) files[`services/svc${i}/Dockerfile`] = dockerfile(i);
  for (let i = 0; i < 450; i++) files[`deploy/team${i % 15}/app${i}.yaml`] = manifest(i);
  for (const [rel, text] of Object.entries(CHART)) files[`charts/web/${rel}`] = text;
  const chartFiles = Object.keys(CHART).length;
  for (let i = 0; i < 100 - chartFiles; i++) files[`charts/web/templates/deploy${i}.yaml`] = helmTemplate(i);
  for (let i = 0; i < 200; i++) files[`generated/x${i}.yaml`] = manifest(i);
  writeTree(dir, files);
}

/** Runs the CLI; resolves with wall time, exit code, the JSON summary and the peak RSS. */
function runCli(root, dir, rssFile) {
  // A preload records the CLI's own peak RSS as it exits.
  const preload = join(dir, '..', 'rss-preload.cjs');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', preload, join(root, 'dist', 'cli.js'), 'lint', dir, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      try {
        resolve({ ms, code, summary: JSON.parse(stdout).summary, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
      } catch (error) {
        reject(new Error(`lint failed (exit ${code}): ${stderr || error}`));
      }
    });
  });
}

export async function run({ ROOT, stats }) {
  const base = mkdtempSync(join(tmpdir(), 'cn-bench-lint-'));
  const dir = join(base, 'tree');
  try {
    generate(dir);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runCli(ROOT, dir, join(base, 'rss')));
    const { median } = stats(runs.map((r) => r.ms));
    const files = runs[0].summary.files;
    if (files !== 1000) throw new Error(`expected 1000 files checked, got ${files}`);
    return [
      { measure: 'files checked (gitignored folder skipped)', value: files, unit: 'files' },
      { measure: 'wall time, process start to exit (median of 3)', value: median, target: '≤ 10000 ms' },
      { measure: 'throughput', value: (files * 1000) / median, unit: 'files/s' },
      { measure: 'peak RSS', value: Math.max(...runs.map((r) => r.rssMb)), unit: 'MB' },
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
