// Fires when a stage has more than one ENTRYPOINT. Only the last one takes effect, so the earlier
// ones mislead readers.
import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { onlyLastCounts } from './manyInstructions';
import type { Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/multiple-entrypoint',
  severity: 'warning',
  title: 'More than one ENTRYPOINT in a stage',
  help: 'Only the last ENTRYPOINT of a stage counts; keep one.',
};

function check(model: DockerfileModel): Finding[] {
  return onlyLastCounts(model, meta, 'ENTRYPOINT');
}

export const multipleEntrypoint: Rule = { meta, check };
