// Fires on a container with `securityContext.privileged: true`. A privileged container has every
// capability and the host's devices: escaping it is escaping to the node.
import type { Finding, RuleMeta } from '../../common';
import { get, scalar } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/privileged',
  severity: 'warning',
  title: 'A privileged container',
  help: 'Remove `privileged: true`; add only the capabilities the process needs under `securityContext.capabilities.add`.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj)) {
      const node = get(c.node, 'securityContext', 'privileged');
      if (scalar(node) === true)
        out.push(
          findingAt(rc, meta, node, `Container \`${c.name}\` runs privileged, with full access to the node; remove it and add only the capabilities it needs.`),
        );
    }
    return out;
  },
};
