// Fires on `sudo` in a RUN. Build steps already run as the current USER; sudo adds a setuid
// binary to the image and unpredictable TTY and signal behaviour.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import type { Command } from '../shell';
import { eachCommand, wordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/sudo',
  severity: 'warning',
  basis: 'security',
  title: 'sudo in RUN',
  help: 'Switch with `USER root` before the commands that need it and back to your user afterwards; at run time use gosu or su-exec if needed.',
};

function checkCommand(model: DockerfileModel, command: Command): Finding[] {
  const sudo = command.words.findIndex((w) => w.text === 'sudo');
  const prefixOnly = command.words.slice(0, Math.max(sudo, 0)).every((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text));
  if (sudo < 0 || !prefixOnly) return [];
  return [finding(meta, wordRange(model, command.words[sudo]), 'Avoid sudo in builds; use USER root for the steps that need it.')];
}

export const sudo: Rule<DockerfileModel> = { meta, check: eachCommand(checkCommand) };
