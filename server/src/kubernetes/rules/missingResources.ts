// Fires on a container without `resources.requests` or without a memory limit. Without requests
// the scheduler packs pods blindly and they are the first evicted; without a memory limit one
// leaking container can starve its node.
import type { Finding, RuleMeta } from '../../common';
import { get } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers, firstNode } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/missing-resources',
  severity: 'warning',
  title: 'A container without resource requests or a memory limit',
  help: 'Set `resources.requests` (cpu and memory) and `resources.limits.memory` on every container.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj, ['containers', 'initContainers'])) {
      const missing: string[] = [];
      if (!get(c.node, 'resources', 'requests')) missing.push('`resources.requests`');
      if (!get(c.node, 'resources', 'limits', 'memory')) missing.push('memory limit (`resources.limits.memory`)');
      if (missing.length === 0) continue;
      out.push(
        findingAt(
          rc,
          meta,
          firstNode(get(c.node, 'name'), get(c.node, 'image')),
          `Container \`${c.name}\` has no ${missing.join(' and no ')}; set them so the scheduler can place it and a leak cannot starve the node.`,
        ),
      );
    }
    return out;
  },
};
