// Fires when a stage has more than one CMD. Only the last one takes effect, so the earlier
// ones mislead readers.
import type { Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { onlyLastCounts } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/multiple-cmd',
  severity: 'warning',
  basis: 'practice',
  title: 'More than one CMD in a stage',
  help: 'Only the last CMD of a stage counts; keep one.',
};

export const multipleCmd: Rule<DockerfileModel> = { meta, check: onlyLastCounts(meta, 'CMD') };
