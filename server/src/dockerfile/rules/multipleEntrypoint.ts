// Fires when a stage has more than one ENTRYPOINT. Only the last one takes effect, so the earlier
// ones mislead readers.
import type { Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { onlyLastCounts } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/multiple-entrypoint',
  severity: 'warning',
  basis: 'practice',
  title: 'More than one ENTRYPOINT in a stage',
  help: 'Only the last ENTRYPOINT of a stage counts; keep one.',
};

export const multipleEntrypoint: Rule<DockerfileModel> = { meta, check: onlyLastCounts(meta, 'ENTRYPOINT') };
