import type { BundledSchema } from '../yamlSchema';

/** The Compose Specification schema, copied from dclint at build time (scripts/composeSchema.mjs). */
export const COMPOSE_SCHEMA: BundledSchema = { file: 'schemas/compose.json' };
