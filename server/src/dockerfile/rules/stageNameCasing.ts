// Fires on a stage name with upper-case letters (BuildKit's StageNameCasing). The builder
// lower-cases stage names, so `Build` and `build` are the same stage; lower case avoids confusion
// with image names and between references.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { stageKey, type DockerfileModel } from '../model';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/stage-name-casing',
  severity: 'warning',
  basis: 'practice',
  title: 'Stage name not lower case',
  help: 'Write stage names in lower case, e.g. `FROM golang:1.22 AS build`.',
};

/** Where later instructions name a stage (FROM base, --from, mount from=), by lower-cased name. */
function stageReferences(model: DockerfileModel): Map<string, Array<{ stage: number; value: string; range: Range }>> {
  const refs = new Map<string, Array<{ stage: number; value: string; range: Range }>>();
  const add = (stage: number, value: string | null | undefined, range: Range | null | undefined) => {
    if (!value || !range) return;
    const key = stageKey(value);
    const list = refs.get(key) ?? [];
    list.push({ stage, value, range });
    refs.set(key, list);
  };
  for (const step of model.steps) {
    if (step.keyword === 'FROM') add(step.stage, model.stages[step.stage].image, model.stages[step.stage].imageRef?.range);
    for (const flag of step.flags) {
      if (flag.getName() === 'from') add(step.stage, flag.getValue(), flag.getValueRange());
      if (flag.getName() === 'mount') add(step.stage, flag.getOption('from')?.getValue(), flag.getOption('from')?.getValueRange());
    }
  }
  return refs;
}

function check(model: DockerfileModel): Finding[] {
  const upper = model.stages.filter((s) => s.name && s.nameRange && s.name !== stageKey(s.name) && model.stageNames.get(stageKey(s.name)) === s);
  if (upper.length === 0) return [];
  const refs = stageReferences(model);
  return upper.map((s) => {
    const lower = stageKey(s.name!);
    const edits: TextEdit[] = [replace(s.nameRange!, lower)];
    for (const ref of refs.get(lower) ?? []) if (ref.stage > s.index && ref.value !== lower) edits.push(replace(ref.range, lower));
    return finding(meta, s.nameRange!, `Stage name "${s.name}" should be lower case: ${lower}.`, [
      { title: `Rename stage to ${lower}`, edits, preferred: true },
    ]);
  });
}

export const stageNameCasing: Rule<DockerfileModel> = { meta, check };
