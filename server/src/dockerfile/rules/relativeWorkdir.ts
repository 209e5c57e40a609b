// Fires on a relative WORKDIR when no absolute WORKDIR came before in the stage (BuildKit's
// WorkdirRelativePath). The path then depends on the base image's working directory, which can
// change under you. BuildKit judges the path after expanding it, quotes removed; a path that
// starts with a variable (`WORKDIR "${HOME}"`) usually expands to an absolute one from the base
// image, so it is left alone.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { unquotePath, type DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/relative-workdir',
  severity: 'warning',
  basis: 'practice',
  title: 'Relative WORKDIR without an absolute one before',
  help: 'Use an absolute path (e.g. `WORKDIR /app`), or set one absolute WORKDIR first in the stage.',
};

/** Absolute (POSIX or Windows) or starting with a variable. */
const ABSOLUTE = /^(?:\/|\$|[A-Za-z]:[\\/]|\\)/;

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  // Whether a stage (or one it builds on) sets any WORKDIR; parents always come first.
  const setsWorkdir: boolean[] = [];
  for (const stage of model.stages) {
    let anchored = stage.parent !== undefined && setsWorkdir[stage.parent];
    setsWorkdir.push(anchored || stage.steps.some((x) => x.keyword === 'WORKDIR'));
    for (const step of stage.steps) {
      if (step.keyword !== 'WORKDIR') continue;
      const arg = step.args[0];
      if (!arg) continue;
      const path = unquotePath(arg.getValue());
      if (ABSOLUTE.test(path)) anchored = true;
      else if (!anchored) {
        const absolute = path === '.' ? '/' : `/${path.replace(/^\.\//, '')}`;
        out.push(finding(meta, arg.getRange(), `"${path}" is relative to the base image's working directory; use an absolute path such as "${absolute}".`));
      }
    }
  }
  return out;
}

export const relativeWorkdir: Rule<DockerfileModel> = { meta, check };
