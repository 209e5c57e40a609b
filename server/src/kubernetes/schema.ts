import { KUBERNETES_VERSIONS } from '../common';
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

/** The version the settings ask for, or the newest bundled one when the setting names none we have. */
export function targetVersion(ctx: ServiceContext): string {
  const wanted = ctx.settings.kubernetes.version;
  return (KUBERNETES_VERSIONS as readonly string[]).includes(wanted) ? wanted : KUBERNETES_VERSIONS[0];
}

export function typeMetaKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** The bundled schema for the target version, parsed once per session; `undefined` when not built. */
export function bundledSchema(ctx: ServiceContext): KubeSchema | undefined {
  const resources = ctx.resources;
  if (!resources) return undefined;
  const version = targetVersion(ctx);
  return resources.memo(`kubernetes/schema/${version}`, () => {
    const text = resources.text(`schemas/kubernetes-${version}.json`);
    if (!text) return undefined;
    try {
      const raw = JSON.parse(text) as { definitions: Record<string, JsonSchema>; 'x-kinds': KindInfo[] };
      return {
        version,
        definitions: raw.definitions,
        kinds: raw['x-kinds'],
        byTypeMeta: new Map(raw['x-kinds'].map((k) => [typeMetaKey(k.apiVersion, k.kind), k])),
      };
    } catch {
      return undefined;
    }
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
