// Fires when a RUN or ENV turns TLS certificate checks off: `curl -k`/`--insecure`,
// `wget --no-check-certificate`, `pip --trusted-host`, `git -c http.sslVerify=false`,
// `npm config set strict-ssl false`, NODE_TLS_REJECT_UNAUTHORIZED=0. Downloads can then be
// replaced by anyone on the network path.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { programOf } from '../shell';
import { wordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/tls-verification-off',
  severity: 'warning',
  basis: 'security',
  title: 'TLS verification turned off',
  help: 'Keep certificate checks on; install the CA certificate your proxy uses (e.g. into /usr/local/share/ca-certificates and run update-ca-certificates).',
};

function insecureWord(program: string, word: string, nextWord: string | undefined): boolean {
  switch (program) {
    case 'curl':
      return word === '-k' || word === '--insecure' || (/^-[a-zA-Z]+$/.test(word) && word.includes('k'));
    case 'wget':
      return word === '--no-check-certificate';
    case 'pip':
    case 'pip3':
      return word === '--trusted-host' || word.startsWith('--trusted-host=');
    case 'git':
      return /^http\.sslverify=(?:false|0)$/i.test(word);
    case 'npm':
    case 'yarn':
      return (word === 'strict-ssl' && nextWord === 'false') || word === '--strict-ssl=false';
    default:
      return false;
  }
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of model.runs) {
    for (const command of commands) {
      const program = programOf(command);
      const name = program?.word.text.replace(/^.*\//, '') ?? '';
      command.words.forEach((w, i) => {
        const insecure =
          (program && i > program.index && insecureWord(name, w.text, command.words[i + 1]?.text)) ||
          /^NODE_TLS_REJECT_UNAUTHORIZED=0$/.test(w.text) ||
          /^GIT_SSL_NO_VERIFY=(?:1|true)$/i.test(w.text);
        if (insecure) out.push(finding(meta, wordRange(model, w), `${w.text} turns off TLS certificate checks; trust the right CA certificate instead.`));
      });
    }
  }
  for (const d of model.definitions) {
    if (
      d.kind === 'ENV' &&
      ((d.name === 'NODE_TLS_REJECT_UNAUTHORIZED' && d.value === '0') ||
        (d.name === 'GIT_SSL_NO_VERIFY' && /^(?:1|true)$/i.test(d.value ?? '')) ||
        (d.name === 'PYTHONHTTPSVERIFY' && d.value === '0'))
    ) {
      out.push(
        finding(meta, d.nameRange, `${d.name}=${d.value} turns off TLS certificate checks for the whole image; trust the right CA certificate instead.`),
      );
    }
  }
  return out;
}

export const tlsVerificationOff: Rule<DockerfileModel> = { meta, check };
