import type { Finding } from '../common';
import type { ServiceContext, SourceDocument } from '../workspace';
import { validate } from '../yamlSchema';
import { composeFile } from './model';
import { RULES } from './rules';
import { COMPOSE_SCHEMA } from './schema';

/** Largest file checked; Compose files are a few KB, and a huge one is not being edited by hand. */
const MAX_COMPOSE_CHARS = 2 * 1024 * 1024;

/** yaml-language-server's findings (syntax, schema) first, then the rules read the file with them. */
export async function diagnose(ctx: ServiceContext, src: SourceDocument): Promise<Finding[]> {
  if (src.doc.getText().length > MAX_COMPOSE_CHARS) return [];
  const problems = await validate(ctx, COMPOSE_SCHEMA, src.doc);
  const file = composeFile(ctx, src.doc);
  return RULES.flatMap((rule) => rule.check({ file, ctx, problems }));
}
