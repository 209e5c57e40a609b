// Fires when COPY or ADD has several sources and the destination does not end with `/` (or `\`
// on Windows). The Dockerfile reference requires a directory there and the classic builder
// refuses the file; BuildKit builds it (frontend/dockerfile/dockerfile2llb/convert_copy.go,
// dispatchCopy, copies each source to the destination in turn; moby/buildkit#1853) and may keep
// only the last file when the destination does not exist (moby/buildkit#4550).
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/copy-destination-not-dir',
  severity: 'warning',
  basis: 'practice',
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
    if (/[/\\]$/.test(value) || value.includes('$') || value === '.' || value === '..') continue;
    const range = dest.getRange();
    // The fix appends to the text as written, so escapes in it stay as they are.
    const directory = `${model.doc.getText(range)}/`;
    out.push(
      finding(meta, range, `${step.keyword} has ${args.length - 1} sources, so the destination should be a directory: write ${directory}.`, [
        { title: `Change to ${directory}`, edits: [replace(range, directory)], preferred: true },
      ]),
    );
  }
  return out;
}

export const copyDestinationNotDir: Rule<DockerfileModel> = { meta, check };
