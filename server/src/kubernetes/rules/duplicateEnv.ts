// Fires when a container defines the same env var name twice. Only the last definition takes
// effect, so the first one is dead configuration that someone will edit in vain.
import type { Finding, RuleMeta } from '../../common';
import { get, items, str } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/duplicate-env',
  severity: 'warning',
  title: 'An env var is defined twice',
  help: 'Keep one definition per name; the last one wins.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj)) {
      const seen = new Set<string>();
      for (const env of items(get(c.node, 'env'))) {
        const nameNode = get(env, 'name');
        const name = str(nameNode);
        if (!name) continue;
        if (seen.has(name))
          out.push(
            findingAt(rc, meta, nameNode, `\`${name}\` is already defined in container \`${c.name}\`; only this last definition takes effect. Remove one.`),
          );
        seen.add(name);
      }
    }
    return out;
  },
};
