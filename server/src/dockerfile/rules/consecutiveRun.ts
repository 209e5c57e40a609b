// Fires on a RUN that directly follows another RUN with the same flags in a stage. Each RUN is a
// layer; joining related commands with `&&` makes fewer, smaller layers (files deleted in a later
// layer still take space in the earlier one).
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { type DockerfileModel, type Step } from '../model';
import { leadingFlags } from '../shell';
import { keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/consecutive-run',
  severity: 'info',
  basis: 'practice',
  title: 'Consecutive RUN instructions',
  help: 'Join related commands into one RUN with `&&` (or a heredoc), unless you split them on purpose for caching.',
};

const flagText = (step: Step) => leadingFlags(step.raw).join(' ');

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    for (let i = 1; i < stage.steps.length; i++) {
      const prev = stage.steps[i - 1];
      const step = stage.steps[i];
      if (step.keyword === 'RUN' && prev.keyword === 'RUN' && flagText(prev) === flagText(step)) {
        out.push(
          finding(
            meta,
            keywordRange(step.instruction),
            `This RUN follows another (line ${prev.instruction.getRange().start.line + 1}); join them with && for one layer.`,
          ),
        );
      }
    }
  }
  return out;
}

export const consecutiveRun: Rule<DockerfileModel> = { meta, check };
