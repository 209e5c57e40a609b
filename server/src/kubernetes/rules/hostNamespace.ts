// Fires on `hostNetwork`, `hostPID` or `hostIPC: true`. The pod then shares the node's network
// stack, process table or IPC with every other process on the node.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { pairOf, scalar } from '../nodes';
import type { KubeObject } from '../parse';
import { podSpec } from '../workload';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/host-namespace',
  severity: 'warning',
  basis: 'security',
  title: 'The pod shares a host namespace',
  help: 'Remove `hostNetwork`, `hostPID` and `hostIPC` unless this is a node agent that needs them; use a Service or a hostPort-free design instead.',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const spec = podSpec(obj);
  const out: Finding[] = [];
  for (const [field, namespace] of [
    ['hostNetwork', 'network'],
    ['hostPID', 'process (PID)'],
    ['hostIPC', 'IPC'],
  ]) {
    const pair = pairOf(spec, field);
    if (pair && scalar(pair.value) === true)
      out.push(
        finding(
          meta,
          nodeRange(file, pair.keyNode),
          `${field}: true shares the node's ${namespace} namespace with this pod; remove it unless this is a node agent.`,
        ),
      );
  }
  return out;
}

export const hostNamespace: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
