// Fires on a container without `resources.requests` or without a memory limit. Without requests
// the scheduler packs pods blindly and they are the first evicted; without a memory limit one
// leaking container can starve its node.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get } from '../nodes';
import type { ContainerRef } from '../workload';
import { containerAnchor, eachWholeContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/missing-resources',
  severity: 'warning',
  basis: 'practice',
  title: 'A container without resource requests or a memory limit',
  help: 'Set `resources.requests` (cpu and memory) and `resources.limits.memory` on every container.',
};

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const missing: string[] = [];
  if (!get(c.node, 'resources', 'requests')) missing.push('resources.requests');
  if (!get(c.node, 'resources', 'limits', 'memory')) missing.push('memory limit (resources.limits.memory)');
  if (missing.length === 0) return [];
  return [
    finding(
      meta,
      nodeRange(file, containerAnchor(c)),
      `Container "${c.name}" has no ${missing.join(' and no ')}; set them so the scheduler can place it and a leak cannot starve the node.`,
    ),
  ];
}

export const missingResources: Rule<ManifestFile> = { meta, check: eachWholeContainer(checkContainer, ['containers', 'initContainers']) };
