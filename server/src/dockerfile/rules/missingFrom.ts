// Fires when a Dockerfile has instructions but no FROM, or an instruction other than ARG comes
// before the first FROM. The builder refuses both: every build starts from a base image.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/missing-from',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Missing FROM, or an instruction before the first FROM',
  help: 'A build starts with FROM; only ARG and parser directives may come before it. Add `FROM <image>` first.',
};

function check(model: DockerfileModel): Finding[] {
  if (model.steps.length === 0) return [];
  if (model.stages.length === 0) {
    return [finding(meta, keywordRange(model.steps[0].instruction), 'This Dockerfile has no FROM; start it with `FROM <image>` (only ARG may come before).')];
  }
  return model.steps
    .filter((s) => s.stage < 0 && s.keyword !== 'ARG')
    .map((s) => finding(meta, keywordRange(s.instruction), `${s.keyword} comes before the first FROM; move it below a FROM line (only ARG may come first).`));
}

export const missingFrom: Rule<DockerfileModel> = { meta, check };
