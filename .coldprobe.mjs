import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as bench from './bench/lib.mjs';
import { ingressShapedManifest, buildkitShapedDockerfile } from './bench/fixtures.mjs';
const which = process.argv[2] ?? 'deploy.yaml';
const text = which === 'Dockerfile' ? buildkitShapedDockerfile() : ingressShapedManifest();
const folder = mkdtempSync(join(tmpdir(), 'cn-cold-'));
writeFileSync(join(folder, which), text);
const root = pathToFileURL(folder).toString();
const prof = process.argv[3] === 'prof';
const times = [];
for (let i = 0; i < (prof ? 1 : 5); i++) {
  const client = prof
    ? new bench.LspClient('--cpu-prof', ['--cpu-prof-dir=/tmp/cold', '--max-semi-space-size=4', join(bench.ROOT, 'dist/server.js'), '--stdio'])
    : new bench.LspClient();
  if (prof) {
    /* placeholder */
  }
  await client.start({ rootUri: root, settings: {} });
  if (process.argv[4]) await new Promise((r) => setTimeout(r, +process.argv[4]));
  const uri = `${root}/${which}`;
  const ms = await bench.time(async () => {
    const first = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 60000, client.notifications.length);
    client.open(uri, which === 'Dockerfile' ? 'dockerfile' : 'yaml', text, 1);
    await first;
  });
  times.push(ms.toFixed(1));

  console.log('rss', bench.peakRssMb(client.pid));
  await client.stop();
}
console.log(which, times.join(' '));
