import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { KUBERNETES_VERSIONS } from '../../../server/src/common';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// The clean corpus gives zero errors; each invalid file gives at least the ids its
// `# expect:` line names. All files of a folder form one workspace (CRDs and Services see each other).
const root = repoPath('test', 'corpus', 'k8s');

function folder(name: string): Map<string, string> {
  const dir = path.join(root, name);
  return new Map(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

/** A big manifest written the way generators write them: many Deployments and Services in one file. */
function generatedManifest(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: gen
  labels: { app: svc-${i} }
spec:
  replicas: ${1 + (i % 3)}
  selector: { matchLabels: { app: svc-${i} } }
  template:
    metadata: { labels: { app: svc-${i} } }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: app
          image: registry.example.com/svc-${i}:1.0.${i}
          ports: [{ name: http, containerPort: 8080 }]
          resources: { requests: { cpu: 10m, memory: 32Mi }, limits: { memory: 64Mi } }
          livenessProbe: { httpGet: { path: /healthz, port: http } }
          readinessProbe: { httpGet: { path: /ready, port: http } }
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
---
apiVersion: v1
kind: Service
metadata: { name: svc-${i}, namespace: gen }
spec:
  selector: { app: svc-${i} }
  ports: [{ port: 80, targetPort: http }]`);
  }
  return docs.join('\n---\n') + '\n';
}

for (const version of KUBERNETES_VERSIONS) {
  for (const [name] of folder('valid')) {
    test(`corpus valid/${name} gives no errors under Kubernetes ${version}`, async () => {
      const fixture = createFixture(folder('valid'), { kubernetes: { version } });
      const doc = fixture.open(name);
      const errors = (await services.diagnose(fixture.ctx, doc)).filter((d) => d.severity === 1);
      assert.deepEqual(
        errors.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`),
        [],
      );
    });
  }
}

test('corpus: a large generated manifest (400 objects) gives no findings at all', async () => {
  const fixture = createFixture(new Map([['generated.yaml', generatedManifest(200)]]));
  const doc = fixture.open('generated.yaml');
  const findings = await services.diagnose(fixture.ctx, doc);
  assert.deepEqual(
    findings.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`),
    [],
  );
});

for (const [name, text] of folder('invalid')) {
  test(`corpus invalid/${name} gives the expected findings`, async () => {
    const expected = (/^# expect: (.*)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
    assert.ok(expected.length > 0, 'the file names its expected ids on a `# expect:` line');
    const fixture = createFixture(new Map([[name, text]]));
    const codes = new Set((await services.diagnose(fixture.ctx, fixture.open(name))).map((d) => String(d.code)));
    for (const id of expected) assert.ok(codes.has(id), `${id} expected, got ${[...codes].join(', ')}`);
  });
}
