// Fires (info) on `metadata.namespace: default`. The default namespace is shared by everything
// without a home; workloads there mix with strangers' RBAC, quotas and network policies.
import type { RuleMeta } from '../../common';
import { get, str } from '../nodes';
import { findingAt, type Rule } from '../rule';

export const meta: RuleMeta = {
  id: 'k8s/default-namespace',
  severity: 'info',
  title: 'An object placed in the default namespace',
  help: 'Give the application its own namespace so quotas, RBAC and network policies can apply to it alone.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const node = get(obj.node, 'metadata', 'namespace');
    if (str(node) !== 'default') return [];
    return [findingAt(rc, meta, node, 'This object goes to the `default` namespace; use a namespace of its own.')];
  },
};
