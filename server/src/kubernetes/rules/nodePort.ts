// Fires on a Service of `type: NodePort`. It opens the port on every node, bypasses most
// ingress policies and ties clients to node addresses; a LoadBalancer or an Ingress is usually
// what is wanted.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, str } from '../nodes';
import type { KubeObject } from '../parse';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/node-port',
  severity: 'warning',
  basis: 'practice',
  title: 'A NodePort Service',
  help: 'Expose the Service through an Ingress or `type: LoadBalancer`; keep NodePort for clusters without either.',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  if (obj.kind !== 'Service') return [];
  const type = get(obj.node, 'spec', 'type');
  if (str(type) !== 'NodePort') return [];
  return [finding(meta, nodeRange(file, type), 'A NodePort Service opens this port on every node; prefer an Ingress or type: LoadBalancer.')];
}

export const nodePort: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
