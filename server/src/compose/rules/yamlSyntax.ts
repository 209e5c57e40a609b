// Fires where the YAML does not parse (an unclosed quote, a tab for indentation, a key repeated in
// one mapping). `docker compose` refuses such a file before it looks at anything else.
import { finding, type Rule, type RuleMeta } from '../../common';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/yaml-syntax',
  severity: 'error',
  basis: 'refused:compose',
  title: 'The YAML does not parse',
  help: 'Fix the YAML at the position shown: indentation with spaces (never tabs), a colon after each key, closed brackets and quotes, each key once per mapping.',
};

export const yamlSyntax: Rule<ComposeCheck> = {
  meta,
  check: ({ problems }) => problems.filter((p) => p.kind === 'syntax').map((p) => finding(meta, p.range, p.message)),
};
