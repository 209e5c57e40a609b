// Fires when a field with a fixed set of values gets another one (e.g. `type: Nodeport`,
// `imagePullPolicy: always`). Values are case-sensitive and the API server rejects others.
import type { Rule, RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { schemaCheck } from './rule';

const meta: RuleMeta = {
  id: 'k8s/bad-enum',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A value outside the allowed set',
  help: 'Use one of the values the message lists, spelled exactly (they are case-sensitive).',
};

export const badEnum: Rule<ManifestFile> = { meta, check: schemaCheck(meta, 'bad-enum') };
