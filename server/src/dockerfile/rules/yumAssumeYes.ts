// Fires on `yum`, `dnf`, `microdnf` or `zypper` install without `-y` (`-n` for zypper). The build
// has no terminal to answer the prompt, so the command aborts.
import type { Finding, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand, programOf } from '../shell';
import { commandRange, finding, wordRange, type Rule } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/yum-assume-yes',
  severity: 'warning',
  title: 'yum/dnf/zypper install without -y',
  help: 'Builds are not interactive: add `-y` (`zypper -n install`) so the package manager does not wait for confirmation.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (const command of commands) {
      if (!isSubcommand(command, ['yum', 'dnf', 'microdnf', 'zypper'], ['install', 'in', 'groupinstall', 'localinstall'])) continue;
      const zypper = programOf(command)?.word.text === 'zypper';
      const yes = zypper
        ? (w: string) => w === '-n' || w === '--non-interactive' || w === '-y' || w === '--no-confirm'
        : (w: string) => /^-[a-zA-Z]*y/.test(w) || w === '--assumeyes' || w === '--assume-yes';
      if (hasOption(command, yes)) continue;
      const sub = command.words.find((w) => ['install', 'in', 'groupinstall', 'localinstall'].includes(w.text))!;
      const end = wordRange(model, sub).end;
      out.push(
        finding(meta, commandRange(model, command), 'Add `-y` so the install does not wait for confirmation.', [
          { title: 'Add -y', edits: [{ range: { start: end, end }, newText: ' -y' }], preferred: true },
        ]),
      );
    }
  }
  return out;
}

export const yumAssumeYes: Rule = { meta, check };
