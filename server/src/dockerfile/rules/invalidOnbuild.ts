// Fires on `ONBUILD FROM`, `ONBUILD MAINTAINER` and `ONBUILD ONBUILD`. BuildKit refuses the file:
// frontend/dockerfile/instructions/parse.go, parseOnBuild ("Chaining ONBUILD via `ONBUILD ONBUILD`
// isn't allowed", "%s isn't allowed as an ONBUILD trigger").
import type { Onbuild } from 'dockerfile-ast';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-onbuild',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Instruction not allowed after ONBUILD',
  help: 'ONBUILD may hold any instruction except FROM, MAINTAINER and ONBUILD.',
};

const FORBIDDEN = new Set(['FROM', 'MAINTAINER', 'ONBUILD']);

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps.filter((s) => s.keyword === 'ONBUILD')) {
    const onbuild = step.instruction as Onbuild;
    const trigger = onbuild.getTrigger()?.toUpperCase();
    const range = onbuild.getTriggerRange();
    if (trigger && range && FORBIDDEN.has(trigger)) out.push(finding(meta, range, `ONBUILD cannot hold ${trigger}; remove it or use another instruction.`));
  }
  return out;
}

export const invalidOnbuild: Rule<DockerfileModel> = { meta, check };
