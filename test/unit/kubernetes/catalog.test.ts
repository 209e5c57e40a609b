import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createResources, KUBERNETES_VERSIONS } from '../../../server/src/common';
import { describeTag, keyForms } from '../../../server/src/notesfile/catalogue';
import * as services from '../../../server/src/services';
import type { LanguageModule } from '../../../server/src/workspace';
import { createFixture, testResources } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// The offline CRD catalog (scripts/crdCatalog.mjs, server/src/kubernetes/catalog.ts). Each enabled
// package has a file of valid resources in test/corpus/crd-catalog, written after the operators'
// documentation: they give no errors, and a field added to each document's spec is caught, which
// proves the catalog checked it.
const corpus = repoPath('test', 'corpus', 'crd-catalog');

interface CatalogIndex {
  packages: Record<string, { package: string; version: string }>;
  kinds: Record<string, { package: string; ref: string }>;
}

function catalogIndex(): CatalogIndex {
  return JSON.parse(fs.readFileSync(repoPath('dist', 'schemas', 'crd-catalog', 'index.json'), 'utf8')) as CatalogIndex;
}

function corpusFiles(): string[] {
  return fs
    .readdirSync(corpus)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

async function errorsOf(name: string, text: string, settings: unknown = {}): Promise<string[]> {
  const fixture = createFixture(new Map([[name, text]]), settings);
  const findings = await services.diagnose(fixture.ctx, fixture.open(name));
  return findings.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`);
}

test('catalog: every bundled package has a file of real-world resources, and only those', () => {
  const packages = Object.keys(catalogIndex().packages).sort();
  assert.ok(packages.length >= 8, `only ${packages.length} packages bundled`);
  assert.deepEqual(
    corpusFiles().map((f) => f.replace(/\.yaml$/, '')),
    packages,
  );
});

for (const version of KUBERNETES_VERSIONS) {
  for (const file of corpusFiles()) {
    test(`catalog: valid resources of ${file} give no errors under Kubernetes ${version}`, async () => {
      assert.deepEqual(await errorsOf(file, fs.readFileSync(path.join(corpus, file), 'utf8'), { kubernetes: { version } }), []);
    });
  }
}

/**
 * Kinds whose spec the model declares as a union of variants (Istio's AuthorizationPolicy: a CRD
 * `oneOf`): which fields exist is then not known at that level, so an unknown one is not flagged.
 */
const UNION_SPECS = new Set(['AuthorizationPolicy']);

for (const file of corpusFiles()) {
  test(`catalog: a field no schema defines is caught in every document of ${file}`, async () => {
    const parts = fs.readFileSync(path.join(corpus, file), 'utf8').split(/^---\n/m);
    const checked = parts.filter((doc) => !UNION_SPECS.has(/^kind: (\S+)/m.exec(doc)?.[1] ?? ''));
    const documents = checked.length;
    const mutated = parts.map((doc) => (checked.includes(doc) ? doc.replace(/^spec:\n/m, 'spec:\n  notAFieldOfThisKind: 1\n') : doc)).join('---\n');
    const unknown = (await errorsOf(file, mutated)).filter((e) => e.includes('k8s/unknown-field') && e.includes('"notAFieldOfThisKind"'));
    assert.equal(unknown.length, documents, unknown.join('\n'));
    assert.match(unknown[0], /bundled CRD catalog's \(@kubernetes-models\/[a-z-]+@\d+\.\d+\.\d+\)/);
  });
}

test('catalog: with containerNotes.kubernetes.crdCatalog off, custom resources are not checked', async () => {
  const text = fs.readFileSync(path.join(corpus, 'cert-manager.yaml'), 'utf8').replace(/^spec:\n/gm, 'spec:\n  notAFieldOfThisKind: 1\n');
  assert.deepEqual(await errorsOf('cert-manager.yaml', text, { kubernetes: { crdCatalog: false } }), []);
});

test('catalog: every $ref of a package resolves in the package or in each bundled Kubernetes schema it is merged with', () => {
  const index = catalogIndex();
  for (const name of Object.keys(index.packages)) {
    const text = fs.readFileSync(repoPath('dist', 'schemas', 'crd-catalog', `${name}.json`), 'utf8');
    const own = (JSON.parse(text) as { definitions: Record<string, unknown> }).definitions;
    const refs = new Set([...text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]));
    const kubernetes = JSON.parse(fs.readFileSync(repoPath('dist', 'schemas', `kubernetes-${KUBERNETES_VERSIONS[0]}.json`), 'utf8')) as {
      definitions: Record<string, unknown>;
    };
    const dangling = [...refs].filter((ref) => !own[ref] && !kubernetes.definitions[ref]);
    assert.deepEqual(dangling, [], name);
    // Kubernetes' own types are shared with the bundled schema, never copied.
    assert.deepEqual(
      Object.keys(own).filter((id) => id.startsWith('io.k8s.')),
      [],
      name,
    );
  }
  for (const [typeMeta, { package: name, ref }] of Object.entries(index.kinds)) {
    assert.ok(index.packages[name], `${typeMeta}: package ${name} is not bundled`);
    assert.ok(ref.startsWith(typeMeta.split('/')[0]), `${typeMeta}: ${ref}`);
  }
});

test('catalog: read only when a custom resource asks for it, one package at a time', async () => {
  const read: string[] = [];
  const shared = testResources();
  const resources = createResources((name) => {
    read.push(name);
    return shared.text(name);
  });
  const files = new Map([
    ['Dockerfile', 'FROM alpine:3.20\nRUN echo hi\n'],
    ['deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: n\ndata:\n  a: b\n'],
    ['cert.yaml', fs.readFileSync(path.join(corpus, 'cert-manager.yaml'), 'utf8')],
  ]);
  const fixture = createFixture(files);
  const ctx = { ...fixture.ctx, resources };
  await services.diagnose(ctx, fixture.open('Dockerfile'));
  await services.diagnose(ctx, fixture.open('deploy.yaml'));
  assert.deepEqual(
    read.filter((name) => name.includes('crd-catalog')),
    [],
  );
  await services.diagnose(ctx, fixture.open('cert.yaml'));
  assert.deepEqual(
    read.filter((name) => name.includes('crd-catalog')),
    ['schemas/crd-catalog/index.json', 'schemas/crd-catalog/cert-manager.json'],
  );
});

test("catalog: a notes tag naming a catalog resource's field is known while the catalog is on", () => {
  const formsOf = (settings: unknown) => {
    const { ctx } = createFixture(new Map(), settings);
    return keyForms(ctx, () => ({ modules: [services.moduleFor(ctx, 'kubernetes') as LanguageModule], rules: [] }));
  };
  const on = formsOf({});
  assert.match(describeTag(on, 'k8s:field/spec.source.repoURL') ?? '', /Application.*bundled CRD catalog/);
  assert.match(describeTag(on, 'k8s:field/spec.issuerRef.name') ?? '', /Certificate/);
  assert.equal(describeTag(on, 'k8s:field/spec.source.repoURLs'), undefined);
  assert.equal(describeTag(formsOf({ kubernetes: { crdCatalog: false } }), 'k8s:field/spec.source.repoURL'), undefined);
});

test('catalog: while the editor reads the workspace in steps, a CRD in a file not read yet may still win, so the catalog waits', async () => {
  const certificate =
    'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n  namespace: web\nspec:\n  secretName: web-tls\n  renewBefor: 1h\n';
  const files = new Map([
    ['certificate.yaml', certificate],
    ['other/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: web\n'],
  ]);
  const fixture = createFixture(files);
  fixture.ctx.stepwiseIndex = true;
  const doc = fixture.open('certificate.yaml');
  const unknown = async () => (await services.diagnose(fixture.ctx, doc)).filter((d) => d.code === 'k8s/unknown-field').length;
  assert.equal(await unknown(), 0);
  while (!services.indexStep(fixture.ctx, () => false));
  fixture.ctx.workspace.touch();
  assert.equal(await unknown(), 1);
});
