// Fires on a `hostPath` volume. It ties the pod to one node's files, is invisible to the
// scheduler's disk accounting, and gives the pod the node's filesystem to read or break.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, pairOf } from '../nodes';
import type { KubeObject } from '../parse';
import { podSpec } from '../workload';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/host-path',
  severity: 'warning',
  basis: 'security',
  title: 'A hostPath volume',
  help: 'Use a PersistentVolumeClaim, an emptyDir or a ConfigMap instead; keep hostPath for node agents (DaemonSets) that need it.',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const out: Finding[] = [];
  for (const volume of items(get(podSpec(obj), 'volumes'))) {
    const host = pairOf(volume, 'hostPath');
    if (host)
      out.push(
        finding(
          meta,
          nodeRange(file, host.keyNode),
          `Volume mounts the node's filesystem (hostPath); use a PersistentVolumeClaim or an emptyDir unless this is a node agent.`,
        ),
      );
  }
  return out;
}

export const hostPath: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
