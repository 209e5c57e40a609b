// Typing latency (issue 13 item 2): a 2,000-line manifest and a 2,000-line Helm template, edited
// one character at a time as when typing a value, with a hover (or a completion) sent right after
// each edit. The figure is the time from sending the request to its answer, so it includes
// whatever the server still does for the edit; diagnostics are pushed meanwhile, as the
// scheduler decides.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHART, helmTemplate, manifest, positionOf, writeTree } from '../fixtures.mjs';

export const title = 'Typing latency: hover / completion right after an edit (2,000-line files)';

const EDITS = 200;
const WARMUP = 20;

/** Documents `make(0)`, `make(1)`, … until they have `lines` lines, as one multi-document file. */
function repeatTo(lines, make) {
  const docs = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const doc = make(i).replace(/\n$/, '');
    docs.push(doc);
    count += doc.split('\n').length + 1;
  }
  return docs.join('\n---\n') + '\n';
}

const FILES = [
  {
    label: '2,000-line manifest',
    rel: 'deploy/big.yaml',
    languageId: 'yaml',
    text: repeatTo(2000, manifest),
    // Typing in the middle of the file: an image tag grows and shrinks by one character.
    typeAt: 'web:1.20.0',
    hover: ['containerPort', 4],
    complete: ['readinessProbe', 0],
  },
  {
    label: '2,000-line Helm template',
    rel: 'chart/templates/big.yaml',
    languageId: 'helm',
    text: repeatTo(2000, helmTemplate),
    // Typing in the middle of the file: a release name's suffix grows and shrinks by one character.
    typeAt: '" . }}-35',
    hover: ['.Values.replicaCount', 10],
    complete: ['.Values.image.pullPolicy', 8],
  },
];

export async function run(bench) {
  const dir = mkdtempSync(join(tmpdir(), 'cn-bench-typing-'));
  const chart = Object.fromEntries(Object.entries(CHART).map(([rel, text]) => [`chart/${rel}`, text]));
  writeTree(dir, { ...chart, ...Object.fromEntries(FILES.map((f) => [f.rel, f.text])) });
  const rows = [];
  const client = new bench.LspClient();
  try {
    await client.start({ rootUri: pathToFileURL(dir).toString(), settings: {} });
    for (const file of FILES) {
      const uri = pathToFileURL(join(dir, file.rel)).toString();
      const textDocument = { uri };
      client.open(uri, file.languageId, file.text, 1);
      await client.diagnostics(uri, 1, 60000);
      const typed = file.text.indexOf(file.typeAt) + file.typeAt.length;
      const hoverAt = positionOf(file.text, ...file.hover);
      const completeAt = positionOf(file.text, ...file.complete);
      const hovers = [];
      const completions = [];
      for (let v = 2; v < EDITS + WARMUP + 2; v++) {
        // Odd versions add a character at the end of the typed word, even ones take it away again.
        const text = v % 2 ? file.text.slice(0, typed) + String(v % 10) + file.text.slice(typed) : file.text;
        client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
        const hover = v % 2 === 0;
        const ms = await bench.time(() =>
          hover
            ? client.request('textDocument/hover', { textDocument, position: hoverAt }, 60000)
            : client.request('textDocument/completion', { textDocument, position: completeAt }, 60000),
        );
        if (v < WARMUP + 2) continue;
        (hover ? hovers : completions).push(ms);
      }
      const h = bench.stats(hovers);
      const c = bench.stats(completions);
      rows.push(
        { measure: `${file.label}: hover after an edit, median`, value: h.median },
        { measure: `${file.label}: hover after an edit, p95`, value: h.p95, target: '≤ 10 ms' },
        { measure: `${file.label}: completion after an edit, median`, value: c.median },
        { measure: `${file.label}: completion after an edit, p95`, value: c.p95, target: '≤ 10 ms' },
      );
    }
    rows.push({ measure: 'peak RSS', value: bench.peakRssMb(client.pid), unit: 'MB' });
    return rows;
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
