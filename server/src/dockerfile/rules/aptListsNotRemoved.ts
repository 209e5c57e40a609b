// Fires on a RUN that runs `apt-get install` but does not remove /var/lib/apt/lists afterwards
// (and uses no cache mount). The package index stays in the layer: tens of MB for nothing.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { isSubcommand } from '../shell';
import { hasCacheMount, keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apt-lists-not-removed',
  severity: 'info',
  basis: 'practice',
  title: 'apt lists not removed',
  help: 'End the RUN with `&& rm -rf /var/lib/apt/lists/*` (or use `--mount=type=cache,target=/var/lib/apt`).',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { step, commands } of model.runs) {
    if (!commands.some((c) => isSubcommand(c, ['apt-get', 'apt'], ['install'])) || hasCacheMount(step)) continue;
    const cleaned = commands.some((c) => c.words.some((w) => w.text.startsWith('/var/lib/apt/lists')) && c.words.some((w) => w.text === 'rm'));
    if (!cleaned)
      out.push(
        finding(
          meta,
          keywordRange(step.instruction),
          'Add "&& rm -rf /var/lib/apt/lists/*" at the end of this RUN to keep the package index out of the layer.',
        ),
      );
  }
  return out;
}

export const aptListsNotRemoved: Rule<DockerfileModel> = { meta, check };
