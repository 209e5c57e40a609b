// Fires on `apt-get install` without `--no-install-recommends`. Recommended packages are pulled
// in by default and often double the image size for nothing the program needs.
import type { Finding, Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand, type Command } from '../shell';
import { aptSimulates, eachCommand, missingOption } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apt-no-install-recommends',
  severity: 'info',
  basis: 'practice',
  title: 'apt-get install without --no-install-recommends',
  help: 'Add `--no-install-recommends` so only the packages you name (and their dependencies) are installed.',
};

function checkCommand(model: DockerfileModel, command: Command): Finding[] {
  if (
    !isSubcommand(command, ['apt-get'], ['install']) ||
    aptSimulates(command) ||
    hasOption(command, (w) => w === '--no-install-recommends' || w.includes('Install-Recommends'))
  )
    return [];
  const install = command.words.find((w) => w.text === 'install')!;
  // Not the preferred fix: fewer packages can break a program that needs a recommended one.
  return [missingOption(meta, model, command, install, '--no-install-recommends', 'Add --no-install-recommends to keep the image small.', false)];
}

export const aptNoInstallRecommends: Rule<DockerfileModel> = { meta, check: eachCommand(checkCommand) };
