// Fires when a field the schema marks as required is absent (a Deployment without
// `spec.selector`, a container without `name`). The API server rejects the object.
import type { Rule, RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { schemaCheck } from './rule';

const meta: RuleMeta = {
  id: 'k8s/missing-required',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A required field is missing',
  help: 'Add the field the message names; completion inside the map lists it with its documentation.',
};

export const missingRequired: Rule<ManifestFile> = { meta, check: schemaCheck(meta, 'missing-required') };
