// Fires on ARG or ENV whose name says it holds a secret (PASSWORD, TOKEN, SECRET, API_KEY, ...;
// BuildKit's SecretsUsedInArgOrEnv). Their values stay in the image config or history, readable
// by anyone who pulls the image.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/secret-in-env',
  severity: 'warning',
  basis: 'security',
  title: 'Secret in ARG or ENV',
  help: 'Pass secrets with `RUN --mount=type=secret,id=<id>` and `docker build --secret id=<id>,src=<file>`; they never reach the image.',
};

const SECRET_WORDS = new Set(['password', 'passwd', 'pword', 'secret', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'accesskey', 'secretkey']);
const KEY_PREFIXES = new Set(['api', 'private', 'access', 'secret']);
/** Names that mention a secret without holding one. */
const BENIGN = /(?:_|^)(?:FILE|PATH|DIR|URL|HOST|PORT|USER|USERNAME|NAME|ID|LENGTH|EXPIRY|TTL|HEADER|REF)$/i;

function looksSecret(name: string): boolean {
  if (BENIGN.test(name)) return false;
  const words = name
    .toLowerCase()
    .split(/[_\-.]+|(?<=[a-z])(?=[A-Z])/)
    .filter(Boolean);
  return words.some((w, i) => SECRET_WORDS.has(w) || (w === 'key' && i > 0 && KEY_PREFIXES.has(words[i - 1])));
}

function check(model: DockerfileModel): Finding[] {
  return model.definitions
    .filter((d) => looksSecret(d.name))
    .map((d) =>
      finding(
        meta,
        d.nameRange,
        `${d.kind} ${d.name} looks like a secret; its value stays in the image. Use a secret mount (RUN --mount=type=secret) instead.`,
      ),
    );
}

export const secretInEnv: Rule<DockerfileModel> = { meta, check };
