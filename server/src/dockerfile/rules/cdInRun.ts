// Fires on `cd` in a RUN. The directory change ends with the RUN; WORKDIR states it once for the
// following instructions and is easier to follow.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { programOf, type Command } from '../shell';
import { eachCommand, wordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/cd-in-run',
  severity: 'info',
  basis: 'practice',
  title: 'cd in RUN',
  help: 'Use `WORKDIR <dir>` to change directory for the following instructions.',
};

function checkCommand(model: DockerfileModel, command: Command): Finding[] {
  const program = programOf(command);
  if (program?.word.text !== 'cd') return [];
  return [finding(meta, wordRange(model, program.word), 'Use WORKDIR to change directory; cd lasts only until the end of this RUN.')];
}

export const cdInRun: Rule<DockerfileModel> = { meta, check: eachCommand(checkCommand) };
