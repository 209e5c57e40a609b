// Generates the bundled Kubernetes JSON Schema, offline, from the type declarations of the
// `kubernetes-models` npm package (Kubernetes 1.36) with ts-json-schema-generator.
//
//   node scripts/k8sSchema.mjs [--out dist/schemas] [--force]
//
// Writes `<out>/kubernetes-<version>.json`: draft-07 definitions keyed by upstream-style ids derived
// from each declaring file's path (`io.k8s.api.apps.v1.Deployment`), plus `x-kinds`, the list of
// `{ apiVersion, kind, ref }` objects. Object types are strict (`additionalProperties: false`) so
// unknown fields are caught; string maps stay open. IntOrString, Quantity and Time get the JSON
// types the API server accepts. The run is skipped when the output already records the same
// kubernetes-models version and generator version (the schema is a pure function of both).
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const outDir = join(root, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist/schemas');
const force = args.includes('--force');

const modelsDir = dirname(require.resolve('kubernetes-models/package.json'));
const machineryDir = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const modelsVersion = JSON.parse(readFileSync(join(modelsDir, 'package.json'), 'utf8')).version;
const generatorVersion = JSON.parse(readFileSync(require.resolve('ts-json-schema-generator/package.json'), 'utf8')).version;
/** kubernetes-models 5.x tracks Kubernetes 1.36 (its README and generated sources say v1.36.0). */
const KUBERNETES_VERSION = '1.36';
const outFile = join(outDir, `kubernetes-${KUBERNETES_VERSION}.json`);
const stamp = `kubernetes-models@${modelsVersion} ts-json-schema-generator@${generatorVersion} format@2`;

function upToDate() {
  if (force || !existsSync(outFile)) return false;
  try {
    return JSON.parse(readFileSync(outFile, 'utf8'))['x-source'] === stamp;
  } catch {
    return false;
  }
}

/** Upstream API groups whose OpenAPI ids do not start with `io.k8s.api.`. */
const GROUP_PREFIX = {
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
};

/** `.../kubernetes-models/apps/v1/Deployment.d.ts` → `io.k8s.api.apps.v1.Deployment`. */
function idForFile(file) {
  const inModels = relative(modelsDir, file);
  if (!inModels.startsWith('..')) {
    const parts = inModels.replace(/\.d\.ts$/, '').split(sep);
    if (parts.length === 2) return `io.k8s.api.core.${parts[0]}.${parts[1]}`;
    const [group, version, name] = parts;
    const prefix = GROUP_PREFIX[group] ?? `io.k8s.api.${group.split('.')[0]}`;
    return `${prefix}.${version}.${name}`;
  }
  const inMachinery = relative(machineryDir, file);
  if (!inMachinery.startsWith('..')) {
    return `io.k8s.apimachinery.pkg.${inMachinery.replace(/\.d\.ts$/, '').split(sep).join('.')}`;
  }
  return undefined;
}

/** Every top-level kind: a declaration file whose interface fixes `apiVersion` and `kind`. */
function findKinds() {
  const kinds = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (name.startsWith('_') || name === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.d.ts') && name !== 'index.d.ts') {
        const text = readFileSync(p, 'utf8');
        const iface = /export interface (I\w+) extends TypeMeta \{/.exec(text);
        const apiVersion = /^ {4}"apiVersion": "([^"]+)";/m.exec(text);
        const kind = /^ {4}"kind": "([^"]+)";/m.exec(text);
        if (iface && apiVersion && kind) kinds.push({ file: p, iface: iface[1], apiVersion: apiVersion[1], kind: kind[1], ref: idForFile(p) });
      }
    }
  };
  walk(modelsDir);
  return kinds;
}

