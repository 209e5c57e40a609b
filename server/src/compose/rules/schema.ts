// Fires where the file breaks the Compose Specification schema: an unknown or misspelt key, a
// value of the wrong type, a value the schema does not allow. `docker compose` validates every
// file against this schema and refuses it. Found by yaml-language-server against the bundled schema.
import type { Rule, RuleMeta } from '../../common';
import { schemaViolations } from '../../yamlSchema';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/schema',
  severity: 'error',
  basis: 'refused:compose',
  title: 'Not allowed by the Compose Specification',
  help: 'Use the keys and value types the Compose Specification defines; completion lists them, and hover shows what each key takes.',
};

export const schema: Rule<ComposeCheck> = {
  meta,
  // `version`, deprecated, has a rule of its own.
  check: ({ problems }) => schemaViolations(meta, problems),
};
