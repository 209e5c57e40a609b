// Whole-workspace scale (issue 13 item 6): a generated workspace of 5,000 manifest files and 300
// charts. One manifest is opened as soon as the server answers `initialize`; while the server
// scans the folders and builds its index between requests, that file is hovered and its
// diagnostics pulled over and over. Figures: time until the index is complete (the server logs
// it), hover and diagnostics latency meanwhile (requests never wait for the index), peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { largeWorkspace, manifest } from '../fixtures.mjs';

export const title = 'Workspace of 5,000 manifests and 300 charts: indexing while answering';

const INDEXED = /workspace index: (\d+) files in (\d+) ms/;

export async function run(bench) {
  const dir = mkdtempSync(join(tmpdir(), 'cn-bench-workspace-'));
  const client = new bench.LspClient();
  try {
    const files = largeWorkspace(dir);
    const rel = files.find((f) => f.startsWith('deploy/'));
    const uri = pathToFileURL(join(dir, rel)).toString();
    const text = manifest(0);
    const started = performance.now();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true, settings: {} });
    const indexed = client.waitFor('window/logMessage', (p) => INDEXED.test(p.message), 600_000);
    let done = false;
    let indexMs = NaN;
    let indexedFiles = NaN;
    indexed.then((p) => {
      done = true;
      indexMs = performance.now() - started;
      indexedFiles = Number(INDEXED.exec(p.message)[1]);
    });
    client.open(uri, 'yaml', text, 1);
    const position = { line: text.split('\n').findIndex((l) => l.includes('containerPort')), character: 16 };
    const hovers = [];
    const pulls = [];
    for (let i = 0; !done; i++) {
      hovers.push(await bench.time(() => client.request('textDocument/hover', { textDocument: { uri }, position }, 60_000)));
      if (i % 10 === 0) pulls.push(await bench.time(() => client.request('textDocument/diagnostic', { textDocument: { uri } }, 60_000)));
    }
    await indexed;
    const h = bench.stats(hovers);
    const d = bench.stats(pulls);
    return [
      { measure: `files written (${files.length}); workspace files when the index completed (${indexedFiles})`, value: NaN },
      { measure: 'initialize → index complete', value: indexMs, target: '≤ 10 s' },
      { measure: `hover while indexing, median (${h.n} hovers)`, value: h.median },
      { measure: 'hover while indexing, p95', value: h.p95, target: '≤ 5 ms' },
      { measure: `diagnostics pull while indexing, median (${d.n} pulls)`, value: d.median },
      { measure: 'diagnostics pull while indexing, p95', value: d.p95 },
      { measure: 'peak RSS', value: bench.peakRssMb(client.pid), unit: 'MB', target: '≤ 400 MB' },
    ];
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
