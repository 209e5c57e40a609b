import { objectSchema, type SchemaSources } from './objectSchema';
import type { KubeObject } from './parse';
import { deref, itemSchema, type JsonSchema, propertySchema } from './schema';

/** The schema of the object's root and of a key path inside it (`[]` steps into list items). */
export interface PathSchema {
  schema: JsonSchema;
  /** The schema of the map holding the last key (for `required`). */
  parent?: JsonSchema;
  definitions: Record<string, JsonSchema>;
  /** Where the object's schema comes from when it is the CRD catalog's (see ObjectSchema.origin). */
  origin?: string;
}

export function schemaAt(sources: SchemaSources, obj: Pick<KubeObject, 'apiVersion' | 'kind'>, path: readonly string[]): PathSchema | undefined {
  const root = objectSchema(sources, obj);
  if (!root) return undefined;
  const { definitions, origin } = root;
  let current = deref(definitions, root.schema);
  let parent: JsonSchema | undefined;
  for (const step of path) {
    if (!current) return undefined;
    // A key inside a list item: the list's items hold the properties.
    while (current && deref(definitions, current)?.type === 'array' && step !== '[]') current = itemSchema(definitions, current);
    if (step === '[]') {
      current = itemSchema(definitions, current);
      continue;
    }
    parent = current;
    current = propertySchema(definitions, current, step);
  }
  return current ? { schema: current, parent, definitions, origin } : undefined;
}

/** "Defaults to X" as the upstream descriptions say it. */
export function defaultOf(schema: JsonSchema): string | undefined {
  if (schema.default !== undefined) return JSON.stringify(schema.default);
  const m = /Defaults? to "?([\w.\-/:]+?)"?[.,;\s]/.exec(schema.description ?? '');
  return m?.[1];
}
