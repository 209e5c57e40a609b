// Fires on a key the schema of the object's kind does not define (e.g. `replica:` for `replicas:`).
// The API server rejects such objects under strict field validation and silently drops the field
// otherwise, so a typo quietly changes nothing.
import type { Rule, RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { schemaCheck } from './rule';

const meta: RuleMeta = {
  id: 'k8s/unknown-field',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A field the schema does not define',
  help: 'The field is not part of this kind at the target Kubernetes version. Fix the spelling (the message suggests the closest field) or move it to the right level.',
};

export const unknownField: Rule<ManifestFile> = { meta, check: schemaCheck(meta, 'unknown-field') };
