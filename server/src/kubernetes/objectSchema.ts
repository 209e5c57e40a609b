import type { CatalogSchema } from './catalog';
import type { KubeObject, ParsedManifests } from './parse';
import { type JsonSchema, type KubeSchema, typeMetaKey } from './schema';
import { crdSchemas, type WorkspaceIndex } from './workspaceIndex';

/** Where an object's schema can come from: the bundled schema, CRDs in the same file or the workspace, the CRD catalog. */
export interface SchemaSources {
  schema: KubeSchema | undefined;
  parsed: ParsedManifests;
  index(): WorkspaceIndex;
  /** The bundled CRD catalog's schema for a custom resource (see catalog.ts). */
  catalog(apiVersion: string, kind: string): CatalogSchema | undefined;
}

export interface ObjectSchema {
  schema: JsonSchema;
  /** The definitions `schema`'s `$ref`s point into. */
  definitions: Record<string, JsonSchema>;
  /** CRD schemas are structural: properties they do not list are unknown (see validate.ts). */
  structural: boolean;
  /** Where a catalog schema comes from (`@kubernetes-models/cert-manager@6.0.0`); undefined for the others. */
  origin?: string;
}

/**
 * The schema an object is checked against: bundled kinds first, then CRDs in this file or the
 * workspace, then the CRD catalog — a CRD the user has is the one their cluster runs, the catalog's
 * may be of another version of the operator.
 */
export function objectSchema(sources: SchemaSources, obj: Pick<KubeObject, 'apiVersion' | 'kind'>): ObjectSchema | undefined {
  const definitions = sources.schema?.definitions ?? {};
  const bundled = sources.schema?.byTypeMeta.get(typeMetaKey(obj.apiVersion, obj.kind));
  if (bundled) return { schema: { $ref: `#/definitions/${bundled.ref}` }, definitions, structural: false };
  // Core groups never come from CRDs; only look further for custom groups.
  if (!obj.apiVersion.includes('.')) return undefined;
  const key = typeMetaKey(obj.apiVersion, obj.kind);
  // A CRD in the same document wins, so a synthetic (Helm) document can carry its own CRDs. One
  // with a syntax error is not used: the schema being typed would flag fields it does not list yet.
  const local = sources.parsed.objects
    .filter((o) => o.kind === 'CustomResourceDefinition' && !o.broken)
    .flatMap(crdSchemas)
    .find(([k]) => k === key)?.[1]();
  const index = sources.index();
  const crd = local ?? index.crdSchema(key);
  if (crd) return { schema: withObjectMeta(crd, sources.schema), definitions, structural: true };
  // While the editor is still reading the workspace, a file not read yet may hold the CRD, which
  // would win: the catalog waits (the editor checks open documents again once the index is complete).
  if (!index.everyFileRead) return undefined;
  // The catalog's objects are closed by the generator (maps and free-form values stay open), as the
  // bundled kinds are: not structural.
  const catalog = sources.catalog(obj.apiVersion, obj.kind);
  return catalog && { schema: catalog.schema, definitions: catalog.definitions, structural: false, origin: catalog.origin };
}

/** CRD schemas leave apiVersion, kind and metadata implicit; the API server checks them itself. */
function withObjectMeta(crd: JsonSchema, schema: KubeSchema | undefined): JsonSchema {
  const meta: JsonSchema = schema ? { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } : { type: 'object' };
  return { ...crd, type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: meta, ...(crd.properties ?? {}) } };
}
