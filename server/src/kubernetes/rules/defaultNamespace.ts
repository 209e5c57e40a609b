// Fires (info) on `metadata.namespace: default`. The default namespace is shared by everything
// without a home; workloads there mix with strangers' RBAC, quotas and network policies.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, str } from '../nodes';
import type { KubeObject } from '../parse';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/default-namespace',
  severity: 'info',
  basis: 'practice',
  title: 'An object placed in the default namespace',
  help: 'Give the application its own namespace so quotas, RBAC and network policies can apply to it alone.',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const node = get(obj.node, 'metadata', 'namespace');
  if (str(node) !== 'default') return [];
  return [finding(meta, nodeRange(file, node), 'This object goes to the default namespace; use a namespace of its own.')];
}

export const defaultNamespace: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
