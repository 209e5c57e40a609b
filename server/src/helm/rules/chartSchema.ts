// Fires where Chart.yaml gives a field a value Helm cannot read: a wrong type (a number where
// Helm wants a string, a map for a list), an apiVersion or type Helm does not know, a dependency
// or maintainer that is not a mapping. Helm reads Chart.yaml into its chart metadata and refuses
// such a file. Found by yaml-language-server against the bundled Chart.yaml schema; missing
// fields are helm/chart-fields, and unknown keys are left alone (Helm ignores them).
import type { Rule, RuleMeta } from '../../common';
import { schemaViolations } from '../../yamlSchema';
import type { SchemaCheckedFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/chart-schema',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Chart.yaml field of the wrong type or value',
  help: 'Give each Chart.yaml field the type the Helm documentation names (strings for versions, a list of mappings for dependencies and maintainers); hover shows what each field takes.',
};

export const chartSchema: Rule<SchemaCheckedFile> = {
  meta,
  check: ({ problems }) => schemaViolations(meta, problems),
};
