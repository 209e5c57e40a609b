// Fires on `apt-get install` without `--no-install-recommends`. Recommended packages are pulled
// in by default and often double the image size for nothing the program needs.
import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand } from '../shell';
import { commandRange, finding, wordRange, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apt-no-install-recommends',
  severity: 'info',
  title: 'apt-get install without --no-install-recommends',
  help: 'Add `--no-install-recommends` so only the packages you name (and their dependencies) are installed.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (const command of commands) {
      if (!isSubcommand(command, ['apt-get'], ['install']) || hasOption(command, (w) => w === '--no-install-recommends' || w.includes('Install-Recommends')))
        continue;
      const install = command.words.find((w) => w.text === 'install')!;
      const end = wordRange(model, install).end;
      out.push(
        finding(meta, commandRange(model, command), 'Add `--no-install-recommends` to keep the image small.', [
          { title: 'Add --no-install-recommends', edits: [{ range: { start: end, end }, newText: ' --no-install-recommends' }] },
        ]),
      );
    }
  }
  return out;
}

export const aptNoInstallRecommends: Rule = { meta, check };
