// Shared helpers for bench scenarios: the stdio LSP client, timing statistics, peak RSS, tables.
// Scenarios live in bench/scenarios/*.mjs and export `title` and `async run(bench)` returning rows
// `{ measure, value, unit, target?, peer? }`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The test suite's stdio JSON-RPC client (built into out/ by `npm run build`). */
export const { LspClient } = require(join(ROOT, 'out/test/support/lspClient.js'));
// In-process scenarios run the server's code, so they run it in the environment the server and the
// CLI give it (see server/src/io/environment.ts).
require(join(ROOT, 'out/server/src/io/index.js')).useEnvironmentSnapshot();

/**
 * Our server as the VS Code client starts it: with a folder for V8's code cache of its bundle
 * (server/src/start.ts). A scenario that measures a cold start gives it a folder a first session
 * has already written, as every session after the first finds it in the editor.
 */
export function ourServer(codeCache) {
  return new LspClient(undefined, ['--stdio', `--compile-cache=${codeCache}`]);
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], n: sorted.length };
}

/** Milliseconds taken by an async function. */
export async function time(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `fn` `n` times (after `warmup` untimed runs) and returns the statistics in ms. */
export async function sample(n, fn, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await time(() => fn(i)));
  return stats(samples);
}

/** Peak resident set size of a process in MB (Linux VmHWM). */
export function peakRssMb(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

export function fmt(value, unit = 'ms') {
  if (typeof value !== 'number' || Number.isNaN(value)) return '-';
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

export function printTable(title, rows) {
  const header = ['measure', 'ours', 'target', 'peer'];
  const body = rows.map((r) => [r.measure, fmt(r.value, r.unit), r.target ?? '', r.peer === undefined ? '' : fmt(r.peer, r.unit)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}
