// Fires on ADD with only local, non-archive sources. COPY does the same with no surprises; ADD
// also fetches URLs and unpacks archives, so readers must check what it does.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { keywordRange, replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/add-instead-of-copy',
  severity: 'warning',
  basis: 'practice',
  title: 'ADD where COPY does',
  help: 'Use COPY for local files and directories; keep ADD for URLs, Git repositories and archives you want unpacked.',
};

const SPECIAL = /^(?:https?:|git@|git:|ssh:)|\.git(?:#.*)?$|\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst)|gz|bz2|xz|zst)$|\$/i;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (step.keyword !== 'ADD') continue;
    if (step.raw.includes('<<')) continue;
    if (step.flags.some((f) => ADD_ONLY_FLAGS.has(f.getName()))) continue;
    const args = step.args.map((a) => a.getValue().replace(/^\[?"?|"?,?\]?$/g, ''));
    const sources = args.slice(0, -1);
    if (sources.length === 0 || sources.some((s) => SPECIAL.test(s))) continue;
    const range = keywordRange(step.instruction);
    out.push(
      finding(meta, range, 'ADD copies local files here; use COPY, which does only that.', [
        { title: 'Change ADD to COPY', edits: [replace(range, 'COPY')], preferred: true },
      ]),
    );
  }
  return out;
}

export const addInsteadOfCopy: Rule<DockerfileModel> = { meta, check };
