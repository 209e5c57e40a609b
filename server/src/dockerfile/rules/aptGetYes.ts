// Fires on `apt-get install` without `-y` (or `--yes`, `-qq`, `--assume-yes`). The build has no
// terminal to answer the prompt, so apt-get aborts.
import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand } from '../shell';
import { commandRange, finding, wordRange, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apt-get-yes',
  severity: 'warning',
  title: 'apt-get install without -y',
  help: 'Builds are not interactive: add `-y` so apt-get does not stop at its confirmation prompt.',
};

const YES = (w: string) => /^-[a-z]*y[a-z]*$/.test(w) || w === '--yes' || w === '--assume-yes' || w === '-qq' || /^--force-yes/.test(w);

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (const command of commands) {
      if (!isSubcommand(command, ['apt-get'], ['install']) || hasOption(command, YES)) continue;
      const install = command.words.find((w) => w.text === 'install')!;
      const end = wordRange(model, install).end;
      out.push(
        finding(meta, commandRange(model, command), 'apt-get install will wait for confirmation; add `-y`.', [
          { title: 'Add -y', edits: [{ range: { start: end, end }, newText: ' -y' }], preferred: true },
        ]),
      );
    }
  }
  return out;
}

export const aptGetYes: Rule = { meta, check };
