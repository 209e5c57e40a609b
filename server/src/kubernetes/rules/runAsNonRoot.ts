// Fires on a container that may run as root: neither it nor its pod sets
// `securityContext.runAsNonRoot: true` or a non-zero `runAsUser`. A root process in a container is
// root on the node once anything goes wrong.
import type { Finding, RuleMeta } from '../../common';
import { get, scalar } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers, firstNode, podSpec } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/run-as-non-root',
  severity: 'warning',
  title: 'A container may run as root',
  help: 'Set `securityContext.runAsNonRoot: true` (pod or container level), and `runAsUser` to a non-zero id if the image has no USER.',
};

function nonRoot(securityContext: unknown): boolean | undefined {
  const flag = scalar(get(securityContext, 'runAsNonRoot'));
  if (flag === false) return false;
  const user = scalar(get(securityContext, 'runAsUser'));
  if (user === 0) return false;
  if (flag === true || (typeof user === 'number' && user > 0)) return true;
  return undefined;
}

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const spec = podSpec(obj);
    if (!spec) return [];
    const podLevel = nonRoot(get(spec, 'securityContext'));
    const out: Finding[] = [];
    for (const c of containers(obj, ['containers', 'initContainers'])) {
      if ((nonRoot(get(c.node, 'securityContext')) ?? podLevel) === true) continue;
      out.push(
        findingAt(
          rc,
          meta,
          firstNode(get(c.node, 'name'), get(c.node, 'image')),
          `Container \`${c.name}\` may run as root; set \`securityContext.runAsNonRoot: true\` on the pod or the container.`,
        ),
      );
    }
    return out;
  },
};
