// Fires on a stage name BuildKit refuses: lower-cased, it must match ^[a-z][a-z0-9-_.]*$, so it
// starts with a letter and holds only letters, digits, `-`, `_` and `.` (`FROM x AS 1st` or
// `AS my/stage` fail). frontend/dockerfile/instructions/parse.go, parseBuildStageName ("invalid
// name for build stage: %q, name can't start with a number or contain symbols").
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-stage-name',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Invalid stage name',
  help: 'Stage names start with a letter and use only letters, digits, `-`, `_` and `.`.',
};

const VALID = /^[a-z][a-z0-9_.-]*$/i;

function check(model: DockerfileModel): Finding[] {
  return model.stages
    .filter((s) => s.name !== null && s.nameRange && !VALID.test(s.name))
    .map((s) => finding(meta, s.nameRange!, `"${s.name}" is not a valid stage name; start with a letter and use letters, digits, -, _ and . only.`));
}

export const invalidStageName: Rule<DockerfileModel> = { meta, check };
