import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { finding, keywordRange, stepsByStage } from './rule';

/** Shared check for "only the last X of a stage counts" (CMD, ENTRYPOINT, HEALTHCHECK). */
export function onlyLastCounts(model: DockerfileModel, meta: RuleMeta, keyword: string): Finding[] {
  const out: Finding[] = [];
  for (const steps of stepsByStage(model, keyword)) {
    const last = steps[steps.length - 1];
    for (const step of steps.slice(0, -1)) {
      out.push(
        finding(
          meta,
          keywordRange(step.instruction),
          `Only the last ${keyword} of a stage takes effect (line ${last.instruction.getRange().start.line + 1}); remove this one.`,
        ),
      );
    }
  }
  return out;
}
