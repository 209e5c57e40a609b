// Issue 13's table: ours side by side with the two peers on the same files, push diagnostics as an
// editor without pull support sees them, three rounds alternating which server goes first, medians
// of the rounds.
// - a 512-line Dockerfile shaped like BuildKit's vs dockerfile-language-server-nodejs
// - a 19-document manifest shaped like ingress-nginx's deploy.yaml vs yaml-language-server given
//   our bundled Kubernetes schema (as a file:// URI, offline)
// - a 280-line application Compose file vs @microsoft/compose-language-service (the Compose
//   service of VS Code's Docker tooling)
// Figures: open → first diagnostics on a server that has just answered `initialize` (cold), edit →
// new diagnostics (a one-character edit, then the next publishDiagnostics), hover and completion
// p95 once warm (100 requests first: with 10, the p95 of both sides was the JIT compiling the
// request paths, not answering them), the server's peak RSS.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildkitShapedDockerfile, dispatchSchema, ingressShapedManifest, positionOf, realisticCompose } from '../fixtures.mjs';

export const title = 'Issue 13 table: ours vs peers on the same files (push diagnostics, 3 alternating rounds, medians)';

const require = createRequire(import.meta.url);
const ROUNDS = 3;
const EDITS = 30;
const EDIT_WARMUP = 10;
const REQUESTS = 300;
const REQUEST_WARMUP = 100;

function cases({ LspClient }, schemaUri) {
  const dockerfile = buildkitShapedDockerfile();
  const manifest = ingressShapedManifest();
  const compose = realisticCompose();
  return [
    {
      name: '512-line BuildKit-shaped Dockerfile',
      peerName: 'dockerfile-language-server-nodejs',
      file: 'Dockerfile',
      languageId: 'dockerfile',
      text: dockerfile,
      // A one-character edit inside a RUN, as when typing a package name.
      edit: (v) => dockerfile.replace('file bash clang', `file bash${v % 10} clang`),
      hover: [positionOf(dockerfile, 'RUN --mount', 1), positionOf(dockerfile, 'COPY --link --from=', 14), positionOf(dockerfile, 'WORKDIR $GOPATH', 10)],
      complete: [positionOf(dockerfile, 'ARG TARGETPLATFORM'), positionOf(dockerfile, 'COPY --link --from=', 19)],
      peer: () => new LspClient(require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver'), ['--stdio']),
      configurePeer: () => undefined,
    },
    {
      name: '19-document ingress-nginx-shaped manifest',
      peerName: 'yaml-language-server + schema',
      file: 'deploy.yaml',
      languageId: 'yaml',
      text: manifest,
      edit: (v) => manifest.replace('revisionHistoryLimit: 10', `revisionHistoryLimit: 1${v % 10}`),
      hover: [positionOf(manifest, 'revisionHistoryLimit', 2), positionOf(manifest, 'imagePullPolicy', 2), positionOf(manifest, 'readOnlyRootFilesystem', 2)],
      complete: [positionOf(manifest, '        imagePullPolicy'), positionOf(manifest, '  minReadySeconds')],
      peer: () => new LspClient(require.resolve('yaml-language-server/bin/yaml-language-server'), ['--stdio']),
      configurePeer: (client) =>
        client.notify('workspace/didChangeConfiguration', {
          settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: { [schemaUri]: '*.yaml' } } },
        }),
    },
    {
      name: '280-line application Compose file',
      peerName: '@microsoft/compose-language-service',
      file: 'compose.yaml',
      languageId: 'dockercompose',
      text: compose,
      edit: (v) => compose.replace('LOG_LEVEL: ${LOG_LEVEL:-info}', `LOG_LEVEL: \${LOG_LEVEL:-info${v % 10}}`),
      hover: [positionOf(compose, '  orders:', 3), positionOf(compose, 'depends_on:', 3), positionOf(compose, 'image: postgres', 3)],
      // At the start of a service's key: ours offers the service's keys (about 90, 7 KB); the peer
      // answers null there (it completes in a few places only, such as after `depends_on:`), so
      // this row compares our full answer with its empty one, which is mostly the transport.
      complete: [positionOf(compose, '    profiles:', 4), positionOf(compose, '    healthcheck:', 4)],
      // The package exports only its modules; its bin script sits two folders above the CommonJS entry.
      peer: () =>
        new LspClient(join(require.resolve('@microsoft/compose-language-service'), '..', '..', '..', 'bin', 'docker-compose-langserver'), ['--stdio']),
      configurePeer: () => undefined,
    },
  ];
}

