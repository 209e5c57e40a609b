// Fires (info) on a container without `securityContext.readOnlyRootFilesystem: true`. A writable
// image filesystem lets an intruder drop tools and change binaries; writable paths belong in
// volumes (`emptyDir`).
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, scalar } from '../nodes';
import type { ContainerRef } from '../workload';
import { containerAnchor, eachWholeContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/read-only-root-fs',
  severity: 'info',
  basis: 'practice',
  title: 'A container with a writable root filesystem',
  help: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the process must write (e.g. `/tmp`).',
};

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  if (scalar(get(c.node, 'securityContext', 'readOnlyRootFilesystem')) === true) return [];
  return [
    finding(
      meta,
      nodeRange(file, containerAnchor(c)),
      `Container "${c.name}" can write to its image filesystem; set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it writes.`,
    ),
  ];
}

export const readOnlyRootFs: Rule<ManifestFile> = { meta, check: eachWholeContainer(checkContainer, ['containers']) };
