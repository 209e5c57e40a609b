// Fires on a stage name with upper-case letters (BuildKit's StageNameCasing). The builder
// lower-cases stage names, so `Build` and `build` are the same stage; lower case avoids confusion
// with image names and between references.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding, RuleMeta } from '../../common';
import { flagsOf, stageKey, type DockerfileModel, type Stage } from '../model';
import { finding, replace, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/stage-name-casing',
  severity: 'warning',
  title: 'Stage name not lower case',
  help: 'Write stage names in lower case, e.g. `FROM golang:1.22 AS build`.',
};

/** Edits lower-casing the stage name and every reference to it. */
function lowerCaseEdits(model: DockerfileModel, stage: Stage): TextEdit[] {
  const lower = stageKey(stage.name!);
  const edits: TextEdit[] = [replace(stage.nameRange!, lower)];
  for (const step of model.steps.filter((s) => s.stage > stage.index)) {
    const s = model.stages[step.stage];
    if (step.keyword === 'FROM' && s.parent === stage.index && s.from.getImageRange() && s.image !== lower) edits.push(replace(s.from.getImageRange()!, lower));
    for (const flag of flagsOf(step.instruction)) {
      const option = flag.getName() === 'mount' ? flag.getOption('from') : null;
      const value = flag.getName() === 'from' ? flag.getValue() : option?.getValue();
      const range = flag.getName() === 'from' ? flag.getValueRange() : option?.getValueRange();
      if (value && range && value !== lower && stageKey(value) === lower) edits.push(replace(range, lower));
    }
  }
  return edits;
}

function check(model: DockerfileModel): Finding[] {
  return model.stages
    .filter((s) => s.name && s.nameRange && s.name !== stageKey(s.name))
    .map((s) => finding(meta, s.nameRange!, `Stage name \`${s.name}\` should be lower case: \`${stageKey(s.name!)}\`.`, [
      { title: `Rename stage to ${stageKey(s.name!)}`, edits: lowerCaseEdits(model, s), preferred: true },
    ]));
}

export const stageNameCasing: Rule = { meta, check };
