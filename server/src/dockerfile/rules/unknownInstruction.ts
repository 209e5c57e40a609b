// Fires on a word at the start of an instruction that is not a Dockerfile instruction (a typo
// such as `COPPY`, or a continuation that was lost). BuildKit refuses the file:
// frontend/dockerfile/instructions/parse.go, ParseInstructionWithLinter (UnknownInstructionError,
// "unknown instruction: %s"); the parser itself keeps the line (parser.go, parseIgnore).
import { closestMatch, finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { KEYWORDS, type DockerfileModel } from '../model';
import { keywordRange, replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/unknown-instruction',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Unknown instruction',
  help: 'Every instruction starts with one of FROM, RUN, CMD, ENTRYPOINT, COPY, ADD, ENV, ARG, WORKDIR, USER, EXPOSE, VOLUME, LABEL, HEALTHCHECK, SHELL, ONBUILD, STOPSIGNAL or MAINTAINER. Check the spelling, or a missing `\\` on the line before.',
};

const KNOWN = new Set<string>(KEYWORDS);

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (KNOWN.has(step.keyword)) continue;
    const range = keywordRange(step.instruction);
    const written = step.instruction.getInstruction();
    const suggestion = closestMatch(step.keyword, KEYWORDS);
    const fixes = suggestion ? [{ title: `Change to ${suggestion}`, edits: [replace(range, suggestion)], preferred: true }] : [];
    const hint = suggestion ? `did you mean ${suggestion}?` : 'check the spelling or a missing line continuation above.';
    out.push(finding(meta, range, `Unknown instruction "${written}": ${hint}`, fixes));
  }
  return out;
}

export const unknownInstruction: Rule<DockerfileModel> = { meta, check };