/** What VS Code says it takes in a completion list and resolves later (vscode-languageclient 9): both servers get the same client. */
const VS_CODE_COMPLETION = {
  completion: {
    completionItem: { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
    completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
  },
};

/** One server, one file: every figure of the table. */
async function measure(bench, c, ours, root, codeCache) {
  const client = ours ? bench.ourServer(codeCache) : c.peer();
  await client.start({ rootUri: root, settings: {}, textDocumentCapabilities: VS_CODE_COMPLETION });
  if (!ours) c.configurePeer(client);
  const uri = `${root}/${c.file}`;
  // Ours publishes with the document's version; the peers without: wait for the next publish.
  const published = (version) =>
    client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (!ours || p.version === version), 60000, client.notifications.length);
  const open = await bench.time(async () => {
    const first = published(1);
    client.open(uri, c.languageId, c.text, 1);
    await first;
  });
  const edits = [];
  for (let v = 2; v < EDITS + EDIT_WARMUP + 2; v++) {
    const ms = await bench.time(async () => {
      const next = published(v);
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: c.edit(v) }] });
      await next;
    });
    if (v >= EDIT_WARMUP + 2) edits.push(ms);
  }
  const requests = (method, positions) =>
    bench.sample(REQUESTS, (i) => client.request(method, { textDocument: { uri }, position: positions[i % positions.length] }, 60000), REQUEST_WARMUP);
  const hover = await requests('textDocument/hover', c.hover);
  const completion = await requests('textDocument/completion', c.complete);
  const rss = bench.peakRssMb(client.pid);
  await client.stop();
  return { open, edit: bench.stats(edits).median, hover: hover.p95, completion: completion.p95, rss };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(bench) {
  // Outside the repository, whose .gitignore would hide the files from the workspace scan.
  const dir = mkdtempSync(join(tmpdir(), 'cn-bench-peers-'));
  const generated = JSON.parse(readFileSync(join(bench.ROOT, 'dist', 'schemas', 'kubernetes-1.36.json'), 'utf8'));
  const schemaFile = join(dir, 'kubernetes-dispatch.json');
  writeFileSync(schemaFile, JSON.stringify(dispatchSchema(generated)));
  const rows = [];
  try {
    for (const c of cases(bench, pathToFileURL(schemaFile).toString())) {
      const folder = mkdtempSync(join(dir, 'ws-'));
      writeFileSync(join(folder, c.file), c.text);
      const root = pathToFileURL(folder).toString();
      const results = { ours: [], peer: [] };
      // The first session with an empty code cache writes it; the rounds start with it, as every
      // session after the first does in the editor. Its cold open is a row of its own.
      const codeCache = mkdtempSync(join(dir, 'code-cache-'));
      const firstSession = await measure(bench, c, true, root, codeCache);
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? [true, false] : [false, true];
        for (const ours of order) results[ours ? 'ours' : 'peer'].push(await measure(bench, c, ours, root, codeCache));
      }
      const figure = (side, key) => median(results[side].map((r) => r[key]));
      const labels = {
        edit: 'edit → new diagnostics',
        open: 'open → first diagnostics (cold server)',
        hover: 'hover p95',
        completion: 'completion p95',
        rss: 'peak RSS',
      };
      rows.push({ measure: `${c.name}: open → first diagnostics, first session (empty code cache)`, value: firstSession.open, unit: 'ms', target: '' });
      for (const key of ['edit', 'open', 'hover', 'completion', 'rss']) {
        const ours = figure('ours', key);
        const peer = figure('peer', key);
        rows.push({
          measure: `${c.name} vs ${c.peerName}: ${labels[key]} (peer/ours ${(peer / ours).toFixed(2)}×)`,
          value: ours,
          peer,
          unit: key === 'rss' ? 'MB' : 'ms',
          target: TARGETS[c.file][key],
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const TARGETS = {
  Dockerfile: { edit: '≤ 25 ms, ≥ 1× peer', open: '≤ peer', hover: '', completion: '', rss: '≤ peer' },
  'deploy.yaml': { edit: '≤ 50 ms, ≥ 5× peer', open: '≤ 100 ms', hover: '', completion: '', rss: '' },
  'compose.yaml': { edit: '', open: '', hover: '', completion: '', rss: '' },
};