async function generate() {
  const { createGenerator } = await import('ts-json-schema-generator');
  // ExposeNodeParser is internal to ts-json-schema-generator: the version is pinned in package.json
  // and test/unit/kubernetes/schema.test.ts checks the ids, so an upgrade that moves it fails loudly.
  const exposeModule = require('ts-json-schema-generator/dist/src/ExposeNodeParser.js');
  // Definition names come from the declaring file, so autoscaling/v1 and v2 HorizontalPodAutoscaler
  // (or core and events Event) no longer collide and ids match the upstream OpenAPI ones.
  const original = exposeModule.ExposeNodeParser.prototype.getDefinitionName;
  exposeModule.ExposeNodeParser.prototype.getDefinitionName = function (node, context) {
    return idForFile(node.getSourceFile().fileName) ?? original.call(this, node, context);
  };

  const kinds = findKinds();
  const work = join(root, '.cache', 'k8s-schema');
  mkdirSync(work, { recursive: true });
  const entry = join(work, 'entry.ts');
  const imports = kinds.map((k, i) => `import type { ${k.iface} as K${i} } from ${JSON.stringify(k.file.replace(/\.d\.ts$/, '.js'))};`);
  const fields = kinds.map((_, i) => `  k${i}: K${i};`);
  writeFileSync(entry, `${imports.join('\n')}\nexport interface AllKinds {\n${fields.join('\n')}\n}\n`);
  const tsconfig = join(work, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, strict: true }, files: ['entry.ts'] }));

  const generator = createGenerator({ path: entry, tsconfig, type: 'AllKinds', expose: 'all', topRef: true, jsDoc: 'extended', skipTypeCheck: true, additionalProperties: false, sortProps: true });
  const raw = generator.createSchema('AllKinds');
  const definitions = {};
  for (const [name, def] of Object.entries(raw.definitions)) {
    if (name === 'AllKinds') continue;
    definitions[name] = def;
  }
  fixScalars(definitions);
  openOpaque(definitions);
  rewriteRefs(definitions);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    'x-source': stamp,
    'x-kubernetes-version': KUBERNETES_VERSION,
    'x-kinds': kinds.map(({ apiVersion, kind, ref }) => ({ apiVersion, kind, ref })),
    definitions,
  };
}

/** The API server's own JSON types for the special scalars (the declarations say `string | number`). */
function fixScalars(definitions) {
  const intOrString = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  const quantity = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
  if (definitions[intOrString]) definitions[intOrString] = { ...definitions[intOrString], type: ['string', 'integer'], format: 'int-or-string' };
  if (definitions[quantity]) definitions[quantity] = { ...definitions[quantity], type: ['string', 'number'], format: 'quantity', description: definitions[quantity].description ?? 'A fixed-point number with an optional suffix, e.g. `500m`, `128Mi`, `2`.' };
  for (const name of ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']) {
    if (definitions[name]) definitions[name] = { ...definitions[name], type: 'string', format: 'date-time' };
  }
}

/**
 * Declarations with no fields (`JSON`, `RawExtension`, `JSONSchemaPropsOrArray`, `FieldsV1`) stand
 * for free-form values; the generator would close them as empty objects, so they accept anything.
 */
function openOpaque(value) {
  if (Array.isArray(value)) {
    value.forEach(openOpaque);
  } else if (value && typeof value === 'object') {
    if (value.type === 'object' && value.additionalProperties === false && !value.properties) {
      delete value.type;
      delete value.additionalProperties;
      value['x-kubernetes-preserve-unknown-fields'] = true;
    }
    Object.values(value).forEach(openOpaque);
  }
}

/** `#/definitions/<id>` refs stay; generator-escaped names are decoded. */
function rewriteRefs(value) {
  if (Array.isArray(value)) {
    value.forEach(rewriteRefs);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') value[key] = decodeURIComponent(child);
      else rewriteRefs(child);
    }
  }
}

if (upToDate()) {
  console.log(`k8s schema: ${relative(root, outFile)} is up to date (${stamp})`);
} else {
  const started = Date.now();
  const schema = await generate();
  mkdirSync(outDir, { recursive: true });
  const text = JSON.stringify(schema);
  writeFileSync(outFile, text);
  console.log(`k8s schema: ${relative(root, outFile)}: ${Object.keys(schema.definitions).length} definitions, ${schema['x-kinds'].length} kinds, ${(text.length / 1024).toFixed(0)} KB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
