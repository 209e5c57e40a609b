import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { KUBERNETES_VERSIONS, kubernetesMinor, nearestKubernetesVersion } from '../../../server/src/common';
import { bundledSchema, composeSchema, type JsonSchema, type SchemaFile } from '../../../server/src/kubernetes/schema';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// The bundled versions as the server loads them: the newest's file whole, older ones composed from
// their delta and the newest's file (scripts/k8sSchema.mjs writes both during the build).

function schemaFor(version: string) {
  return bundledSchema(createFixture(new Map(), { kubernetes: { version } }).ctx);
}

/** Every `$ref` target of a definition tree. */
function refsOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.push(child.replace(/^#\/definitions\//, ''));
      else refsOf(child, into);
    }
  }
  return into;
}

describe('bundled Kubernetes versions', () => {
  test('each version loads whole: every kind and every $ref points at a definition of that version', () => {
    for (const version of KUBERNETES_VERSIONS) {
      const schema = schemaFor(version);
      assert.ok(schema, `Kubernetes ${version} is not built`);
      assert.equal(schema.version, version);
      const missing = [...schema.kinds.map((k) => k.ref), ...refsOf(schema.definitions)].filter((id) => !schema.definitions[id]);
      assert.deepEqual([...new Set(missing)], [], `Kubernetes ${version}: dangling ids`);
    }
  });

  test('a kind only some versions serve: resource.k8s.io/v1 ResourceClaim (GA in 1.34) and admissionregistration/v1 MutatingAdmissionPolicy', () => {
    const newest = schemaFor('1.36')!;
    const older = schemaFor('1.33')!;
    for (const key of ['resource.k8s.io/v1 ResourceClaim', 'admissionregistration.k8s.io/v1 MutatingAdmissionPolicy']) {
      assert.ok(newest.byTypeMeta.has(key), `1.36 serves ${key}`);
      assert.equal(older.byTypeMeta.has(key), false, `1.33 does not serve ${key}`);
    }
    assert.equal(older.definitions['io.k8s.api.resource.v1.ResourceClaim'], undefined, 'a definition the delta removes is gone');
    // A definition the delta overrides: Pod hostnameOverride arrived in 1.34.
    assert.ok(newest.definitions['io.k8s.api.core.v1.PodSpec'].properties?.hostnameOverride);
    assert.equal(older.definitions['io.k8s.api.core.v1.PodSpec'].properties?.hostnameOverride, undefined);
    // A definition both share is the same object, not a copy.
    assert.equal(older.definitions['io.k8s.api.apps.v1.DeploymentStrategy'], newest.definitions['io.k8s.api.apps.v1.DeploymentStrategy']);
  });

  test("package.json's version setting offers every bundled version, newest as default, each from an exact kubernetes-models", () => {
    const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['containerNotes.kubernetes.version'];
    assert.deepEqual(setting.enum, [...KUBERNETES_VERSIONS]);
    assert.equal(setting.default, KUBERNETES_VERSIONS[0]);
    const [newest, ...older] = KUBERNETES_VERSIONS;
    assert.match(manifest.devDependencies['kubernetes-models'], /^\d+\.\d+\.\d+$/, `kubernetes-models (${newest})`);
    for (const version of older) assert.match(manifest.devDependencies[`kubernetes-models-${version}`] ?? '', /^npm:kubernetes-models@\d+\.\d+\.\d+$/, version);
  });

  test('the version setting picks the bundled minor nearest to what it names', () => {
    assert.equal(nearestKubernetesVersion('1.36'), '1.36');
    assert.equal(nearestKubernetesVersion('1.33'), '1.33');
    assert.equal(nearestKubernetesVersion('1.35'), '1.36');
    assert.equal(nearestKubernetesVersion('1.34'), '1.33');
    assert.equal(nearestKubernetesVersion('1.30'), '1.33');
    assert.equal(nearestKubernetesVersion('1.40'), '1.36');
    assert.equal(nearestKubernetesVersion('v1.33.2'), '1.33');
    assert.equal(nearestKubernetesVersion('1.033'), '1.33');
    assert.equal(nearestKubernetesVersion('latest'), undefined);
    assert.equal(kubernetesMinor('v1.33.2'), '1.33');
    assert.equal(kubernetesMinor('2.0'), undefined);
    assert.equal(schemaFor('1.31')?.version, '1.33');
    assert.equal(schemaFor('latest')?.version, KUBERNETES_VERSIONS[0]);
  });

  test('a delta composes only with the base it was made against', () => {
    const definition = (description: string): JsonSchema => ({ type: 'string', description });
    const base: SchemaFile = {
      'x-source': 'models@2',
      'x-kubernetes-version': '1.2',
      'x-kinds': [],
      definitions: { a: definition('a2'), b: definition('b'), c: definition('c') },
    };
    const delta: SchemaFile = {
      'x-source': 'models@1',
      'x-kubernetes-version': '1.1',
      'x-base': { version: '1.2', source: 'models@2' },
      'x-kinds': [{ apiVersion: 'v1', kind: 'A', ref: 'a' }],
      'x-removed-definitions': ['c'],
      definitions: { a: definition('a1') },
    };
    const composed = composeSchema('1.1', delta, base);
    assert.deepEqual(composed?.definitions, { a: definition('a1'), b: definition('b') });
    assert.equal(composed?.byTypeMeta.get('v1 A')?.ref, 'a');
    assert.equal(composeSchema('1.1', delta, { ...base, 'x-source': 'models@3' }), undefined, 'a base rebuilt since');
    assert.equal(composeSchema('1.1', delta, undefined), undefined, 'no base');
  });
});

