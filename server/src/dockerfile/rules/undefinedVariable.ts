// Fires on a `$VAR` that no ARG or ENV in scope defines (BuildKit's UndefinedVar /
// UndefinedArgInFrom): in FROM lines only global ARGs count; in a stage, a predefined platform
// arg (TARGETARCH, BUILDPLATFORM, ...) must be declared with `ARG` to have a value. Other names
// are reported only when the stage starts from scratch or the name looks like a typo of one in
// scope, because base images set environment variables we cannot see; and since BuildKit's
// UndefinedVar knows the base image's environment and we do not, a likely typo in a stage built on
// an image from elsewhere is information, not a warning, and the variables every image has (PATH,
// HOME, …) are never reported. Shell-form RUN, CMD and ENTRYPOINT expand variables at run time and
// are left alone (except for the platform args).
import { closestMatch, finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { definitionsInScope, globalDefinitions, resolveDefinition, type DockerfileModel, type VariableUse } from '../model';
import { predefinedArgDoc } from '../reference';
import { isJsonForm, replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/undefined-variable',
  severity: 'warning',
  basis: 'inferred',
  title: 'Undefined variable',
  help: 'Declare the variable with ARG or ENV before using it (in FROM lines: an ARG before the first FROM; predefined platform args need `ARG NAME` inside the stage).',
};

const PLATFORM_ARG = /^(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)$|^TARGETSTAGE$/;
const SHELL_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
/** Variables that images and the builder set (BuildKit adds a default PATH), so they are always defined. */
const IMAGE_VARIABLES = new Set(['PATH', 'HOME', 'HOSTNAME', 'TERM', 'USER', 'PWD', 'SHELL', 'LANG', 'LANGUAGE', 'LC_ALL', 'TZ']);

/** Per stage: whether its chain of base stages starts from scratch (parents always come first). */
function scratchRooted(model: DockerfileModel): boolean[] {
  const rooted: boolean[] = [];
  for (const s of model.stages) rooted.push(s.parent !== undefined ? rooted[s.parent] : s.image === 'scratch');
  return rooted;
}

interface Problem {
  message: string;
  suggestion?: string;
  /** Information rather than a warning: the base image may define the name. */
  unsure?: boolean;
}

function problem(model: DockerfileModel, scratch: readonly boolean[], use: VariableUse): Problem | undefined {
  const { name, step } = use;
  if (use.modifier !== null || step.keyword === 'ONBUILD') return undefined;
  const line = use.range.start.line;
  if (resolveDefinition(model, name, step.stage, line)) return undefined;
  if (step.keyword === 'FROM' || step.stage < 0) {
    if (predefinedArgDoc(name)) return undefined;
    const globals = globalDefinitions(model).map((d) => d.name);
    const suggestion = closestMatch(name, globals);
    return {
      message: `${name} is not declared by an ARG before the first FROM${suggestion ? `; did you mean ${suggestion}?` : `; add ARG ${name}=<default> at the top.`}`,
      suggestion,
    };
  }
  if (PLATFORM_ARG.test(name)) return { message: `${name} is empty in this stage until you declare it: add ARG ${name} to the stage.` };
  if (predefinedArgDoc(name) || IMAGE_VARIABLES.has(name)) return undefined;
  if (SHELL_EXPANDED.has(step.keyword) && !isJsonForm(model, step.instruction)) return undefined;
  const inScope = definitionsInScope(model, step.stage, line).map((d) => d.name);
  const suggestion = closestMatch(
    name,
    inScope.filter((n) => n !== name),
  );
  if (suggestion) return { message: `${name} is not defined; did you mean ${suggestion}?`, suggestion, unsure: !scratch[step.stage] };
  return scratch[step.stage] ? { message: `${name} is not defined by an ARG or ENV in this stage (a scratch image sets none).` } : undefined;
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  const scratch = scratchRooted(model);
  for (const use of model.uses) {
    const found = problem(model, scratch, use);
    if (!found) continue;
    const range = use.range;
    const fixes = found.suggestion ? [{ title: `Change to ${found.suggestion}`, edits: [replace(range, found.suggestion)] }] : [];
    const result = finding(meta, range, found.message, fixes);
    out.push(found.unsure ? { ...result, severity: 'info' } : result);
  }
  return out;
}

export const undefinedVariable: Rule<DockerfileModel> = { meta, check };
