// Fires on `yum`, `dnf`, `microdnf` or `zypper` install without `-y` (`-n` for zypper). The build
// has no terminal to answer the prompt, so the command aborts.
import type { Finding, Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand, programOf, type Command } from '../shell';
import { eachCommand, missingOption } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/yum-assume-yes',
  severity: 'warning',
  basis: 'inferred',
  title: 'yum/dnf/zypper install without -y',
  help: 'Builds are not interactive: add `-y` (`zypper -n install`) so the package manager does not wait for confirmation.',
};

const INSTALL = ['install', 'in', 'groupinstall', 'localinstall'];

function checkCommand(model: DockerfileModel, command: Command): Finding[] {
  if (!isSubcommand(command, ['yum', 'dnf', 'microdnf', 'zypper'], INSTALL)) return [];
  const zypper = programOf(command)?.word.text === 'zypper';
  const yes = zypper
    ? (w: string) => w === '-n' || w === '--non-interactive' || w === '-y' || w === '--no-confirm'
    : (w: string) => /^-[a-zA-Z]*y/.test(w) || w === '--assumeyes' || w === '--assume-yes';
  if (hasOption(command, yes)) return [];
  const sub = command.words.find((w) => INSTALL.includes(w.text))!;
  return [missingOption(meta, model, command, sub, '-y', 'Add -y so the install does not wait for confirmation.')];
}

export const yumAssumeYes: Rule<DockerfileModel> = { meta, check: eachCommand(checkCommand) };
