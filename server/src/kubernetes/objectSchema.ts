import type { KubeObject, ParsedManifests } from './parse';
import { type JsonSchema, type KubeSchema, typeMetaKey } from './schema';
import { crdSchemas, type WorkspaceIndex } from './workspaceIndex';

/** Where an object's schema can come from: the bundled schema, CRDs in the same file, CRDs in the workspace. */
export interface SchemaSources {
  schema: KubeSchema | undefined;
  parsed: ParsedManifests;
  index(): WorkspaceIndex;
}

/** The schema an object is checked against: bundled kinds first, then CRDs in this file or the workspace. */
export function objectSchema(sources: SchemaSources, obj: Pick<KubeObject, 'apiVersion' | 'kind'>): { schema: JsonSchema; structural: boolean } | undefined {
  const bundled = sources.schema?.byTypeMeta.get(typeMetaKey(obj.apiVersion, obj.kind));
  if (bundled && sources.schema) return { schema: { $ref: `#/definitions/${bundled.ref}` }, structural: false };
  // Core groups never come from CRDs; only look further for custom groups.
  if (!obj.apiVersion.includes('.')) return undefined;
  const key = typeMetaKey(obj.apiVersion, obj.kind);
  // A CRD in the same document wins, so a synthetic (Helm) document can carry its own CRDs. One
  // with a syntax error is not used: the schema being typed would flag fields it does not list yet.
  const local = sources.parsed.objects
    .filter((o) => o.kind === 'CustomResourceDefinition' && !o.broken)
    .flatMap(crdSchemas)
    .find(([k]) => k === key)?.[1]();
  const crd = local ?? sources.index().crdSchema(key);
  return crd ? { schema: withObjectMeta(crd, sources.schema), structural: true } : undefined;
}

/** CRD schemas leave apiVersion, kind and metadata implicit; the API server checks them itself. */
function withObjectMeta(crd: JsonSchema, schema: KubeSchema | undefined): JsonSchema {
  const meta: JsonSchema = schema ? { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } : { type: 'object' };
  return { ...crd, type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: meta, ...(crd.properties ?? {}) } };
}
