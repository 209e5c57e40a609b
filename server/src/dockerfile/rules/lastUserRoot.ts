// Fires when the last USER of the final stage is root (or uid 0). Containers then run as root,
// so an escape from the program is root inside the container and closer to the host.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/last-user-root',
  severity: 'warning',
  basis: 'security',
  title: 'Final stage runs as root',
  help: 'End the final stage with `USER <non-root user>` (create one if the base image has none).',
};

function check(model: DockerfileModel): Finding[] {
  const final = model.stages[model.stages.length - 1];
  const users = final?.steps.filter((s) => s.keyword === 'USER') ?? [];
  const last = users[users.length - 1];
  const arg = last?.args[0];
  if (!arg) return [];
  const user = arg.getValue().split(':')[0];
  return user === 'root' || user === '0'
    ? [finding(meta, arg.getRange(), 'The image runs as root; switch to a non-root user at the end of the final stage.')]
    : [];
}

export const lastUserRoot: Rule<DockerfileModel> = { meta, check };
