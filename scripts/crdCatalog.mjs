// Generates the offline CRD catalog: JSON Schemas of the custom resources of popular operators,
// from the type declarations of the `@kubernetes-models/*` npm packages, with ts-json-schema-generator
// (the pieces shared with scripts/k8sSchema.mjs are in scripts/k8sSchemaLib.mjs).
//
//   node scripts/crdCatalog.mjs [--out dist/schemas] [--force] [--all]
//
// Writes `<out>/crd-catalog/<name>.json` per enabled package (draft-07 definitions keyed by the
// declaring file's path, `cert-manager.io.v1.CertificateSpec`, plus `x-kinds`) and
// `<out>/crd-catalog/index.json`, which says which package defines each `apiVersion kind` so the
// server reads a package's file only when a manifest uses one of its kinds. Types of Kubernetes
// itself (ObjectMeta, Container, …) are not copied: their refs point into the bundled Kubernetes
// schema, which the server merges in (the ids are the same). A package is skipped when its output
// records the same package, generator and format versions. `--all` also generates and indexes the
// packages that are off, to check them against real resources (docs/decisions.md); the next build
// without it leaves them out again.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findKinds, generateDefinitions, generatorVersion, kubernetesIdForFile, stampMatches } from './k8sSchemaLib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const outDir = join(root, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist/schemas', 'crd-catalog');
const force = args.includes('--force');
const all = args.includes('--all');

/**
 * The candidate packages (`@kubernetes-models/<name>`) and whether each is bundled. One that is off
 * says why: each was checked against real custom resources from public repositories, and a model
 * that reports false errors on valid resources stays off (docs/decisions.md, "Offline CRD catalog").
 */
const PACKAGES = [
  { name: 'argo-cd' },
  { name: 'argo-rollouts' },
  { name: 'cert-manager' },
  {
    name: 'external-secrets',
    off: 'the model lags the operator: on its current documentation 81 of 306 resources (design documents aside) got findings (providers, generator kinds and fields added since, e.g. PushSecret dataTo, ExternalSecret syncWindows)',
  },
  { name: 'flux-cd' },
  { name: 'gateway-api' },
  { name: 'istio' },
  { name: 'karpenter' },
  { name: 'keda' },
  {
    name: 'knative',
    off: "services reuse Kubernetes' PodSpec, whose containers need a name, which Knative does not: 69 of 200 valid resources of its documentation got a false missing-required finding",
  },
  { name: 'prometheus-operator' },
  { name: 'sealed-secrets' },
  { name: 'traefik' },
];

/** Bumped when the output's shape or the way it is derived changes. */
const FORMAT = 'format@3';

function describe({ name, off }) {
  const pkgJson = require.resolve(`@kubernetes-models/${name}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const local = createRequire(pkgJson);
  const modelsPkg = local.resolve('kubernetes-models/package.json');
  const machineryPkg = local.resolve('@kubernetes-models/apimachinery/package.json');
  const models = JSON.parse(readFileSync(modelsPkg, 'utf8'));
  const stamp = `${pkg.name}@${pkg.version} ${models.name}@${models.version} ts-json-schema-generator@${generatorVersion} ${FORMAT}`;
  return {
    name,
    off,
    package: pkg.name,
    version: pkg.version,
    packageDir: dirname(pkgJson),
    kubernetes: { modelsDir: dirname(modelsPkg), machineryDir: dirname(machineryPkg) },
    stamp,
    outFile: join(outDir, `${name}.json`),
  };
}

/** `<package>/cert-manager.io/v1/CertificateSpec.d.ts` → `cert-manager.io.v1.CertificateSpec`; Kubernetes' own types keep their upstream ids. */
function idForFile(source, file) {
  const kubernetes = kubernetesIdForFile(source.kubernetes, file);
  if (kubernetes) return kubernetes;
  const inPackage = relative(source.packageDir, file);
  return inPackage.startsWith('..')
    ? undefined
    : inPackage
        .replace(/\.d\.ts$/, '')
        .split(sep)
        .join('.');
}

/** Kubernetes' own definitions stay in its bundled schema; the catalog keeps only the package's. */
function isKubernetesId(id) {
  return id.startsWith('io.k8s.');
}

/**
 * The packages are generated from the operators' Go types, whose required fields include those the
 * CRD gives a default (the API server fills those in before it checks): a missing field is no
 * finding the catalog can make reliably, so the package's own definitions require nothing.
 */
function dropRequired(value) {
  if (Array.isArray(value)) {
    value.forEach(dropRequired);
  } else if (value && typeof value === 'object') {
    if (Array.isArray(value.required)) delete value.required;
    Object.values(value).forEach(dropRequired);
  }
}

/**
 * A kind that declares nothing but apiVersion, kind and metadata lost its CRD's schema (a CRD that
 * preserves unknown fields at its root, as Istio's IstioOperator): it would make every field of a
 * real resource unknown, so it is left out and such resources stay unchecked.
 */
function declaresFields(definition) {
  return Object.keys(definition?.properties ?? {}).some((name) => !['apiVersion', 'kind', 'metadata'].includes(name));
}

/**
 * `status` is the controller's to write: the API server drops it from what a manifest sends (the
 * status subresource), so a manifest's status (often copied from a live object) is not checked.
 */
function openStatus(kind) {
  const status = kind.properties?.status;
  if (status) kind.properties.status = { description: status.description, 'x-kubernetes-preserve-unknown-fields': true };
}

async function generate(source) {
  const ids = (file) => idForFile(source, file);
  const found = findKinds(source.packageDir, ids).filter((k) => !k.kind.endsWith('List'));
  const definitions = await generateDefinitions({ kinds: found, idForFile: ids, work: join(root, '.cache', 'crd-catalog', source.name) });
  const own = Object.fromEntries(Object.entries(definitions).filter(([id]) => !isKubernetesId(id)));
  dropRequired(own);
  const kinds = found.filter((k) => declaresFields(own[k.ref]));
  for (const { ref } of kinds) openStatus(own[ref]);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    'x-source': source.stamp,
    'x-package': `${source.package}@${source.version}`,
    'x-kinds': kinds.map(({ apiVersion, kind, ref }) => ({ apiVersion, kind, ref })),
    definitions: own,
  };
}

const sources = PACKAGES.filter((p) => all || !p.off).map(describe);
mkdirSync(outDir, { recursive: true });
const index = { packages: {}, kinds: {} };
const current = [];
for (const source of sources) {
  let schema;
  if (!force && existsSync(source.outFile) && stampMatches(source.outFile, source.stamp)) {
    schema = JSON.parse(readFileSync(source.outFile, 'utf8'));
    current.push(source.name);
  } else {
    const started = Date.now();
    schema = await generate(source);
    const text = JSON.stringify(schema);
    writeFileSync(source.outFile, text);
    console.log(
      `crd catalog: ${relative(root, source.outFile)}: ${Object.keys(schema.definitions).length} definitions, ${schema['x-kinds'].length} kinds, ${(text.length / 1024).toFixed(0)} KB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (source.off && !all) continue;
  index.packages[source.name] = { package: source.package, version: source.version };
  for (const { apiVersion, kind, ref } of schema['x-kinds']) index.kinds[`${apiVersion} ${kind}`] ??= { package: source.name, ref };
}
writeFileSync(join(outDir, 'index.json'), JSON.stringify(index));
if (current.length) console.log(`crd catalog: up to date in ${relative(root, outDir)}: ${current.join(', ')}`);
// A package turned off since the last build must not stay in dist/ (and so in the .vsix).
if (!all) for (const { name, off } of PACKAGES) if (off) rmSync(join(outDir, `${name}.json`), { force: true });