describe('the selected version drives validation', () => {
  const findings = async (text: string, version: string, rule: string) => {
    const fixture = createFixture(new Map([['manifest.yaml', text]]), { kubernetes: { version } });
    const found = await services.diagnose(fixture.ctx, fixture.open('manifest.yaml'));
    return found.filter((d) => d.code === rule).map((d) => String(d.message));
  };

  test('admissionregistration/v1 MutatingAdmissionPolicy is new in 1.36: unlisted under 1.33 (and 1.31, checked as 1.33), known under 1.36 (and 1.35)', async () => {
    const policy = 'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingAdmissionPolicy\nmetadata:\n  name: add-label\nspec:\n  failurePolicy: Fail\n';
    for (const version of ['1.36', '1.35']) assert.deepEqual(await findings(policy, version, 'k8s/unknown-api-version'), [], version);
    for (const version of ['1.33', '1.31']) {
      const [message] = await findings(policy, version, 'k8s/unknown-api-version');
      assert.match(message ?? '', /Kubernetes 1\.33 does not list MutatingAdmissionPolicy under admissionregistration\.k8s\.io\/v1/, version);
    }
  });

  test('a resource.k8s.io/v1 ResourceClaim is checked against its schema under 1.36 only (1.33 has no such group: a custom resource)', async () => {
    const claim = 'apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata:\n  name: gpu\nspec:\n  devicez: {}\n';
    assert.match((await findings(claim, '1.36', 'k8s/unknown-field'))[0] ?? '', /Unknown field "devicez"/);
    assert.deepEqual(await findings(claim, '1.33', 'k8s/unknown-field'), []);
  });

  test('storage.k8s.io/v1beta1 VolumeAttributesClass is deprecated from 1.34: a warning under 1.36, none under 1.33', async () => {
    const vac = 'apiVersion: storage.k8s.io/v1beta1\nkind: VolumeAttributesClass\nmetadata:\n  name: gold\ndriverName: pd.csi.storage.gke.io\n';
    assert.match((await findings(vac, '1.36', 'k8s/deprecated-api-version'))[0] ?? '', /deprecated since Kubernetes 1\.34 and is no longer served from 1\.37/);
    assert.deepEqual(await findings(vac, '1.33', 'k8s/deprecated-api-version'), []);
  });
});
