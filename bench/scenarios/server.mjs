// The server over stdio, as an editor drives it: start-up, then for one Dockerfile, one manifest
// and one Helm template: first diagnostics after didOpen, re-diagnostics after an edit, hover and
// completion latency (median / p95), and the server's peak RSS at the end. Diagnostics are pulled
// (`textDocument/diagnostic`), so the figures are the work and not the push scheduling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHART, dockerfile, helmTemplate, manifest, positionOf, writeTree } from '../fixtures.mjs';

export const title = 'Server over stdio (pull diagnostics)';

const SAMPLES = 50;
/** Hovers and completions are cheap: enough of them that the p95 is not simply the third-worst, after a few untimed ones. */
const REQUEST_SAMPLES = 200;
const REQUEST_WARMUP = 5;

const DOCS = [
  { label: 'Dockerfile', rel: 'Dockerfile', languageId: 'dockerfile', text: dockerfile(1), hover: ['HEALTHCHECK', 2], complete: ['USER 10001', 0] },
  { label: 'manifest', rel: 'deploy/web.yaml', languageId: 'yaml', text: manifest(1), hover: ['containerPort', 4], complete: ['readinessProbe', 0] },
  {
    label: 'Helm template',
    rel: 'chart/templates/deployment.yaml',
    languageId: 'helm',
    text: helmTemplate(1),
    hover: ['.Values.replicaCount', 10],
    complete: ['.Values.image.pullPolicy', 8],
  },
];

export async function run({ LspClient, time, stats, peakRssMb }) {
  const dir = mkdtempSync(join(tmpdir(), 'cn-bench-server-'));
  const chart = Object.fromEntries(Object.entries(CHART).map(([rel, text]) => [`chart/${rel}`, text]));
  writeTree(dir, { ...chart, ...Object.fromEntries(DOCS.map((d) => [d.rel, d.text])) });
  let client;
  const rows = [];
  try {
    const initMs = await time(async () => {
      client = new LspClient();
      await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
    });
    rows.push({ measure: 'spawn → initialize answered', value: initMs });
    await client.request('containerNotes/notesReady', null);
    for (const doc of DOCS) {
      const uri = pathToFileURL(join(dir, doc.rel)).toString();
      const textDocument = { uri };
      const first = await time(async () => {
        client.open(uri, doc.languageId, doc.text);
        await client.request('textDocument/diagnostic', { textDocument });
      });
      const edits = [];
      for (let v = 2; v < 2 + SAMPLES; v++) {
        const text = doc.text.replace(/\n$/, `\n# edit ${v}\n`);
        edits.push(
          await time(async () => {
            client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
            await client.request('textDocument/diagnostic', { textDocument });
          }),
        );
      }
      const hoverAt = positionOf(doc.text, ...doc.hover);
      const completeAt = positionOf(doc.text, ...doc.complete);
      const hovers = [];
      const completions = [];
      for (let i = -REQUEST_WARMUP; i < REQUEST_SAMPLES; i++) {
        const hover = await time(() => client.request('textDocument/hover', { textDocument, position: hoverAt }));
        const completion = await time(() => client.request('textDocument/completion', { textDocument, position: completeAt }));
        if (i < 0) continue;
        hovers.push(hover);
        completions.push(completion);
      }
      const e = stats(edits);
      const h = stats(hovers);
      const c = stats(completions);
      rows.push(
        { measure: `${doc.label}: didOpen → first diagnostics`, value: first },
        { measure: `${doc.label}: edit → diagnostics, median`, value: e.median },
        { measure: `${doc.label}: edit → diagnostics, p95`, value: e.p95 },
        { measure: `${doc.label}: hover, median`, value: h.median },
        { measure: `${doc.label}: hover, p95`, value: h.p95 },
        { measure: `${doc.label}: completion, median`, value: c.median },
        { measure: `${doc.label}: completion, p95`, value: c.p95 },
      );
    }
    rows.push({ measure: 'peak RSS (after all of the above)', value: peakRssMb(client.pid), unit: 'MB' });
    return rows;
  } finally {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
