// Fires when `AS` in a FROM line does not match the case of `FROM` (`FROM x as y`; BuildKit's
// FromAsCasing). Mixed case reads as a typo and makes searching harder.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/from-as-casing',
  severity: 'warning',
  basis: 'practice',
  title: "'AS' does not match the case of 'FROM'",
  help: 'Write `FROM ... AS name` or `from ... as name`.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    const args = stage.steps[0].args;
    if (args.length !== 3) continue;
    const as = args[1];
    const from = stage.from.getInstruction();
    const upper = from === from.toUpperCase();
    const wanted = upper ? 'AS' : 'as';
    if (as.getValue().toUpperCase() !== 'AS' || as.getValue() === wanted || (from !== from.toLowerCase() && !upper)) continue;
    out.push(
      finding(meta, as.getRange(), `Write ${wanted} to match ${from}.`, [
        { title: `Change to ${wanted}`, edits: [replace(as.getRange(), wanted)], preferred: true },
      ]),
    );
  }
  return out;
}

export const fromAsCasing: Rule<DockerfileModel> = { meta, check };
