// Kubernetes manifests, side by side with yaml-language-server --stdio given the same generated
// schema (as a file:// URI, offline): a 20-document manifest and a 1 MB CRD file. Ours is asked
// with pull diagnostics (textDocument/diagnostic), which measures the work alone; yaml-language-server
// pushes (it validates on every change), so its figure is open/change → publishDiagnostics.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dispatchSchema, positionOf } from '../fixtures.mjs';

export const title = 'Kubernetes manifests (ours vs yaml-language-server 2.0.0, same schema)';

const require = createRequire(import.meta.url);

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: bench
  labels: { app: app-${i} }
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.0.0
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          livenessProbe:
            httpGet: { path: /healthz, port: http }
          readinessProbe:
            httpGet: { path: /ready, port: http }
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: bench
spec:
  selector: { app: app-${i} }
  ports:
    - port: 80
      targetPort: http`;
}

/** 20 documents: 10 Deployments and their Services. */
function manifest20() {
  const docs = [];
  for (let i = 0; i < 10; i++) docs.push(deployment(i), service(i));
  return docs.join('\n---\n') + '\n';
}

/** A CRD whose openAPIV3Schema is about 1 MB (many documented nested properties). */
function crd1mb() {
  const lines = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.bench.example.com',
    'spec:',
    '  group: bench.example.com',
    '  scope: Namespaced',
    '  names: { kind: Widget, plural: widgets }',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    '              properties:',
  ];
  let size = lines.join('\n').length;
  for (let i = 0; size < 1024 * 1024; i++) {
    const block = [
      `                field${i}:`,
      '                  type: object',
      `                  description: Settings group ${i} of the widget; each nested value below is documented so the schema reads like a real generated CRD.`,
      '                  properties:',
      '                    enabled: { type: boolean, description: Turns this group on. }',
      '                    replicas: { type: integer, minimum: 0, description: How many copies run. }',
      '                    mode: { type: string, enum: [fast, safe, off], description: Trade-off between speed and safety. }',
      '                    labels: { type: object, additionalProperties: { type: string } }',
    ];
    lines.push(...block);
    size += block.join('\n').length + 1;
  }
  return lines.join('\n') + '\n';
}

async function measure(bench, client, { pull, uri, text, edited, hoverAt, completeAt }) {
  const { time, sample } = bench;
  // yaml-language-server publishes without a version: wait for the next publish after the change.
  const published = () => client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 60000, client.notifications.length);
  const pulled = () => client.request('textDocument/diagnostic', { textDocument: { uri } }, 60000);
  const first = await time(async () => {
    const waiting = pull ? undefined : published();
    client.open(uri, 'yaml', text, 1);
    await (pull ? pulled() : waiting);
  });
  let version = 1;
  const again = await sample(
    10,
    async () => {
      version++;
      const waiting = pull ? undefined : published();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: version % 2 ? text : edited }] });
      await (pull ? pulled() : waiting);
    },
    1,
  );
  const hover = await sample(50, () => client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt }, 60000));
  const completion = await sample(50, () => client.request('textDocument/completion', { textDocument: { uri }, position: completeAt }, 60000));
  return { first, again: again.median, hover: hover.p95, completion: completion.p95 };
}

export async function run(bench) {
  // Outside the repository: its .gitignore (which lists .bench/) would hide the files from the
  // workspace scan, as it would in a user's repository.
  const dir = mkdtempSync(join(tmpdir(), 'cn-bench-kubernetes-'));
  const generated = JSON.parse(readFileSync(join(bench.ROOT, 'dist', 'schemas', 'kubernetes-1.36.json'), 'utf8'));
  const schemaFile = join(dir, 'kubernetes-dispatch.json');
  writeFileSync(schemaFile, JSON.stringify(dispatchSchema(generated)));
  const schemaUri = pathToFileURL(schemaFile).toString();

  const small = manifest20();
  const big = crd1mb();
  const cases = [
    {
      name: '20-document manifest',
      file: 'manifest.yaml',
      text: small,
      edited: small.replace('replicas: 2', 'replicas: 3'),
      hoverAt: positionOf(small, 'replicas'),
      completeAt: positionOf(small, '          ports:'),
    },
    {
      name: '1 MB CRD',
      file: 'crd.yaml',
      text: big,
      edited: big.replace('Settings group 7 ', 'Settings group 7b '),
      hoverAt: positionOf(big, 'openAPIV3Schema'),
      completeAt: positionOf(big, '      served: true'),
    },
  ];
  // One workspace folder per case, so neither server indexes the other case's file.
  for (const c of cases) {
    mkdirSync(join(dir, c.file.replace('.yaml', '')), { recursive: true });
    writeFileSync(join(dir, c.file.replace('.yaml', ''), c.file), c.text);
  }

  // Ours with a code cache that a first session opening the 20-document manifest wrote (bench/lib.mjs ourServer).
  const codeCache = join(dir, 'code-cache');
  const first = bench.ourServer(codeCache);
  const firstRoot = pathToFileURL(join(dir, 'manifest')).toString();
  await first.start({ rootUri: firstRoot, pullDiagnostics: true, settings: {} });
  first.open(`${firstRoot}/manifest.yaml`, 'yaml', small, 1);
  await first.request('textDocument/diagnostic', { textDocument: { uri: `${firstRoot}/manifest.yaml` } }, 60000);
  await first.stop();
  const results = {};
  for (const peer of [false, true]) {
    for (const c of cases) {
      const root = pathToFileURL(join(dir, c.file.replace('.yaml', ''))).toString();
      const client = peer ? new bench.LspClient(require.resolve('yaml-language-server/bin/yaml-language-server'), ['--stdio']) : bench.ourServer(codeCache);
      await client.start({ rootUri: root, pullDiagnostics: !peer, settings: {} });
      if (peer) {
        client.notify('workspace/didChangeConfiguration', {
          settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: { [schemaUri]: '*.yaml' } } },
        });
      }
      const uri = `${root}/${c.file}`;
      // Our server loads its notes right after start-up; wait for them like an
      // editor that opens a file a moment after activation. The cold case is measured separately.
      if (!peer) await client.request('containerNotes/notesReady', null, 60000);
      const r = await measure(bench, client, { pull: !peer, uri, text: c.text, edited: c.edited, hoverAt: c.hoverAt, completeAt: c.completeAt });
      r.rss = bench.peakRssMb(client.pid);
      await client.stop();
      results[`${peer ? 'peer' : 'ours'} ${c.name}`] = r;
    }
  }
  // Cold: the manifest opened the instant the server answers initialize (the schema loads with it).
  const cold = bench.ourServer(codeCache);
  const coldRoot = pathToFileURL(join(dir, 'manifest')).toString();
  await cold.start({ rootUri: coldRoot, pullDiagnostics: true, settings: {} });
  const coldMs = await bench.time(async () => {
    cold.open(`${coldRoot}/manifest.yaml`, 'yaml', small, 1);
    await cold.request('textDocument/diagnostic', { textDocument: { uri: `${coldRoot}/manifest.yaml` } }, 60000);
  });
  await cold.stop();
  const rows = [
    {
      measure: '20-document manifest: first diagnostics, opened at start-up (cold)',
      value: coldMs,
      peer: results['peer 20-document manifest'].first,
      target: '',
    },
  ];
  const targets = {
    '20-document manifest': { first: '≤ 50 ms', again: '≤ 20 ms', hover: '≤ 3 ms', completion: '≤ 3 ms', rss: '≤ peer' },
    '1 MB CRD': { first: '', again: '≤ 150 ms', hover: '', completion: '≤ 20 ms', rss: '≤ peer' },
  };
  const labels = {
    first: 'first diagnostics',
    again: 're-diagnostics after an edit (median)',
    hover: 'hover p95',
    completion: 'completion p95',
    rss: 'peak RSS',
  };
  for (const c of cases) {
    for (const key of ['first', 'again', 'hover', 'completion', 'rss']) {
      rows.push({
        measure: `${c.name}: ${labels[key]}`,
        value: results[`ours ${c.name}`][key],
        peer: results[`peer ${c.name}`][key],
        unit: key === 'rss' ? 'MB' : 'ms',
        target: targets[c.name][key],
      });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
