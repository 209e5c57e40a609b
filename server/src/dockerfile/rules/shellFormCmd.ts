// Fires on CMD or ENTRYPOINT in shell form (BuildKit's JSONArgsRecommended). The command then
// runs under `/bin/sh -c`, which does not pass SIGTERM on, so `docker stop` waits and kills.
// Stays quiet when the stage sets a SHELL, as the shell form is then deliberate.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { isJsonForm, keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/shell-form-cmd',
  severity: 'warning',
  basis: 'practice',
  title: 'CMD/ENTRYPOINT in shell form',
  help: 'Use exec form, e.g. `CMD ["node", "server.js"]`, so the program runs as PID 1 and receives stop signals.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    if (stage.steps.some((s) => s.keyword === 'SHELL')) continue;
    for (const step of stage.steps) {
      if ((step.keyword !== 'CMD' && step.keyword !== 'ENTRYPOINT') || isJsonForm(model, step.instruction) || step.args.length === 0) continue;
      out.push(
        finding(
          meta,
          keywordRange(step.instruction),
          `${step.keyword} in shell form runs under /bin/sh and misses stop signals; use exec form: ${step.keyword} ["executable", "arg"].`,
        ),
      );
    }
  }
  return out;
}

export const shellFormCmd: Rule<DockerfileModel> = { meta, check };
