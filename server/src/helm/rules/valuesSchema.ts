// Fires where a values file breaks the chart's values.schema.json (a wrong type, a value the
// schema does not allow, a key it does not know, a required value missing from values.yaml), and
// once on values.yaml when that schema cannot be read or parsed. `helm lint`, `helm install` and
// `helm template` check the merged values against the schema and refuse values that fail it.
// Found by yaml-language-server; override files are checked without `required` (values.yaml gives the rest).
import { finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { schemaViolations } from '../../yamlSchema';
import type { SchemaCheckedFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/values-schema',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Values do not match values.schema.json',
  help: "Give each value the type and form the chart's values.schema.json asks for; completion lists its keys and hover shows what each takes.",
};

export const valuesSchema: Rule<SchemaCheckedFile> = {
  meta,
  check: ({ doc, problems, brokenSchema }) => {
    if (brokenSchema) {
      const text = doc.getText();
      const firstLine = text.indexOf('\n');
      return [finding(meta, rangeOf(doc, 0, firstLine < 0 ? text.length : firstLine), brokenSchema)];
    }
    return schemaViolations(meta, problems);
  },
};
