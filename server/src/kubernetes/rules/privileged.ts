// Fires on a container with `securityContext.privileged: true`. A privileged container has every
// capability and the host's devices: escaping it is escaping to the node.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, scalar } from '../nodes';
import type { ContainerRef } from '../workload';
import { eachContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/privileged',
  severity: 'warning',
  basis: 'security',
  title: 'A privileged container',
  help: 'Remove `privileged: true`; add only the capabilities the process needs under `securityContext.capabilities.add`.',
};

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const node = get(c.node, 'securityContext', 'privileged');
  if (scalar(node) !== true) return [];
  return [
    finding(
      meta,
      nodeRange(file, node),
      `Container "${c.name}" runs privileged, with full access to the node; remove it and add only the capabilities it needs.`,
    ),
  ];
}

export const privileged: Rule<ManifestFile> = { meta, check: eachContainer(checkContainer) };
