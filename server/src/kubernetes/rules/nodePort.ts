// Fires on a Service of `type: NodePort`. It opens the port on every node, bypasses most
// ingress policies and ties clients to node addresses; a LoadBalancer or an Ingress is usually
// what is wanted.
import type { RuleMeta } from '../../common';
import { get, str } from '../nodes';
import { findingAt, type Rule } from '../rule';

export const meta: RuleMeta = {
  id: 'k8s/node-port',
  severity: 'warning',
  title: 'A NodePort Service',
  help: 'Expose the Service through an Ingress or `type: LoadBalancer`; keep NodePort for clusters without either.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    if (obj.kind !== 'Service') return [];
    const type = get(obj.node, 'spec', 'type');
    if (str(type) !== 'NodePort') return [];
    return [findingAt(rc, meta, type, 'A NodePort Service opens this port on every node; prefer an Ingress or `type: LoadBalancer`.')];
  },
};
