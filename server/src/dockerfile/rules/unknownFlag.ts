// Fires on a `--flag` the instruction does not accept (`COPY --form=build`, `ADD --from=x`,
// `RUN --mnt=...`). The builder refuses the file with "unknown flag".
import { closestMatch, finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { flagNameRange, type DockerfileModel } from '../model';
import { hasFlags, instructionDoc } from '../reference';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/unknown-flag',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Unknown flag',
  help: "Only FROM, RUN, COPY, ADD and HEALTHCHECK take flags, each its own set; see the instruction's hover.",
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (!hasFlags(step.keyword)) continue;
    const known = Object.keys(instructionDoc(step.keyword)?.flags ?? {});
    for (const flag of step.flags) {
      const name = flag.getName();
      if (known.includes(name)) continue;
      const range = flagNameRange(flag);
      const suggestion = name ? closestMatch(name, known) : undefined;
      const accepted = known.length ? known.map((k) => `--${k}`).join(', ') : 'no flags';
      const fixes = suggestion ? [{ title: `Change to --${suggestion}`, edits: [replace(range, `--${suggestion}`)], preferred: true }] : [];
      const hint = suggestion ? ` Did you mean --${suggestion}?` : '';
      out.push(finding(meta, range, `${step.keyword} has no flag \`--${name}\`.${hint} It accepts ${accepted}.`, fixes));
    }
  }
  return out;
}

export const unknownFlag: Rule<DockerfileModel> = { meta, check };
