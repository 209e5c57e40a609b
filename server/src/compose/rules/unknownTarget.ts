// Fires on a build.target that names no stage of the service's Dockerfile (stage names compare
// without case, as BuildKit compares them). `docker compose build` refuses ("target stage could
// not be found"). Checked only when the Dockerfile can be read.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { buildOf, stagesOf } from '../build';
import { isInterpolated, nodeRange, relativeTo, text } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/unknown-target',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'build.target names no stage of the Dockerfile',
  help: 'Name a stage the Dockerfile defines with FROM ... AS <name> (completion lists them), or add that stage.',
};

export const unknownTarget: Rule<ComposeCheck> = {
  meta,
  check: ({ file, ctx }) => {
    const found: Finding[] = [];
    for (const service of file.services) {
      const build = buildOf(file, service);
      const target = text(build?.targetNode);
      if (!build?.targetNode || !build.dockerfile || target === undefined || isInterpolated(target)) continue;
      const stages = stagesOf(ctx, build.dockerfile);
      if (!stages || stages.some((s) => s.name?.toLowerCase() === target.toLowerCase())) continue;
      const names = stages.map((s) => `"${s.name}"`).join(', ') || 'none';
      found.push(
        finding(
          meta,
          nodeRange(file, build.targetNode),
          `"${target}" is not a stage of ${relativeTo(file, build.dockerfile)} (its named stages: ${names}). Name one of them.`,
        ),
      );
    }
    return found;
  },
};
