// Fires when `COPY --from=<name>` or `RUN --mount=from=<name>` names no earlier stage and does
// not look like an image reference. The builder would try to pull an image of that name, which
// usually means a typo in the stage name.
import { closestMatch, finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { findStage, type DockerfileModel } from '../model';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/unknown-stage',
  severity: 'warning',
  basis: 'inferred',
  title: '--from names no earlier stage',
  help: 'A `--from` value that is not an earlier stage is pulled as an image. Check the stage name, or define the stage before this line.',
};

/** Values that are clearly images or indexes: contain `/`, `:`, `@` or `.`, or are numbers. */
const IMAGE_LIKE = /[/:@.]|^\d+$|\$/;

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (step.keyword !== 'COPY' && step.keyword !== 'RUN') continue;
    for (const flag of step.flags) {
      const option = flag.getName() === 'mount' ? flag.getOption('from') : null;
      const value = flag.getName() === 'from' && step.keyword === 'COPY' ? flag.getValue() : (option?.getValue() ?? null);
      const range = flag.getName() === 'from' ? flag.getValueRange() : (option?.getValueRange() ?? null);
      if (!value || !range || IMAGE_LIKE.test(value) || findStage(model.stageNames, value, step.stage)) continue;
      const names = model.stages.slice(0, Math.max(step.stage, 0)).flatMap((s) => (s.name ? [s.name] : []));
      const suggestion = closestMatch(value, names);
      const later = findStage(model.stageNames, value);
      const hint =
        later?.index === step.stage
          ? ' That is this stage itself; copy from an earlier stage.'
          : later
            ? ` Stage "${later.name}" is defined later (line ${later.from.getRange().start.line + 1}); move it above.`
            : suggestion
              ? ` Did you mean "${suggestion}"?`
              : ' It will be pulled as an image.';
      const fixes = suggestion && !later ? [{ title: `Change to ${suggestion}`, edits: [replace(range, suggestion)], preferred: true }] : [];
      out.push(finding(meta, range, `No earlier stage is named "${value}".${hint}`, fixes));
    }
  }
  return out;
}

export const unknownStage: Rule<DockerfileModel> = { meta, check };
