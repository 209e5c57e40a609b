import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifests } from '../../../server/src/kubernetes/parse';
import { MAX_RECOVERED_CHARS } from '../../../server/src/kubernetes/syntax';
import { workspaceIndex } from '../../../server/src/kubernetes/workspaceIndex';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

// Half-typed YAML (issue 11 item 5). A document with a syntax error is read again without the
// text that broke it. The oracle is the same file without the broken line: hovers, notes and
// findings elsewhere equal that file's; the broken document takes no part in cross-document rules.

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`;

/** A Deployment whose pod spec gets the broken lines after its containers. */
function deployment(broken: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: web
          image: nginx:latest
          ports: [{ name: http, containerPort: 8080 }]
          envFrom: [{ configMapRef: { name: web-config } }]
          resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }
          livenessProbe: { httpGet: { path: /healthz, port: http } }
          readinessProbe: { httpGet: { path: /ready, port: http } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
${broken ? broken + '\n' : ''}      hostNetwork: true
`;
}

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: { name: web-config, namespace: shop }
data:
  MODE: fast
`;

/** Another workload and ConfigMap, so "no pods" and "no such ConfigMap" could be concluded at all. */
const WORKER = `apiVersion: apps/v1
kind: Deployment
metadata: { name: worker, namespace: shop }
spec:
  selector: { matchLabels: { app: worker } }
  template:
    metadata: { labels: { app: worker } }
    spec:
      containers: [{ name: worker, image: "registry.example.com/worker:1.0.0" }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: worker-config, namespace: shop }
