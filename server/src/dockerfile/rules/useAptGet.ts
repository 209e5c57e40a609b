// Fires on `apt` (not `apt-get`) in a RUN. `apt` is meant for people; its output and options
// may change between releases and it warns that its interface is not stable for scripts.
import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { programOf } from '../shell';
import { finding, replace, wordRange, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/use-apt-get',
  severity: 'info',
  title: 'apt used in a script',
  help: 'Use `apt-get` (or `apt-cache`) in Dockerfiles; `apt` has no stable command-line interface.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (const command of commands) {
      const program = programOf(command);
      if (program?.word.text !== 'apt') continue;
      const range = wordRange(model, program.word);
      out.push(
        finding(meta, range, 'Use `apt-get` instead of `apt` in scripts.', [
          { title: 'Change to apt-get', edits: [replace(range, 'apt-get')], preferred: true },
        ]),
      );
    }
  }
  return out;
}

export const useAptGet: Rule = { meta, check };
