// Fires on a RUN whose only package command is `apt-get update` (or `apt update`). The layer is
// cached, so later `apt-get install` lines use a stale index and fail or install old versions.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { isSubcommand } from '../shell';
import { keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apt-update-alone',
  severity: 'warning',
  basis: 'practice',
  title: 'apt-get update in a RUN of its own',
  help: 'Run `apt-get update && apt-get install -y ...` in the same RUN, so the package index is never cached apart from the install.',
};

const APT = ['apt-get', 'apt'];

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { step, commands } of model.runs) {
    const updates = commands.some((c) => isSubcommand(c, APT, ['update']));
    const installs = commands.some((c) => isSubcommand(c, APT, ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source']));
    if (updates && !installs)
      out.push(
        finding(
          meta,
          keywordRange(step.instruction),
          'apt-get update alone in a RUN is cached apart from later installs; combine it with apt-get install in one RUN.',
        ),
      );
  }
  return out;
}

export const aptUpdateAlone: Rule<DockerfileModel> = { meta, check };
