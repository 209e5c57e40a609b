// Fires when COPY or ADD has several sources and the destination does not end with `/`. The
// builder refuses: with more than one source the destination must be a directory.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/copy-destination-not-dir',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Several sources need a directory destination',
  help: 'With more than one source, end the destination with `/` (e.g. `COPY a b /app/`).',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (step.keyword !== 'COPY' && step.keyword !== 'ADD') continue;
    if (step.raw.includes('<<')) continue;
    const args = step.args;
    if (args.length < 3 || args[0].getValue().startsWith('[')) continue;
    const dest = args[args.length - 1];
    const value = dest.getValue();
    if (value.endsWith('/') || value.includes('$') || value === '.' || value === '..') continue;
    const range = dest.getRange();
    out.push(
      finding(meta, range, `${step.keyword} has ${args.length - 1} sources, so \`${value}\` must be a directory ending in \`/\`.`, [
        { title: `Change to ${value}/`, edits: [replace(range, `${value}/`)], preferred: true },
      ]),
    );
  }
  return out;
}

export const copyDestinationNotDir: Rule<DockerfileModel> = { meta, check };
