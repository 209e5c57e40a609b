import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// Every snippet, expanded with its default placeholders, passes all our checks with zero findings.
const snippets = JSON.parse(fs.readFileSync(repoPath('snippets', 'kubernetes.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

/** `${1:app}` → `app`, `${2|a,b|}` → `a`, `$0` → ``. */
function expand(body: string[]): string {
  return (
    body
      .join('\n')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{?\d+\}?/g, '') + '\n'
  );
}

test('snippets cover the common kinds and are contributed for yaml', async () => {
  const kinds = new Set(Object.values(snippets).flatMap((s) => [...expand(s.body).matchAll(/^kind: (\w+)$/gm)].map((m) => m[1])));
  assert.deepEqual([...kinds].sort(), [
    'ClusterRole',
    'ClusterRoleBinding',
    'ConfigMap',
    'CronJob',
    'DaemonSet',
    'Deployment',
    'HorizontalPodAutoscaler',
    'Ingress',
    'Job',
    'Namespace',
    'NetworkPolicy',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'Pod',
    'Role',
    'RoleBinding',
    'Secret',
    'Service',
    'ServiceAccount',
    'StatefulSet',
    'StorageClass',
  ]);
  const pkg = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  assert.ok(pkg.contributes.snippets.some((s: { language: string; path: string }) => s.language === 'yaml' && s.path === './snippets/kubernetes.json'));
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" passes every check`, async () => {
    const fixture = createFixture(new Map([['snippet.yaml', expand(snippet.body)]]));
    const findings = await services.diagnose(fixture.ctx, fixture.open('snippet.yaml'));
    assert.deepEqual(
      findings.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`),
      [],
    );
  });
}
