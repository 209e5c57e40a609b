// Generates the bundled Kubernetes JSON Schemas, offline, from the type declarations of the
// `kubernetes-models` npm package (one installed copy per bundled Kubernetes version, the older ones
// under npm aliases) with ts-json-schema-generator.
//
//   node scripts/k8sSchema.mjs [--out dist/schemas] [--force]
//
// (`--version <minor>` is for the child processes: it generates that version into the cache.)
//
// Each version's schema: draft-07 definitions keyed by upstream-style ids derived from each
// declaring file's path (`io.k8s.api.apps.v1.Deployment`), plus `x-kinds`, the list of
// `{ apiVersion, kind, ref }` objects. Object types are strict (`additionalProperties: false`) so
// unknown fields are caught; string maps stay open. IntOrString, Quantity and Time get the JSON types
// the API server accepts.
//
// Versions share what does not change between them: the newest version is written whole to
// `<out>/kubernetes-<newest>.json`; every older one to `<out>/kubernetes-<version>.json` as a delta
// against it (`x-base` names the newest's stamp; `definitions` holds only the definitions that differ
// or are its own; `x-removed-definitions` lists the newest's ids it lacks; `x-kinds` is its own list).
// Most definitions are the same in every version (772 of 867 between 1.33 and 1.36), so a version
// costs its changes only, and loading the default version stays a single parse.
// server/src/kubernetes/schema.ts composes a delta with its base.
//
// A schema is a pure function of the package, apimachinery and generator versions (the stamp):
// an output is skipped when it records the same stamp (and, for a delta, the same base stamp).
// Stale versions are generated in parallel child processes, one per version (the generator is
// patched per source folder, see generate()), into `.cache/k8s-schema/<version>/schema.json`, so a
// new base re-diffs the older versions without generating them again.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { findKinds, generateDefinitions, generatorVersion, kubernetesIdForFile } from './k8sSchemaLib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const outDir = join(root, option('--out') ?? 'dist/schemas');
const force = args.includes('--force');

/**
 * The bundled versions, newest first (keep in step with KUBERNETES_VERSIONS in
 * server/src/common/settings.ts): the Kubernetes minor and the installed package tracking it.
 *
 * Every published kubernetes-models version (`npm view kubernetes-models versions`, December 2026)
 * and the Kubernetes release it was generated from, by the package's CHANGELOG
 * (tommy351/kubernetes-models-ts, first-party/kubernetes-models/CHANGELOG.md) checked against the
 * declarations in each tarball (`npm pack kubernetes-models@X`). The README badge says 1.27.1 in
 * every release since 4.3.0 and is stale.
 * - 4.1.0: v1.25.2 (4.0.0 "Update schema to Kubernetes v1.25.2").
 * - 4.3.0 to 4.4.2: v1.27.1 (4.3.0 "Update schema version to v1.27.1"); no flowcontrol/v1 (1.29)
 *   nor admissionregistration/v1 ValidatingAdmissionPolicy (1.30).
 * - 4.5.0, 4.5.1: v1.33.0 (4.5.0 "Update schema version to v1.33.0"; 4.5.1 only bumps
 *   @kubernetes-models/apimachinery to 2.2.0, same declarations): networking/v1 ServiceCIDR and
 *   IPAddress (GA in 1.33), no resource.k8s.io/v1 (GA in 1.34).
 * - 5.1.0: v1.36.0 (5.0.0 "Update to Kubernetes v1.36.0"): resource.k8s.io/v1,
 *   admissionregistration/v1 MutatingAdmissionPolicy, Pod hostnameOverride (1.34).
 * So from 1.30 to 1.36 only 1.33 and 1.36 have a release; 1.30–1.32, 1.34 and 1.35 have none.
 */
const SOURCES = [
  { kubernetes: '1.36', modelsPkg: require.resolve('kubernetes-models/package.json') },
  { kubernetes: '1.33', modelsPkg: require.resolve('kubernetes-models-1.33/package.json') },
];

/** Where a version's declarations live and the stamp its output must carry to count as current. */
function describe(source) {
  const { modelsPkg } = source;
  const modelsDir = dirname(modelsPkg);
  // Resolved from the models package itself: an aliased older copy keeps its own apimachinery nested.
  const machineryPkg = createRequire(modelsPkg).resolve('@kubernetes-models/apimachinery/package.json');
  const machineryDir = dirname(machineryPkg);
  const models = JSON.parse(readFileSync(modelsPkg, 'utf8'));
  const machinery = JSON.parse(readFileSync(machineryPkg, 'utf8'));
  const stamp = `${models.name}@${models.version} ${machinery.name}@${machinery.version} ts-json-schema-generator@${generatorVersion} format@3`;
  return {
    ...source,
    modelsDir,
    machineryDir,
    stamp,
    outFile: join(outDir, `kubernetes-${source.kubernetes}.json`),
    cacheFile: join(root, '.cache', 'k8s-schema', source.kubernetes, 'schema.json'),
  };
}

