// Fires when two stages share a name (case-insensitively; BuildKit's DuplicateStageName check,
// frontend/dockerfile/dockerfile2llb/validations.go, validateStageNames). BuildKit builds the
// file, but the later stage takes the name (convert.go, dispatchStates.addState), so a FROM or
// --from after it no longer means the stage it meant before.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { findStage, type DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/duplicate-stage-name',
  severity: 'warning',
  basis: 'practice',
  title: 'Duplicate stage name',
  help: 'Stage names must be unique (case-insensitively); rename one of the stages.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    if (!stage.name || !stage.nameRange) continue;
    const first = findStage(model.stageNames, stage.name, stage.index);
    if (first)
      out.push(
        finding(
          meta,
          stage.nameRange,
          `Stage name "${stage.name}" is already used on line ${first.from.getRange().start.line + 1}; the later stage takes the name, so rename one of them.`,
        ),
      );
  }
  return out;
}

export const duplicateStageName: Rule<DockerfileModel> = { meta, check };
