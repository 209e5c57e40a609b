// The pieces shared by the scripts that turn kubernetes-models-style type declarations into JSON
// Schema with ts-json-schema-generator: scripts/k8sSchema.mjs (the Kubernetes API itself) and
// scripts/crdCatalog.mjs (custom resources of popular operators, from @kubernetes-models/*).
//
// Both packages declare one type per file, `<group>/<version>/<Name>.d.ts`, and a kind as an
// interface with literal `apiVersion` and `kind` fields. Definition ids are derived from the
// declaring file's path (never from the interface name, which collides across groups), objects are
// closed (`additionalProperties: false`) and empty declarations stand for free-form values.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

const require = createRequire(import.meta.url);

export const generatorVersion = JSON.parse(readFileSync(require.resolve('ts-json-schema-generator/package.json'), 'utf8')).version;

/** Upstream API groups whose OpenAPI ids do not start with `io.k8s.api.`. */
const GROUP_PREFIX = {
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
};

/**
 * The upstream-style id of a declaration of kubernetes-models or @kubernetes-models/apimachinery:
 * `.../kubernetes-models/apps/v1/Deployment.d.ts` → `io.k8s.api.apps.v1.Deployment`; undefined for
 * a file of neither package.
 */
export function kubernetesIdForFile({ modelsDir, machineryDir }, file) {
  // apimachinery first: an aliased package nests its own copy under its folder.
  const inMachinery = relative(machineryDir, file);
  if (!inMachinery.startsWith('..')) {
    return `io.k8s.apimachinery.pkg.${inMachinery
      .replace(/\.d\.ts$/, '')
      .split(sep)
      .join('.')}`;
  }
  const inModels = relative(modelsDir, file);
  if (!inModels.startsWith('..')) {
    const parts = inModels.replace(/\.d\.ts$/, '').split(sep);
    if (parts.length === 2) return `io.k8s.api.core.${parts[0]}.${parts[1]}`;
    const [group, version, name] = parts;
    const prefix = GROUP_PREFIX[group] ?? `io.k8s.api.${group.split('.')[0]}`;
    return `${prefix}.${version}.${name}`;
  }
  return undefined;
}

/**
 * Every top-level kind under `dir`: a declaration file whose exported interface fixes `apiVersion`
 * and `kind` to literals (kubernetes-models' kinds extend TypeMeta; the CRD-generated ones of
 * @kubernetes-models/istio declare the two fields themselves). `idForFile` names its definition.
 */
export function findKinds(dir, idForFile) {
  const kinds = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const p = join(folder, name);
      if (name.startsWith('_') || name === 'node_modules') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.d.ts') && name !== 'index.d.ts') {
        const text = readFileSync(p, 'utf8');
        const iface = /^export interface (I\w+)(?: extends TypeMeta)? \{/m.exec(text);
        const apiVersion = /^ {4}"apiVersion": "([^"]+)";/m.exec(text);
        const kind = /^ {4}"kind": "([^"]+)";/m.exec(text);
        if (iface && apiVersion && kind) kinds.push({ file: p, iface: iface[1], apiVersion: apiVersion[1], kind: kind[1], ref: idForFile(p) });
      }
    }
  };
  walk(dir);
  return kinds;
}

let originalDefinitionName;

/**
 * Draft-07 definitions of every kind and the types they use, keyed by `idForFile` (the generator's
 * own name for a declaration `idForFile` does not know). `work` is a scratch folder for the entry
 * file. Scalars, free-form values and refs are already fixed (see below).
 */
export async function generateDefinitions({ kinds, idForFile, work }) {
  const { createGenerator } = await import('ts-json-schema-generator');
  // ExposeNodeParser is internal to ts-json-schema-generator: the version is pinned in package.json
  // and test/unit/kubernetes/schema.test.ts checks the ids, so an upgrade that moves it fails loudly.
  const exposeModule = require('ts-json-schema-generator/dist/src/ExposeNodeParser.js');
  // Definition names come from the declaring file, so autoscaling/v1 and v2 HorizontalPodAutoscaler
  // (or core and events Event) no longer collide and ids match the upstream OpenAPI ones.
  originalDefinitionName ??= exposeModule.ExposeNodeParser.prototype.getDefinitionName;
  const original = originalDefinitionName;
  exposeModule.ExposeNodeParser.prototype.getDefinitionName = function (node, context) {
    return idForFile(node.getSourceFile().fileName) ?? original.call(this, node, context);
  };

  mkdirSync(work, { recursive: true });
  const entry = join(work, 'entry.ts');
  const imports = kinds.map((k, i) => `import type { ${k.iface} as K${i} } from ${JSON.stringify(k.file.replace(/\.d\.ts$/, '.js'))};`);
  const fields = kinds.map((_, i) => `  k${i}: K${i};`);
  writeFileSync(entry, `${imports.join('\n')}\nexport interface AllKinds {\n${fields.join('\n')}\n}\n`);
  const tsconfig = join(work, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, strict: true },
      files: ['entry.ts'],
    }),
  );

  const generator = createGenerator({
    path: entry,
    tsconfig,
    type: 'AllKinds',
    expose: 'all',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: false,
    sortProps: true,
  });
  const raw = generator.createSchema('AllKinds');
  const definitions = {};
  for (const [name, def] of Object.entries(raw.definitions)) {
    if (name === 'AllKinds') continue;
    definitions[name] = def;
  }
  fixScalars(definitions);
  openOpaque(definitions);
  rewriteRefs(definitions);
  return definitions;
}

/** The API server's own JSON types for the special scalars (the declarations say `string | number`). */
function fixScalars(definitions) {
  const intOrString = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  const quantity = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
  if (definitions[intOrString]) definitions[intOrString] = { ...definitions[intOrString], type: ['string', 'integer'], format: 'int-or-string' };
  if (definitions[quantity])
    definitions[quantity] = {
      ...definitions[quantity],
      type: ['string', 'number'],
      format: 'quantity',
      description: definitions[quantity].description ?? 'A fixed-point number with an optional suffix, e.g. `500m`, `128Mi`, `2`.',
    };
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

/** Whether `outFile` exists and records `stamp` as its `x-source` (its inputs have not changed). */
export function stampMatches(outFile, stamp) {
  try {
    return JSON.parse(readFileSync(outFile, 'utf8'))['x-source'] === stamp;
  } catch {
    return false;
  }
}
