// Fires (info) on a container without `securityContext.readOnlyRootFilesystem: true`. A writable
// image filesystem lets an intruder drop tools and change binaries; writable paths belong in
// volumes (`emptyDir`).
import type { Finding, RuleMeta } from '../../common';
import { get, scalar } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers, firstNode } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/read-only-root-fs',
  severity: 'info',
  title: 'A container with a writable root filesystem',
  help: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the process must write (e.g. `/tmp`).',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj, ['containers'])) {
      if (scalar(get(c.node, 'securityContext', 'readOnlyRootFilesystem')) === true) continue;
      out.push(
        findingAt(
          rc,
          meta,
          firstNode(get(c.node, 'name'), get(c.node, 'image')),
          `Container \`${c.name}\` can write to its image filesystem; set \`securityContext.readOnlyRootFilesystem: true\` and mount an emptyDir where it writes.`,
        ),
      );
    }
    return out;
  },
};
