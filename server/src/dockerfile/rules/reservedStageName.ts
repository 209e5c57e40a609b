// Fires on a stage named `scratch` or `context` (BuildKit's ReservedStageName). Those words
// already mean the empty image and the build context, so references to the stage are ambiguous.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { stageKey, type DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/reserved-stage-name',
  severity: 'warning',
  basis: 'practice',
  title: 'Reserved word as stage name',
  help: '`scratch` and `context` are reserved; pick another stage name.',
};

function check(model: DockerfileModel): Finding[] {
  return model.stages
    .filter((s) => s.name && s.nameRange && ['scratch', 'context'].includes(stageKey(s.name)))
    .map((s) =>
      finding(
        meta,
        s.nameRange!,
        `"${s.name}" is a reserved word (${stageKey(s.name!) === 'scratch' ? 'the empty image' : 'the build context'}); rename the stage.`,
      ),
    );
}

export const reservedStageName: Rule<DockerfileModel> = { meta, check };
