// Fires on a `--flag` the instruction does not accept (`COPY --form=build`, `ADD --from=x`,
// `RUN --mnt=...`). BuildKit refuses the file: frontend/dockerfile/instructions/bflag.go,
// BFlags.Parse ("unknown flag: %s"), called by each instruction's parser in instructions/parse.go
// with the flags it declares. `HEALTHCHECK NONE` never parses its flags, so they are left alone;
// `RUN --device` parses but builds only with the labs syntax
// (dockerfile2llb/convert_norundevice.go, "device feature is only supported in Dockerfile frontend
// 1.14.0-labs or later").
import { closestMatch, finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { flagNameRange, type DockerfileModel } from '../model';
import { hasFlags, instructionDoc } from '../reference';
import { parsedFlags, replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/unknown-flag',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Unknown flag',
  help: "Only FROM, RUN, COPY, ADD and HEALTHCHECK take flags, each its own set; see the instruction's hover.",
};

/** Whether the `# syntax=` directive asks for the labs frontend (docker/dockerfile:1-labs and the like). */
function labsSyntax(model: DockerfileModel): boolean {
  return model.directives.some((d) => d.getName().toLowerCase() === 'syntax' && /labs/i.test(d.getValue()));
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (!hasFlags(step.keyword)) continue;
    const known = Object.keys(instructionDoc(step.keyword)?.flags ?? {});
    for (const flag of parsedFlags(step)) {
      const name = flag.getName();
      if (known.includes(name)) continue;
      const range = flagNameRange(flag);
      if (step.keyword === 'RUN' && name === 'device') {
        if (!labsSyntax(model))
          out.push(finding(meta, range, 'RUN --device needs the labs syntax: add "# syntax=docker/dockerfile:1-labs" as the first line.'));
        continue;
      }
      const suggestion = name ? closestMatch(name, known) : undefined;
      const accepted = known.length ? known.map((k) => `--${k}`).join(', ') : 'no flags';
      const fixes = suggestion ? [{ title: `Change to --${suggestion}`, edits: [replace(range, `--${suggestion}`)], preferred: true }] : [];
      const hint = suggestion ? ` Did you mean --${suggestion}?` : '';
      out.push(finding(meta, range, `${step.keyword} has no flag --${name}.${hint} It accepts ${accepted}.`, fixes));
    }
  }
  return out;
}

export const unknownFlag: Rule<DockerfileModel> = { meta, check };
