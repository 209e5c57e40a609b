import type { ServiceContext } from '../workspace';
import { bundledSchema, deref, itemSchema, type JsonSchema, propertySchema, typeMetaKey } from './schema';

/**
 * The offline CRD catalog: schemas of popular operators' custom resources, generated at build time
 * from the `@kubernetes-models/*` packages (scripts/crdCatalog.mjs), for custom resources whose CRD
 * is not in the workspace. Read lazily: the small index (which package defines which
 * `apiVersion kind`) on the first custom resource no bundled kind or workspace CRD describes, a
 * package's file on the first resource of that package; a session that never opens such a manifest
 * reads neither.
 *
 * A package's definitions refer to Kubernetes' own types (ObjectMeta, Container, …) by their ids in
 * the bundled Kubernetes schema, so they are checked against the target version's definitions.
 */
export interface CatalogSchema {
  /** `$ref` to the kind's definition. */
  schema: JsonSchema;
  /** The package's definitions over the bundled Kubernetes schema's. */
  definitions: Record<string, JsonSchema>;
  /** Where the schema comes from, e.g. `@kubernetes-models/cert-manager@6.0.0`. */
  origin: string;
}

interface CatalogIndex {
  packages: Record<string, { package: string; version: string }>;
  kinds: Record<string, { package: string; ref: string }>;
}

interface CatalogPackage {
  definitions: Record<string, JsonSchema>;
}

/** The catalog's index; undefined when the catalog is off or not built. */
function catalogIndex(ctx: ServiceContext): CatalogIndex | undefined {
  const resources = ctx.resources;
  if (!resources || !ctx.settings.kubernetes.crdCatalog) return undefined;
  return resources.memo('kubernetes/crd-catalog/index', () => readJson<CatalogIndex>(resources.text('schemas/crd-catalog/index.json')));
}

/** Every `apiVersion`/`kind` pair the catalog describes, with the package it comes from (for completion). */
export function catalogKinds(ctx: ServiceContext): Array<{ apiVersion: string; kind: string; origin: string }> {
  const index = catalogIndex(ctx);
  if (!index) return [];
  return Object.entries(index.kinds).map(([typeMeta, entry]) => {
    const [apiVersion, kind] = typeMeta.split(' ');
    const info = index.packages[entry.package];
    return { apiVersion, kind, origin: info ? `${info.package}@${info.version}` : entry.package };
  });
}

/** The catalog's schema for `apiVersion kind`, or undefined (not in the catalog, catalog off or not built). */
export function catalogSchema(ctx: ServiceContext, apiVersion: string, kind: string): CatalogSchema | undefined {
  const resources = ctx.resources;
  const index = catalogIndex(ctx);
  if (!resources || !index) return undefined;
  const entry = index.kinds[typeMetaKey(apiVersion, kind)];
  const info = entry && index.packages[entry.package];
  if (!entry || !info) return undefined;
  const kubernetes = bundledSchema(ctx);
  const definitions = resources.memo(`kubernetes/crd-catalog/${entry.package}/${kubernetes?.version ?? 'none'}`, () => {
    const own = readJson<CatalogPackage>(resources.text(`schemas/crd-catalog/${entry.package}.json`));
    return own && { ...kubernetes?.definitions, ...own.definitions };
  });
  if (!definitions?.[entry.ref]) return undefined;
  return { schema: { $ref: `#/definitions/${entry.ref}` }, definitions, origin: `${info.package}@${info.version}` };
}

/**
 * The catalog kinds whose objects have the field path `segments` (`spec.source.repoURL`; lists are
 * stepped through), for the notes-file key catalogue. Reads every package of the catalog, so only
 * asked about a key the bundled Kubernetes schema does not know.
 */
export function catalogKindsWithField(ctx: ServiceContext, segments: readonly string[]): string[] {
  const kinds = new Set<string>();
  for (const { apiVersion, kind } of catalogKinds(ctx)) {
    const found = catalogSchema(ctx, apiVersion, kind);
    if (!found) continue;
    let current = deref(found.definitions, found.schema);
    for (const step of segments) {
      while (current?.type === 'array') current = itemSchema(found.definitions, current);
      current = propertySchema(found.definitions, current, step);
      if (!current) break;
    }
    if (current) kinds.add(kind);
  }
  return [...kinds].sort();
}

function readJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
