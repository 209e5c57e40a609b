// Fires on `cd` in a RUN. The directory change ends with the RUN; WORKDIR states it once for the
// following instructions and is easier to follow.
import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { programOf } from '../shell';
import { finding, wordRange, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/cd-in-run',
  severity: 'info',
  title: 'cd in RUN',
  help: 'Use `WORKDIR <dir>` to change directory for the following instructions.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (const command of commands) {
      const program = programOf(command);
      if (program?.word.text === 'cd')
        out.push(finding(meta, wordRange(model, program.word), 'Use WORKDIR to change directory; `cd` lasts only until the end of this RUN.'));
    }
  }
  return out;
}

export const cdInRun: Rule = { meta, check };
