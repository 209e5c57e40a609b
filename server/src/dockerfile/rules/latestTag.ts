// Fires when a stage's base image has no tag or uses `:latest` (and no digest). The build then
// changes whenever the image is re-published, so results are not reproducible.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/latest-tag',
  severity: 'warning',
  basis: 'practice',
  title: 'Base image without a pinned tag',
  help: 'Pin base images to a version tag (e.g. `node:20.11-alpine`) or a digest, so rebuilds give the same result.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    const ref = stage.imageRef;
    if (!ref || stage.parent !== undefined || ref.name === 'scratch' || ref.text.includes('$') || ref.digest) continue;
    if (ref.tag === null) out.push(finding(meta, ref.range, `${ref.text} has no tag, so it means :latest; pin a version, e.g. ${ref.name}:<version>.`));
    else if (ref.tag === 'latest')
      out.push(finding(meta, ref.tagRange ?? ref.range, 'The tag latest changes whenever the image is re-published; pin a version tag or digest.'));
  }
  return out;
}

export const latestTag: Rule<DockerfileModel> = { meta, check };
