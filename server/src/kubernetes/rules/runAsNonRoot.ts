// Fires on a container that may run as root: neither it nor its pod sets
// `securityContext.runAsNonRoot: true` or a non-zero `runAsUser`. A root process in a container is
// root on the node once anything goes wrong.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, scalar } from '../nodes';
import type { KubeObject } from '../parse';
import { type ContainerRef, podSpec } from '../workload';
import { containerAnchor, eachWholeContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/run-as-non-root',
  severity: 'warning',
  basis: 'security',
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

function checkContainer(file: ManifestFile, c: ContainerRef, obj: KubeObject): Finding[] {
  // The container's own setting wins over the pod's.
  if ((nonRoot(get(c.node, 'securityContext')) ?? nonRoot(get(podSpec(obj), 'securityContext'))) === true) return [];
  return [
    finding(
      meta,
      nodeRange(file, containerAnchor(c)),
      `Container "${c.name}" may run as root; set securityContext.runAsNonRoot: true on the pod or the container.`,
    ),
  ];
}

export const runAsNonRoot: Rule<ManifestFile> = { meta, check: eachWholeContainer(checkContainer, ['containers', 'initContainers']) };
