// Fires on an env var whose name looks like a secret (PASSWORD, TOKEN, API_KEY, …) with a literal
// `value`. The secret then sits in the manifest, the Git history and `kubectl describe` output.
import type { Finding, RuleMeta } from '../../common';
import { get, items, str } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/env-secret',
  severity: 'warning',
  title: 'A secret written as a plain env value',
  help: 'Put the value in a Secret and read it with `valueFrom.secretKeyRef` (or `envFrom.secretRef`).',
};

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY)/i;

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj)) {
      for (const env of items(get(c.node, 'env'))) {
        const name = str(get(env, 'name'));
        const value = get(env, 'value');
        if (!name || !SECRET_NAME.test(name) || !str(value)) continue;
        out.push(findingAt(rc, meta, value, `\`${name}\` holds a literal secret; move it to a Secret and use \`valueFrom.secretKeyRef\`.`));
      }
    }
    return out;
  },
};
