import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// The curated kind skeletons that completion offers where a new document starts
// (server/src/kubernetes/data/skeletons.json, in VS Code's snippet format): each, expanded with its
// default placeholders, passes all our checks with zero findings.
const snippets = JSON.parse(fs.readFileSync(repoPath('server', 'src', 'kubernetes', 'data', 'skeletons.json'), 'utf8')) as Record<
  string,
  { prefix: string[]; body: string[] }
>;

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

test('skeletons cover the common kinds, and no snippets are contributed for yaml (they could not be scoped to where a document starts)', async () => {
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
  assert.deepEqual(
    pkg.contributes.snippets.filter((s: { language: string }) => s.language === 'yaml'),
    [],
  );
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`skeleton "${name}" passes every check`, async () => {
    const fixture = createFixture(new Map([['snippet.yaml', expand(snippet.body)]]));
    const findings = await services.diagnose(fixture.ctx, fixture.open('snippet.yaml'));
    assert.deepEqual(
      findings.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`),
      [],
    );
  });
}