/** A JSON file's content, or undefined when it is missing or unreadable. */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function generate(source) {
  const idForFile = (file) => kubernetesIdForFile(source, file);
  const kinds = findKinds(source.modelsDir, idForFile);
  const definitions = await generateDefinitions({ kinds, idForFile, work: join(root, '.cache', 'k8s-schema', source.kubernetes) });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    'x-source': source.stamp,
    'x-kubernetes-version': source.kubernetes,
    'x-kinds': kinds.map(({ apiVersion, kind, ref }) => ({ apiVersion, kind, ref })),
    definitions,
  };
}

/** The whole schema of one version, written to its cache file; run in a child process. */
async function generateToCache(source) {
  const started = Date.now();
  const schema = await generate(source);
  mkdirSync(dirname(source.cacheFile), { recursive: true });
  writeFileSync(source.cacheFile, JSON.stringify(schema));
  console.log(
    `k8s schema: generated Kubernetes ${source.kubernetes}: ${Object.keys(schema.definitions).length} definitions, ${schema['x-kinds'].length} kinds in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Runs this script for one version in a child process; rejects when it fails. */
function generateInChild(source) {
  const childArgs = [fileURLToPath(import.meta.url), '--version', source.kubernetes];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgs, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`k8s schema ${source.kubernetes}: exit code ${code}`))));
  });
}

/**
 * An older version as a delta against the newest: the definitions that differ or are its own, the
 * newest's ids it lacks, and its own kinds. Composing it back must give the version's schema exactly.
 */
function deltaOf(base, full) {
  const definitions = {};
  for (const [id, definition] of Object.entries(full.definitions)) {
    if (!isDeepStrictEqual(base.definitions[id], definition)) definitions[id] = definition;
  }
  const removed = Object.keys(base.definitions).filter((id) => !(id in full.definitions));
  const delta = {
    'x-source': full['x-source'],
    'x-kubernetes-version': full['x-kubernetes-version'],
    'x-base': { version: base['x-kubernetes-version'], source: base['x-source'] },
    'x-kinds': full['x-kinds'],
    'x-removed-definitions': removed,
    definitions,
  };
  const composed = { ...base.definitions, ...definitions };
  for (const id of removed) delete composed[id];
  if (!isDeepStrictEqual(composed, full.definitions)) throw new Error(`k8s schema ${full['x-kubernetes-version']}: the delta does not compose back`);
  return delta;
}

function write(source, schema) {
  mkdirSync(dirname(source.outFile), { recursive: true });
  const text = JSON.stringify(schema);
  writeFileSync(source.outFile, text);
  const what = schema['x-base']
    ? `delta against ${schema['x-base'].version}, ${Object.keys(schema.definitions).length} own definitions`
    : `${Object.keys(schema.definitions).length} definitions`;
  console.log(`k8s schema: ${relative(root, source.outFile)}: ${what}, ${schema['x-kinds'].length} kinds, ${(text.length / 1024).toFixed(0)} KB`);
}

async function buildAll() {
  const [base, ...older] = SOURCES.map(describe);
  const current = (source) => {
    if (force) return false;
    const out = readJson(source.outFile);
    return out?.['x-source'] === source.stamp && (source === base ? !out['x-base'] : out['x-base']?.source === base.stamp);
  };
  const stale = [base, ...older].filter((s) => !current(s));
  for (const s of [base, ...older]) if (!stale.includes(s)) console.log(`k8s schema: ${relative(root, s.outFile)} is up to date (${s.stamp})`);
  if (stale.length === 0) return;
  // A stale version needs its whole schema: from the cache when it holds the same stamp, else
  // generated. A current base's output is whole, so it serves the deltas as it is.
  const cached = (s) => !force && readJson(s.cacheFile)?.['x-source'] === s.stamp;
  await Promise.all(stale.filter((s) => !cached(s)).map(generateInChild));
  const baseSchema = readJson(stale.includes(base) ? base.cacheFile : base.outFile);
  if (stale.includes(base)) write(base, baseSchema);
  for (const s of older) if (stale.includes(s)) write(s, deltaOf(baseSchema, readJson(s.cacheFile)));
}

const only = option('--version');
if (only) {
  const source = SOURCES.find((s) => s.kubernetes === only);
  if (!source) throw new Error(`k8s schema: no bundled source for Kubernetes ${only}`);
  await generateToCache(describe(source));
} else {
  await buildAll();
}
