// Fires on a `$VAR` that no ARG or ENV in scope defines (BuildKit's UndefinedVar /
// UndefinedArgInFrom): in FROM lines only global ARGs count; in a stage, a predefined platform
// arg (TARGETARCH, BUILDPLATFORM, ...) must be declared with `ARG` to have a value. Other names
// are reported only when the stage starts from scratch or the name looks like a typo of one in
// scope, because base images set environment variables we cannot see. Shell-form RUN, CMD and
// ENTRYPOINT expand variables at run time and are left alone (except for the platform args).
import type { Finding, RuleMeta } from '../../common';
import { closestMatch } from '../../common';
import { definitionsInScope, resolveDefinition, type DockerfileModel, type VariableUse } from '../model';
import { predefinedArgDoc } from '../reference';
import { finding, isJsonForm, replace, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/undefined-variable',
  severity: 'warning',
  title: 'Undefined variable',
  help: 'Declare the variable with ARG or ENV before using it (in FROM lines: an ARG before the first FROM; predefined platform args need `ARG NAME` inside the stage).',
};

const PLATFORM_ARG = /^(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)$|^TARGETSTAGE$/;
const SHELL_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

function rootIsScratch(model: DockerfileModel, stage: number): boolean {
  let s = model.stages[stage];
  while (s.parent !== undefined) s = model.stages[s.parent];
  return s.image === 'scratch';
}

function problem(model: DockerfileModel, use: VariableUse): { message: string; suggestion?: string } | undefined {
  const { variable, step } = use;
  const name = variable.getName();
  if (variable.getModifier() !== null || step.keyword === 'ONBUILD') return undefined;
  const line = variable.getNameRange().start.line;
  if (resolveDefinition(model, name, step.stage, line)) return undefined;
  if (step.keyword === 'FROM' || step.stage < 0) {
    if (predefinedArgDoc(name)) return undefined;
    const globals = model.definitions.filter((d) => d.stage === -1).map((d) => d.name);
    const suggestion = closestMatch(name, globals);
    return { message: `\`${name}\` is not declared by an ARG before the first FROM${suggestion ? `; did you mean \`${suggestion}\`?` : '; add `ARG ' + name + '=<default>` at the top.'}`, suggestion };
  }
  if (PLATFORM_ARG.test(name)) return { message: `\`${name}\` is empty in this stage until you declare it: add \`ARG ${name}\` to the stage.` };
  if (predefinedArgDoc(name)) return undefined;
  if (SHELL_EXPANDED.has(step.keyword) && !isJsonForm(model, step.instruction)) return undefined;
  const inScope = definitionsInScope(model, step.stage, line).map((d) => d.name);
  const suggestion = closestMatch(name, inScope.filter((n) => n !== name));
  if (suggestion) return { message: `\`${name}\` is not defined; did you mean \`${suggestion}\`?`, suggestion };
  return rootIsScratch(model, step.stage) ? { message: `\`${name}\` is not defined by an ARG or ENV in this stage (a scratch image sets none).` } : undefined;
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const use of model.uses) {
    const found = problem(model, use);
    if (!found) continue;
    const range = use.variable.getNameRange();
    const fixes = found.suggestion ? [{ title: `Change to ${found.suggestion}`, edits: [replace(range, found.suggestion)] }] : [];
    out.push(finding(meta, range, found.message, fixes));
  }
  return out;
}

export const undefinedVariable: Rule = { meta, check };