`;

const NOTES = `## Host network
<!-- keys: k8s:field/spec.hostNetwork -->
Shares the node's network.
## Images
<!-- keys: k8s:field/containers.image -->
Pin them.
## Config maps
<!-- keys: k8s:kind/ConfigMap k8s:field/data.MODE -->
Mounted or as env.
## Target ports
<!-- keys: k8s:field/ports.targetPort -->
Name or number.
## Selectors
<!-- keys: k8s:field/selector.matchLabels k8s:kind/Deployment -->
Immutable once created.
`;

const app = (broken: string) => [SERVICE, deployment(broken), CONFIG].join('---\n');

/** Each way a line can be half-typed, as the lines it adds to the pod spec. */
const BREAKS: Record<string, string> = {
  'an unfinished key': '      vol',
  'a key with no colon, its block below it': '      volumes\n        - name: data\n          emptyDir: {}',
  'an unclosed flow map': '      nodeSelector: { disk: ssd',
  'an unclosed flow map over several lines': '      nodeSelector: {\n        disk: ssd,\n        zone: a',
  'an unclosed flow sequence': '      tolerations: [{ key: spot, operator: Exists }',
  'an unclosed quote': '      serviceAccountName: "web',
  'a tab indent': '\tdnsPolicy: Default',
  'a value that is not a key yet': '      dnsPolicy: Default: x',
};

/** Valid YAML while typing a list item: findings on the new lines are its own, the rest is unchanged. */
const HALF_ITEMS: Record<string, string> = {
  'a half-typed list item': '        - na',
  'an unfinished key in a new list item': '        - name: sidecar\n          ima',
};

/** Places to hover: before and after the break in its document, and in the other documents. */
const PROBES = ['matchLabels', 'image', 'hostNetwork', 'Deployment', 'targetPort', 'MODE'];

function open(text: string, extra: Record<string, string> = {}) {
  const fixture = createFixture(new Map([['app.yaml', text], ['worker.yaml', WORKER], ['notes/k8s.md', NOTES], ...Object.entries(extra)]));
  return { ctx: fixture.ctx, doc: fixture.open('app.yaml') };
}

/** What a hover and "Open Note at Cursor" give at the first occurrence of `probe`. */
async function atProbe(session: ReturnType<typeof open>, probe: string) {
  const pos = session.doc.positionAt(session.doc.getText().indexOf(probe) + 1);
  const details = await services.hoverDetails(session.ctx, session.doc, pos);
  return { keys: details?.keys, contents: details?.hover.contents, note: await services.noteAtCursor(session.ctx, session.doc, pos) };
}

/** Findings as text, their lines counted as in the file without the `count` lines inserted at `at`. */
function findings(doc: TextDocument, diagnostics: Diagnostic[], at: number, count: number): { outside: string[]; inside: string[] } {
  const outside: string[] = [];
  const inside: string[] = [];
  for (const d of diagnostics) {
    const line = d.range.start.line;
    const text = `${String(d.code)} ${doc.getText(d.range)}: ${d.message}`;
    if (line >= at && line < at + count) inside.push(text);
    else outside.push(`${line < at ? line : line - count} ${text}`);
  }
  return { outside, inside };
}

const clean = open(app(''));
const breakLine = app('').split('\n').indexOf('      hostNetwork: true');

test('the clean file gives a hover and a note at every probe (the oracle is not empty)', async () => {
  for (const probe of PROBES) {
    const at = await atProbe(clean, probe);
    assert.ok(at.keys && at.note, probe);
  }
});

for (const [what, broken] of Object.entries({ ...BREAKS, ...HALF_ITEMS })) {
  test(`${what}: hovers and notes before, after and around it are those of the finished file`, async () => {
    const session = open(app(broken));
    for (const probe of PROBES) assert.deepEqual(await atProbe(session, probe), await atProbe(clean, probe), probe);
  });

  test(`${what}: the findings elsewhere are those of the finished file`, async () => {
    const session = open(app(broken));
    const count = broken.split('\n').length;
    const expected = findings(clean.doc, await services.diagnose(clean.ctx, clean.doc), breakLine, 0).outside;
    const actual = findings(session.doc, await services.diagnose(session.ctx, session.doc), breakLine, count);
    assert.deepEqual(actual.outside, expected);
    if (what in BREAKS) {
      assert.equal(actual.inside.length, 1, actual.inside.join('\n'));
      assert.match(actual.inside[0], /^k8s\/yaml-syntax /);
    }
  });
}

test('completion right at an unfinished key offers the pod spec fields', async () => {
  for (const broken of [BREAKS['an unfinished key'], BREAKS['a key with no colon, its block below it']]) {
    const session = open(app(broken));
    const key = broken.split('\n')[0];
    const labels = (await services.complete(session.ctx, session.doc, session.doc.positionAt(session.doc.getText().indexOf(key) + key.length))).items.map(
      (i) => i.label,
    );
    assert.ok(labels.includes('volumes') && labels.includes('dnsPolicy'), key);
    assert.ok(!labels.includes('containers'), 'keys already present are not offered');
  }
});

test('a key without its colon takes its block with it: no phantom container, no stray volume', async () => {
  const parsed = parseManifests(app(BREAKS['a key with no colon, its block below it']));
  const deploymentObject = parsed.objects.find((o) => o.kind === 'Deployment');
  assert.ok(deploymentObject?.broken);
  const spec = deploymentObject.node.getIn(['spec', 'template', 'spec']) as { toJSON(): Record<string, unknown> };
  const json = spec.toJSON();
  assert.deepEqual(Object.keys(json), ['securityContext', 'containers', 'hostNetwork']);
  assert.equal((json.containers as unknown[]).length, 1);
  assert.deepEqual(parsed.brokenKinds, ['Deployment']);
});

test('an unclosed quote that swallowed the next document gives that document back, unbroken', async () => {
  const parsed = parseManifests(app(BREAKS['an unclosed quote']));
  assert.deepEqual(
    parsed.objects.map((o) => `${o.kind}${o.broken ? ' (broken)' : ''}`),
    ['Service', 'Deployment (broken)', 'ConfigMap'],
  );
  assert.equal(parsed.problems.length, 1);
});

test('a document that blanking cannot repair in a few rounds is left out, and may hold any kind', async () => {
  const lines = Array.from({ length: 12 }, (_, i) => `  key${i}: ${i}\n  half${i}`).join('\n');
  const parsed = parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n${lines}\n  last: x\n---\n${CONFIG}`);
  assert.deepEqual(
    parsed.objects.map((o) => o.kind),
    ['ConfigMap'],
  );
  assert.equal(parsed.objects[0].broken, false);
  assert.deepEqual(parsed.brokenKinds, [undefined]);
  assert.deepEqual(
    parsed.problems.map((p) => p.code),
    ['yaml-syntax'],
  );
});

test('a document larger than the recovery limit is not parsed twice', async () => {
  const data = Array.from({ length: Math.ceil(MAX_RECOVERED_CHARS / 20) }, (_, i) => `  key${i}: value-${i}`).join('\n');
  const parsed = parseManifests(`apiVersion: v1\nkind: ConfigMap\ndata:\n  half\n${data}\n`);
  assert.deepEqual(parsed.objects, []);
  assert.deepEqual(parsed.brokenKinds, [undefined]);
});

