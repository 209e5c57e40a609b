// Fires on the first instruction that needs a build stage when no FROM comes before it (ARG may
// come first), or, in a file of ARGs only, on the first ARG. BuildKit refuses both and reports the
// first such instruction, as this rule does: frontend/dockerfile/instructions/parse.go, Parse,
// adds each command to CurrentStage (commands.go: "no build stage in current context"), and
// frontend/dockerfile/dockerfile2llb/convert.go refuses a file without stages ("dockerfile
// contains no stages to build"). Unknown instructions are left to dockerfile/unknown-instruction,
// which BuildKit reports first.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { KEYWORDS, type DockerfileModel } from '../model';
import { keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/missing-from',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Missing FROM, or an instruction before the first FROM',
  help: 'A build starts with FROM; only ARG and parser directives may come before it. Add `FROM <image>` first.',
};

const KNOWN = new Set<string>(KEYWORDS);

function check(model: DockerfileModel): Finding[] {
  const known = model.steps.filter((s) => KNOWN.has(s.keyword));
  const first = known.find((s) => s.stage < 0 && s.keyword !== 'ARG');
  if (first) {
    const message =
      model.stages.length === 0
        ? `This Dockerfile has no FROM, and ${first.keyword} needs a build stage; start the file with FROM <image> (only ARG may come before it).`
        : `${first.keyword} comes before the first FROM; move it below a FROM line (only ARG may come first).`;
    return [finding(meta, keywordRange(first.instruction), message)];
  }
  if (model.stages.length === 0 && known.length > 0)
    return [finding(meta, keywordRange(known[0].instruction), 'This Dockerfile has only ARG instructions; add FROM <image> to start a build stage.')];
  return [];
}

export const missingFrom: Rule<DockerfileModel> = { meta, check };
