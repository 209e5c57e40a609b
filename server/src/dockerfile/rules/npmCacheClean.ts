// Fires on `npm install` / `npm ci` in a stage that ends up in the final image when the RUN neither
// cleans npm's cache (`npm cache clean --force`) nor uses a cache mount. The cache stays in the layer.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { isSubcommand } from '../shell';
import { cacheKeepingRuns, commandRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/npm-cache-clean',
  severity: 'info',
  basis: 'practice',
  title: 'npm cache left in the image',
  help: 'End the RUN with `&& npm cache clean --force`, or use `RUN --mount=type=cache,target=/root/.npm`, or install in a build stage.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of cacheKeepingRuns(model)) {
    if (commands.some((c) => isSubcommand(c, ['npm'], ['cache']) && c.words.some((w) => w.text === 'clean'))) continue;
    const install = commands.find((c) => isSubcommand(c, ['npm'], ['install', 'i', 'ci']));
    if (install)
      out.push(
        finding(meta, commandRange(model, install), 'npm keeps its download cache in this layer; add "&& npm cache clean --force" or use a cache mount.'),
      );
  }
  return out;
}

export const npmCacheClean: Rule<DockerfileModel> = { meta, check };