test('the syntax error stays on its own line and says what to type', async () => {
  const parsed = parseManifests(app(BREAKS['an unfinished key']));
  const text = app(BREAKS['an unfinished key']);
  const [problem] = parsed.problems;
  assert.equal(text.slice(problem.start, problem.end), 'vol');
  assert.equal(problem.message, 'YAML syntax error: "vol" has no colon; write it as "vol: value", or remove it.');
});

test('a broken workspace file adds its kinds to the index, never its objects', async () => {
  const fixture = createFixture(
    new Map([
      ['deploy.yaml', deployment('      vol')],
      ['config.yaml', CONFIG.replace('  MODE: fast\n', '  MODE: fast\n  LOG\n')],
      ['worker.yaml', WORKER],
    ]),
  );
  const index = workspaceIndex(fixture.ctx);
  assert.deepEqual([...index.brokenKinds].sort(), ['ConfigMap', 'Deployment']);
  assert.deepEqual(
    index.pods.map((p) => p.labels.get('app')),
    ['worker'],
  );
  assert.deepEqual([...(index.names.get('ConfigMap') ?? [])], ['worker-config']);
});

test('a reference to a ConfigMap in a broken workspace file is not judged; once the file is fixed, a wrong name is', async () => {
  const referrer = deployment('').replace('web-config', 'web-confg');
  const brokenConfig = CONFIG.replace('  MODE: fast\n', '  MODE: fast\n  LOG\n');
  const run = async (config: string) => {
    const fixture = createFixture(
      new Map([
        ['deploy.yaml', referrer],
        ['config.yaml', config],
        ['worker.yaml', WORKER],
      ]),
    );
    const doc = fixture.open('deploy.yaml');
    return (await services.diagnose(fixture.ctx, doc)).filter((d) => d.code === 'k8s/missing-reference').length;
  };
  assert.equal(await run(brokenConfig), 0);
  assert.equal(await run(CONFIG), 1);
});

test('a broken Service is neither judged nor judges: no service-no-match, no named-port', async () => {
  const service = SERVICE.replace('app: web', 'app: nothing').replace('targetPort: http', 'targetPort: nope\n  vol');
  const fixture = createFixture(
    new Map([
      ['service.yaml', service],
      ['worker.yaml', WORKER],
    ]),
  );
  const doc = fixture.open('service.yaml');
  assert.deepEqual(
    (await services.diagnose(fixture.ctx, doc)).map((d) => d.code),
    ['k8s/yaml-syntax'],
  );
});

test('a custom resource is not checked against a CRD being typed', async () => {
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  scope: Namespaced
  names: { kind: Widget, plural: widgets }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer }
                colo
`;
  const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\nspec:\n  size: 3\n  color: red\n';
  const fixture = createFixture(
    new Map([
      ['widget.yaml', widget],
      ['crd.yaml', crd],
    ]),
  );
  const doc = fixture.open('widget.yaml');
  assert.deepEqual(await services.diagnose(fixture.ctx, doc), []);
});

test('a Helm template with a half-typed line: the syntax error, and nothing the template did not have', async () => {
  const template = (broken: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  selector: { matchLabels: { app: {{ .Release.Name }} } }
  template:
    metadata: { labels: { app: {{ .Release.Name }} } }
    spec:
      containers:
        - name: web
          image: "{{ .Values.image }}"
          {{- with .Values.resources }}
          resources: {{ toYaml . | nindent 12 }}
          {{- end }}
${broken ? broken + '\n' : ''}      hostNetwork: true
`;
  const run = async (broken: string) => {
    const fixture = createFixture(
      new Map([
        ['chart/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n'],
        ['chart/values.yaml', 'image: nginx:1.27\nresources: {}\n'],
        ['chart/templates/deployment.yaml', template(broken)],
      ]),
    );
    const doc = fixture.open('chart/templates/deployment.yaml');
    return (await services.diagnose(fixture.ctx, doc)).map((d) => `${String(d.code)}: ${d.message}`);
  };
  const expected = await run('');
  for (const broken of Object.values(BREAKS)) {
    const found = await run(broken);
    assert.deepEqual(
      found.filter((f) => !f.startsWith('k8s/yaml-syntax')),
      expected,
      broken,
    );
  }
});
