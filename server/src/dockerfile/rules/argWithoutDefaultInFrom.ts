// Fires when a FROM line uses a global ARG that has no default (BuildKit's
// InvalidDefaultArgInFrom). Without `--build-arg` the image reference is empty or broken and the
// build fails before it starts.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { globalDefinitions, type DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/arg-without-default-in-from',
  severity: 'warning',
  basis: 'practice',
  title: 'FROM uses an ARG without a default',
  help: 'Give the ARG a default (`ARG BASE=alpine:3.20`) so the Dockerfile builds without --build-arg.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const use of model.uses) {
    if (use.step.keyword !== 'FROM' || use.modifier !== null) continue;
    const name = use.name;
    const line = use.range.start.line;
    const globals = globalDefinitions(model, line).filter((d) => d.name === name);
    if (globals.length && globals.every((d) => d.value === null || d.value === '')) {
      out.push(
        finding(
          meta,
          use.range,
          `ARG ${name} has no default, so this FROM breaks without --build-arg ${name}=...; give it a default on line ${globals[0].line + 1}.`,
        ),
      );
    }
  }
  return out;
}

export const argWithoutDefaultInFrom: Rule<DockerfileModel> = { meta, check };
