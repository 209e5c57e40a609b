// Fires on `apt` (not `apt-get`) in a RUN. `apt` is meant for people; its output and options
// may change between releases and it warns that its interface is not stable for scripts.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { programOf, type Command } from '../shell';
import { eachCommand, replace, wordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/use-apt-get',
  severity: 'info',
  basis: 'practice',
  title: 'apt used in a script',
  help: 'Use `apt-get` (or `apt-cache`) in Dockerfiles; `apt` has no stable command-line interface.',
};

function checkCommand(model: DockerfileModel, command: Command): Finding[] {
  const program = programOf(command);
  if (program?.word.text !== 'apt') return [];
  const range = wordRange(model, program.word);
  return [
    finding(meta, range, 'Use apt-get instead of apt in scripts.', [{ title: 'Change to apt-get', edits: [replace(range, 'apt-get')], preferred: true }]),
  ];
}

export const useAptGet: Rule<DockerfileModel> = { meta, check: eachCommand(checkCommand) };
