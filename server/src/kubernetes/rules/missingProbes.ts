// Fires on a long-running container (Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets)
// without a liveness or a readiness probe. Without readiness, traffic reaches pods before they
// can serve; without liveness, a hung process is never restarted.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get } from '../nodes';
import type { KubeObject } from '../parse';
import { type ContainerRef, isLongRunning } from '../workload';
import { containerAnchor, eachWholeContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/missing-probes',
  severity: 'warning',
  basis: 'practice',
  title: 'A long-running container without liveness or readiness probe',
  help: 'Add a `readinessProbe` (when to send traffic) and a `livenessProbe` (when to restart), e.g. `httpGet` on a health endpoint.',
};

function checkContainer(file: ManifestFile, c: ContainerRef, obj: KubeObject): Finding[] {
  if (!isLongRunning(obj.kind)) return [];
  const missing = ['livenessProbe', 'readinessProbe'].filter((p) => !get(c.node, p));
  if (missing.length === 0) return [];
  return [
    finding(
      meta,
      nodeRange(file, containerAnchor(c)),
      `Container "${c.name}" has no ${missing.join(' and no ')}; add ${missing.length > 1 ? 'them' : 'it'} so Kubernetes knows when it is ready and when it hangs.`,
    ),
  ];
}

export const missingProbes: Rule<ManifestFile> = { meta, check: eachWholeContainer(checkContainer, ['containers']) };
