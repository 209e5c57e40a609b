// Fires on a build context folder or a Dockerfile that is not there: `build: ./app` (or
// `build.context`) naming a folder that does not exist, or `build.dockerfile` (by default
// "Dockerfile" in the context) missing from it. `docker compose build` refuses; the file itself
// is valid and `docker compose up` with a pulled image still works, and the path may be made by a
// step before the build, so this is a warning. Remote contexts (Git and HTTP URLs),
// `dockerfile_inline` and interpolated paths are not checked.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { buildOf } from '../build';
import { nodeRange, pairOf, relativeTo } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/missing-build-path',
  severity: 'warning',
  basis: 'inferred',
  title: 'The build context or Dockerfile does not exist',
  help: 'Point build (or build.context) at the folder to build, relative to the Compose file, and build.dockerfile at a Dockerfile in it (relative to the context).',
};

export const missingBuildPath: Rule<ComposeCheck> = {
  meta,
  check: ({ file, ctx }) => {
    const found: Finding[] = [];
    for (const service of file.services) {
      const build = buildOf(file, service);
      if (!build?.context) continue;
      const where = (node: typeof build.contextNode) => nodeRange(file, node ?? pairOf(service.node, 'build')?.key ?? service.key);
      if (!ctx.workspace.exists(build.context)) {
        found.push(
          finding(
            meta,
            where(build.contextNode),
            `The build context "${relativeTo(file, build.context)}" of service "${service.name}" does not exist. Fix the path (it is relative to this file).`,
          ),
        );
      } else if (build.dockerfile && !ctx.workspace.exists(build.dockerfile)) {
        found.push(
          finding(
            meta,
            where(build.dockerfileNode),
            `No Dockerfile at "${relativeTo(file, build.dockerfile)}" for service "${service.name}". Fix build.dockerfile (it is relative to the context).`,
          ),
        );
      }
    }
    return found;
  },
};
