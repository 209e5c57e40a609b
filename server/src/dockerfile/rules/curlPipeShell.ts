// Fires when a download (`curl`, `wget`) is piped straight into a shell. Whatever the server
// sends at build time is executed unchecked; verify a checksum or signature first.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { programOf } from '../shell';
import { commandRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/curl-pipe-shell',
  severity: 'warning',
  basis: 'security',
  title: 'Download piped into a shell',
  help: 'Download to a file, check its checksum (`sha256sum -c`), then run it; or use `ADD --checksum=sha256:...`.',
};

const SHELL = /^(?:\/\S*\/)?(?:sh|bash|ash|dash|zsh|python3?|perl)$/;

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (let i = 0; i + 1 < commands.length; i++) {
      const fetch = programOf(commands[i])?.word.text;
      const next = programOf(commands[i + 1])?.word.text ?? '';
      if ((fetch === 'curl' || fetch === 'wget') && commands[i].next === '|' && SHELL.test(next)) {
        out.push(
          finding(
            meta,
            commandRange(model, commands[i + 1]),
            `Output of ${fetch} runs unchecked in ${next}; download to a file and verify its checksum first.`,
          ),
        );
      }
    }
  }
  return out;
}

export const curlPipeShell: Rule<DockerfileModel> = { meta, check };
