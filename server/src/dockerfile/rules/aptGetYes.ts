// Fires on `apt-get install` without `-y` (or `--yes`, `-qq`, `--assume-yes`; a simulation such as
// `-s` asks nothing). The build has no terminal to answer the prompt, so apt-get aborts.
import type { Finding, Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand, type Command } from '../shell';
import { aptSimulates, eachCommand, missingOption } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apt-get-yes',
  severity: 'warning',
  basis: 'inferred',
  title: 'apt-get install without -y',
  help: 'Builds are not interactive: add `-y` so apt-get does not stop at its confirmation prompt.',
};

const YES = (w: string) => /^-[a-z]*y[a-z]*$/.test(w) || w === '--yes' || w === '--assume-yes' || w === '-qq' || /^--force-yes/.test(w);

function checkCommand(model: DockerfileModel, command: Command): Finding[] {
  if (!isSubcommand(command, ['apt-get'], ['install']) || hasOption(command, YES) || aptSimulates(command)) return [];
  const install = command.words.find((w) => w.text === 'install')!;
  return [missingOption(meta, model, command, install, '-y', 'apt-get install will wait for confirmation; add -y.')];
}

export const aptGetYes: Rule<DockerfileModel> = { meta, check: eachCommand(checkCommand) };
