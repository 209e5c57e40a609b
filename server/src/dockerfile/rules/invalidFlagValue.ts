// Fires when a known flag has a value BuildKit refuses (paths below frontend/dockerfile/):
// - a flag that needs a value and has none, or a switch given something other than true or
//   false: frontend/dockerfile/instructions/bflag.go, BFlags.Parse ("missing a value on flag",
//   "expecting boolean value for flag"); an empty value (`--chown=`) is accepted there;
// - a RUN --mount option (mount.ts, after instructions/commands_runmount.go parseMount), or a
//   bind, cache or tmpfs mount that lands on `/`: a missing or relative target is joined to the
//   working directory and only `/` is refused (dockerfile2llb/convert_runmount.go,
//   dispatchRunMounts, "invalid mount target"). When the working directory comes from a base
//   image this file cannot see, the finding is a warning: most images use `/`, some do not;
// - --network and --security outside their choices (instructions/commands_runnetwork.go "invalid
//   network mode", commands_runsecurity.go "security %q is not valid");
// - a HEALTHCHECK duration Go cannot parse or below 1ms, and a negative or non-numeric --retries
//   (instructions/parse.go, parseOptInterval and parseHealthcheck);
// - --chmod that is neither octal up to 7777 nor a symbolic mode (dockerfile2llb/convert_copy.go,
//   dispatchCopy, "invalid chmod parameter"), and an ADD --checksum that is neither a digest nor a
//   Git commit.
// Values using `$VARIABLES` are expanded at build time and left alone; so are quoted values.
import type { Flag } from 'dockerfile-ast';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { flagNameRange, resolveInStage, UNKNOWN_DIR, unquotePath, type DockerfileModel, type Step } from '../model';
import { readMount } from '../mount';
import { flagDoc, hasFlags, isSwitch } from '../reference';
import { parsedFlags } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-flag-value',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Invalid flag value',
  help: "The builder parses flag values strictly; see the flag's hover for what it accepts.",
};

/** A problem with a flag's value; `warning` when BuildKit refuses it only with some base images. */
interface Problem {
  message: string;
  warning?: boolean;
}

/** Mount types whose contents appear at the target path (secret and ssh default to their own paths). */
const PLACED_TYPES = new Set(['bind', 'cache', 'tmpfs']);
const OCTAL_MODE = /^[0-7]+$/;
/** Symbolic modes (chmod(1) clauses such as u=rwx,go=rx); BuildKit's parser also accepts variants of these, so only the shape is checked. */
const SYMBOLIC_MODE = /^[ugoa]*[-+=][ugoarwxXst0-7+=-]*(?:,[ugoa]*[-+=][ugoarwxXst0-7+=-]*)*$/;
const CHECKSUM = /^(?:sha(?:256|384|512):[0-9a-fA-F]+|[0-9a-fA-F]{7,64})$/;
/** Go's time.ParseDuration units, in nanoseconds. */
const DURATION_UNIT_NS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION_PART = /(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/y;

/** A duration as Go's time.ParseDuration reads it, in nanoseconds, or undefined when it does not parse. */
function goDuration(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const rest = text.replace(/^[-+]/, '');
  if (rest === '0') return 0;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < rest.length) {
    const at = DURATION_PART.lastIndex;
    const m = DURATION_PART.exec(rest);
    if (!m || m.index !== at || !/\d/.test(m[1])) return undefined;
    total += Number(m[1]) * DURATION_UNIT_NS[m[2]];
  }
  return rest === '' ? undefined : sign * total;
}

function mountProblems(model: DockerfileModel, step: Step, flag: Flag): Problem[] {
  const spec = readMount(flag.getOptions().map((o) => ({ name: o.getName(), value: o.getValue() })));
  const problems: Problem[] = spec.problems.map((message) => ({ message }));
  if (spec.type === undefined || !PLACED_TYPES.has(spec.type) || problems.length > 0) return problems;
  const target = unquotePath(spec.target ?? '');
  if (target.includes('$')) return problems;
  const where = resolveInStage(model, step, target);
  const written = spec.target === null ? `This ${spec.type} mount has no target, so` : `The target ${spec.target} is the working directory, so`;
  if (where === '/')
    problems.push({
      message:
        spec.target !== null && target.startsWith('/')
          ? `A ${spec.type} mount cannot have / as its target; choose another path.`
          : `${written} it would be mounted at /, which BuildKit refuses; add target=<path> or a WORKDIR before this line.`,
    });
  else if (where === UNKNOWN_DIR)
    problems.push({
      message: `${written} it is mounted at the base image's working directory, and BuildKit refuses that if it is / (as in most images); add target=<path> or a WORKDIR before this line.`,
      warning: true,
    });
  return problems;
}

function problems(model: DockerfileModel, step: Step, flag: Flag): Problem[] {
  const name = flag.getName();
  const doc = flagDoc(step.keyword, name);
  if (!doc) return [];
  const value = flag.getValue();
  if (value === null) return isSwitch(doc) ? [] : [{ message: `--${name} needs a value: --${name}=${doc.value}.` }];
  if (value.includes('$') || /["']/.test(value)) return [];
  if (isSwitch(doc)) return /^(?:true|false)$/i.test(value) ? [] : [{ message: `--${name} takes true or false.` }];
  const fails = (ok: boolean, message: string): Problem[] => (ok ? [] : [{ message }]);
  switch (name) {
    case 'mount':
      if (step.keyword !== 'RUN') return [];
      return value === '' ? [{ message: '--mount needs a value such as type=cache,target=<path>.' }] : mountProblems(model, step, flag);
    case 'network':
    case 'security':
      return fails(doc.values!.includes(value), `--${name} must be one of ${doc.values!.join(', ')}.`);
    case 'interval':
    case 'timeout':
    case 'start-period':
    case 'start-interval': {
      const ns = value === '' ? 0 : goDuration(value);
      return fails(ns !== undefined && (ns === 0 || ns >= 1e6), `--${name} needs a duration of at least 1ms, such as 30s, 1m30s or 500ms.`);
    }
    case 'retries':
      return fails(value === '' || (/^\+?\d+$/.test(value) && Number(value) <= 0x7fffffff), '--retries needs a whole number (0 means the default, 3).');
    case 'chmod':
      return fails(
        value === '' || (OCTAL_MODE.test(value) ? parseInt(value, 8) <= 0o7777 : SYMBOLIC_MODE.test(value)),
        '--chmod needs octal permissions up to 7777 such as 755, or a symbolic mode such as u=rwx,go=rx.',
      );
    case 'checksum':
      return fails(value === '' || CHECKSUM.test(value), '--checksum needs a digest such as sha256:<64 hex digits> (or a commit for a Git source).');
    default:
      return [];
  }
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (!hasFlags(step.keyword)) continue;
    for (const flag of parsedFlags(step)) {
      for (const problem of problems(model, step, flag)) {
        const found = finding(meta, flag.getValueRange() ?? flagNameRange(flag), problem.message);
        out.push(problem.warning ? { ...found, severity: 'warning' } : found);
      }
    }
  }
  return out;
}

export const invalidFlagValue: Rule<DockerfileModel> = { meta, check };
