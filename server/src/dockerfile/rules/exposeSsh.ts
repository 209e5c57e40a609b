// Fires on EXPOSE 22. An SSH server in a container is a second way in to keep patched; use
// `docker exec` (or `kubectl exec`) to get a shell.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/expose-ssh',
  severity: 'warning',
  basis: 'security',
  title: 'SSH port exposed',
  help: 'Drop the SSH server; `docker exec -it <container> sh` gives a shell without one.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps.filter((s) => s.keyword === 'EXPOSE')) {
    for (const arg of step.args) {
      if (/^22(?:\/tcp)?$/i.test(arg.getValue()))
        out.push(finding(meta, arg.getRange(), 'Port 22 means an SSH server in the container; use docker exec for a shell instead.'));
    }
  }
  return out;
}

export const exposeSsh: Rule<DockerfileModel> = { meta, check };
