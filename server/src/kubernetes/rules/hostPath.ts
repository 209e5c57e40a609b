// Fires on a `hostPath` volume. It ties the pod to one node's files, is invisible to the
// scheduler's disk accounting, and gives the pod the node's filesystem to read or break.
import type { Finding, RuleMeta } from '../../common';
import { get, items, pairOf } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { podSpec } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/host-path',
  severity: 'warning',
  title: 'A hostPath volume',
  help: 'Use a PersistentVolumeClaim, an emptyDir or a ConfigMap instead; keep hostPath for node agents (DaemonSets) that need it.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const volume of items(get(podSpec(obj), 'volumes'))) {
      const host = pairOf(volume, 'hostPath');
      if (host)
        out.push(
          findingAt(
            rc,
            meta,
            host.keyNode,
            `Volume mounts the node's filesystem (hostPath); use a PersistentVolumeClaim or an emptyDir unless this is a node agent.`,
          ),
        );
    }
    return out;
  },
};
