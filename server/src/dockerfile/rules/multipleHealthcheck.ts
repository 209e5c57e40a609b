// Fires when a stage has more than one HEALTHCHECK. Only the last one takes effect, so the earlier
// ones mislead readers.
import type { Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { onlyLastCounts } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/multiple-healthcheck',
  severity: 'warning',
  basis: 'practice',
  title: 'More than one HEALTHCHECK in a stage',
  help: 'Only the last HEALTHCHECK of a stage counts; keep one.',
};

export const multipleHealthcheck: Rule<DockerfileModel> = { meta, check: onlyLastCounts(meta, 'HEALTHCHECK') };
