// Fires on a container whose `securityContext.allowPrivilegeEscalation` is not `false`. The
// default lets a process gain more privileges than its parent (setuid binaries), which is what
// most container escapes start from.
import type { Finding, RuleMeta } from '../../common';
import { get, scalar } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers, firstNode } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/privilege-escalation',
  severity: 'warning',
  title: 'A container may escalate privileges',
  help: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj, ['containers', 'initContainers'])) {
      const node = get(c.node, 'securityContext', 'allowPrivilegeEscalation');
      const value = scalar(node);
      if (value === false) continue;
      const message =
        value === true
          ? `Container \`${c.name}\` allows privilege escalation; set \`allowPrivilegeEscalation: false\`.`
          : `Container \`${c.name}\` does not set \`securityContext.allowPrivilegeEscalation: false\`, so setuid binaries can gain privileges; set it.`;
      out.push(findingAt(rc, meta, value === true ? node : firstNode(get(c.node, 'name'), get(c.node, 'image')), message));
    }
    return out;
  },
};
