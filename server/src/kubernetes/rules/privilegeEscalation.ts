// Fires on a container whose `securityContext.allowPrivilegeEscalation` is not `false`. The
// default lets a process gain more privileges than its parent (setuid binaries), which is what
// most container escapes start from.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, scalar } from '../nodes';
import type { ContainerRef } from '../workload';
import { containerAnchor, eachWholeContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/privilege-escalation',
  severity: 'warning',
  basis: 'security',
  title: 'A container may escalate privileges',
  help: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
};

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const node = get(c.node, 'securityContext', 'allowPrivilegeEscalation');
  const value = scalar(node);
  if (value === false) return [];
  const message =
    value === true
      ? `Container "${c.name}" allows privilege escalation; set allowPrivilegeEscalation: false.`
      : `Container "${c.name}" does not set securityContext.allowPrivilegeEscalation: false, so setuid binaries can gain privileges; set it.`;
  return [finding(meta, nodeRange(file, value === true ? node : containerAnchor(c)), message)];
}

export const privilegeEscalation: Rule<ManifestFile> = { meta, check: eachWholeContainer(checkContainer, ['containers', 'initContainers']) };
