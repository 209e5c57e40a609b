// Fires when an instruction has too few or too many arguments for BuildKit: `FROM` without an
// image or with a broken `AS name`, `COPY` with one path, `ENV KEY` without a value,
// `HEALTHCHECK NONE` with more words, or no arguments at all. BuildKit refuses the file:
// frontend/dockerfile/instructions/parse.go (errAtLeastOneArgument, errExactlyOneArgument,
// errNoDestinationArgument; parseBuildStageName "FROM requires either one or three arguments";
// parseHealthcheck "HEALTHCHECK NONE takes no arguments", "Unknown type %#v in HEALTHCHECK",
// "Missing command after HEALTHCHECK CMD") and parser/line_parsers.go (parseNameVal "ENV must have
// two arguments"). RUN, CMD and ENTRYPOINT may be empty: BuildKit builds an empty RUN as
// `/bin/sh -c ""` (dockerfile2llb/convert.go, dispatchRun). WORKDIR, USER and STOPSIGNAL take the
// rest of the line as one string, spaces included.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel, Step } from '../model';
import { leadingFlagsLength } from '../shell';
import { keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/argument-count',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Wrong number of arguments',
  help: "Each instruction takes a fixed shape of arguments; see the instruction's hover for its syntax.",
};

/** Instructions that need at least one argument. */
const NEEDS_ONE = new Set([
  'ADD',
  'COPY',
  'EXPOSE',
  'ENV',
  'ARG',
  'LABEL',
  'VOLUME',
  'WORKDIR',
  'USER',
  'STOPSIGNAL',
  'MAINTAINER',
  'ONBUILD',
  'SHELL',
  'HEALTHCHECK',
  'FROM',
]);

/** Instructions whose argument shape is checked beyond "at least one". */
const SHAPED = new Set(['FROM', 'COPY', 'ADD', 'ENV', 'HEALTHCHECK']);

/** The words after the flags, by text (comment lines and continuations dropped). */
function argumentWords(raw: string, escape: string): string[] {
  const lines = raw
    .slice(leadingFlagsLength(raw))
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || !/^\s*#/.test(line));
  return lines
    .join('\n')
    .split(`${escape}\n`)
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== escape);
}

function problem(step: Step, escape: string): string | undefined {
  if (step.raw.trim() === '' || /^(?:\s*--\S+)+\s*$/.test(step.raw))
    return NEEDS_ONE.has(step.keyword) ? `${step.keyword} needs at least one argument.` : undefined;
  if (!SHAPED.has(step.keyword) || step.raw.includes('<<')) return undefined;
  // dockerfile-ast's arguments cost a re-read per call; FROM has them already, the rest go by text.
  const args = step.keyword === 'FROM' ? step.args.map((a) => a.getValue()) : argumentWords(step.raw, escape);
  const raw = step.raw;
  switch (step.keyword) {
    case 'FROM':
      if (args.length === 1 || (args.length === 3 && args[1].toUpperCase() === 'AS')) return undefined;
      return 'FROM takes an image and optionally AS <name>: FROM <image> [AS <name>].';
    case 'COPY':
    case 'ADD': {
      const json = raw.trimStart().startsWith('[');
      if (json || args.length >= 2) return undefined;
      return `${step.keyword} needs a source and a destination: ${step.keyword} <src>... <dest>.`;
    }
    case 'ENV':
      // `ENV KEY value` (legacy) is two words; a lone word has no value.
      if (args.length === 1 && !args[0].includes('=')) return `ENV ${args[0]} has no value; write ENV ${args[0]}=<value>.`;
      return undefined;
    case 'HEALTHCHECK': {
      const first = args[0].toUpperCase();
      if (first === 'NONE') return args.length > 1 ? 'HEALTHCHECK NONE takes no other arguments.' : undefined;
      if (first !== 'CMD') return 'HEALTHCHECK needs CMD <command> or NONE.';
      return args.length < 2 ? 'HEALTHCHECK CMD needs a command.' : undefined;
    }
    default:
      return undefined;
  }
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    const message = problem(step, model.escape);
    if (message) out.push(finding(meta, step.instruction.getArgumentsRange() ?? keywordRange(step.instruction), message));
  }
  return out;
}

export const argumentCount: Rule<DockerfileModel> = { meta, check };
