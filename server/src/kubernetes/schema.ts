import { KUBERNETES_VERSIONS, nearestKubernetesVersion, type Resources } from '../common';
import type { ServiceContext } from '../workspace';

/** The subset of JSON Schema the generated schema and CRD openAPIV3Schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

export interface KindInfo {
  apiVersion: string;
  kind: string;
  /** Definition id, e.g. `io.k8s.api.apps.v1.Deployment`. */
  ref: string;
}

/** A bundled schema: definitions by id, and which definition each apiVersion/kind pair uses. */
export interface KubeSchema {
  version: string;
  definitions: Record<string, JsonSchema>;
  kinds: KindInfo[];
  byTypeMeta: Map<string, KindInfo>;
}

/**
 * The bundled version the settings ask for: the one named, or the bundled minor nearest to it
 * (`1.35` → 1.36), or the newest when the setting names no version at all.
 */
export function targetVersion(ctx: ServiceContext): string {
  return nearestKubernetesVersion(ctx.settings.kubernetes.version) ?? KUBERNETES_VERSIONS[0];
}

export function typeMetaKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/**
 * A bundled schema file as scripts/k8sSchema.mjs writes it: the newest version whole, every older one
 * as a delta against it (the definitions that differ or are its own, and the newest's ids it lacks).
 */
export interface SchemaFile {
  'x-source': string;
  'x-kubernetes-version': string;
  'x-kinds': KindInfo[];
  definitions: Record<string, JsonSchema>;
  /** On a delta: the version and stamp of the whole file it applies to. */
  'x-base'?: { version: string; source: string };
  'x-removed-definitions'?: string[];
}

/**
 * The schema of `version` from its file and, for a delta, the whole file it names; `undefined` when
 * the base is missing or is not the one the delta was made against (a half-rebuilt dist/).
 */
export function composeSchema(version: string, file: SchemaFile, base?: SchemaFile): KubeSchema | undefined {
  let definitions = file.definitions;
  if (file['x-base']) {
    if (base?.['x-source'] !== file['x-base'].source) return undefined;
    const removed = new Set(file['x-removed-definitions']);
    definitions = {};
    for (const [id, definition] of Object.entries(base.definitions)) if (!removed.has(id)) definitions[id] = definition;
    Object.assign(definitions, file.definitions);
  }
  const kinds = file['x-kinds'];
  return { version, definitions, kinds, byTypeMeta: new Map(kinds.map((k) => [typeMetaKey(k.apiVersion, k.kind), k])) };
}

/** A bundled schema file, parsed once per session; `undefined` when not built or unreadable. */
function schemaFile(resources: Resources, version: string): SchemaFile | undefined {
  return resources.memo(`kubernetes/schemaFile/${version}`, () => {
    const text = resources.text(`schemas/kubernetes-${version}.json`);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as SchemaFile;
    } catch {
      return undefined;
    }
  });
}

/**
 * The bundled schema for the target version, composed once per session and version on first use
 * (an older version parses its small delta and the newest's file, which it shares); `undefined`
 * when not built.
 */
export function bundledSchema(ctx: ServiceContext): KubeSchema | undefined {
  const resources = ctx.resources;
  if (!resources) return undefined;
  const version = targetVersion(ctx);
  return resources.memo(`kubernetes/schema/${version}`, () => {
    const file = schemaFile(resources, version);
    const baseVersion = file?.['x-base']?.version;
    return file && composeSchema(version, file, baseVersion ? schemaFile(resources, baseVersion) : undefined);
  });
}

/**
 * Whether a field's description marks it deprecated, as the upstream API types do ("Deprecated: Use
 * serviceAccountName instead.", "DEPRECATED. …", "This field is deprecated …").
 */
export function isDeprecated(schema: JsonSchema | undefined): boolean {
  return /(?:^|[.\n]\s*)(?:Deprecated[:.]|DEPRECATED[.:]|This field is deprecated)/.test(schema?.description ?? '');
}

/** Follows `$ref`s (bounded, so a cyclic schema cannot hang us). */
export function deref(definitions: Record<string, JsonSchema>, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 32; hops++) {
    current = definitions[current.$ref.replace(/^#\/definitions\//, '')];
  }
  return current;
}

/** The schema of a property, with `$ref`s followed. */
export function propertySchema(definitions: Record<string, JsonSchema>, schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const s = deref(definitions, schema);
  if (!s) return undefined;
  const prop = s.properties?.[key];
  if (prop) return deref(definitions, prop);
  if (typeof s.additionalProperties === 'object') return deref(definitions, s.additionalProperties);
  return undefined;
}

export function itemSchema(definitions: Record<string, JsonSchema>, schema: JsonSchema | undefined): JsonSchema | undefined {
  const s = deref(definitions, schema);
  const item = Array.isArray(s?.items) ? s?.items[0] : s?.items;
  return deref(definitions, item);
}

/** A short type name for docs and messages: `string`, `integer or string`, `[]Container`, `map[string]string`. */
export function typeName(definitions: Record<string, JsonSchema>, schema: JsonSchema | undefined, depth = 0): string {
  if (!schema || depth > 4) return 'any';
  if (schema.$ref) {
    const id = schema.$ref.replace(/^#\/definitions\//, '');
    const target = definitions[id];
    if (target && target.type !== 'object' && !target.properties) return typeName(definitions, target, depth + 1);
    return id.split('.').pop() ?? id;
  }
  if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') return 'integer or string';
  if (schema.format === 'quantity') return 'quantity';
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
  if (type === 'array') return `[]${typeName(definitions, Array.isArray(schema.items) ? schema.items[0] : schema.items, depth + 1)}`;
  if (type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `map[string]${typeName(definitions, schema.additionalProperties, depth + 1)}`;
  }
  return type ?? 'any';
}
