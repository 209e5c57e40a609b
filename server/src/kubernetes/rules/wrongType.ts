// Fires when a value has the wrong JSON type for its field (a string where a number belongs, a
// map where a list belongs). The API server refuses the whole object with a decoding error.
import type { Rule, RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { schemaCheck } from './rule';

const meta: RuleMeta = {
  id: 'k8s/wrong-type',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A value of the wrong type',
  help: 'Give the field the type the schema asks for: unquote numbers, quote strings that look like numbers or booleans, and use `- item` lists where a list is expected.',
};

export const wrongType: Rule<ManifestFile> = { meta, check: schemaCheck(meta, 'wrong-type') };
