// Fires on a long-running container (Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets)
// without a liveness or a readiness probe. Without readiness, traffic reaches pods before they
// can serve; without liveness, a hung process is never restarted.
import type { Finding, RuleMeta } from '../../common';
import { get } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers, firstNode, isLongRunning } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/missing-probes',
  severity: 'warning',
  title: 'A long-running container without liveness or readiness probe',
  help: 'Add a `readinessProbe` (when to send traffic) and a `livenessProbe` (when to restart), e.g. `httpGet` on a health endpoint.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    if (!isLongRunning(obj.kind)) return [];
    const out: Finding[] = [];
    for (const c of containers(obj, ['containers'])) {
      const missing = ['livenessProbe', 'readinessProbe'].filter((p) => !get(c.node, p));
      if (missing.length === 0) continue;
      out.push(
        findingAt(
          rc,
          meta,
          firstNode(get(c.node, 'name'), get(c.node, 'image')),
          `Container \`${c.name}\` has no ${missing.map((m) => `\`${m}\``).join(' and no ')}; add ${missing.length > 1 ? 'them' : 'it'} so Kubernetes knows when it is ready and when it hangs.`,
        ),
      );
    }
    return out;
  },
};
