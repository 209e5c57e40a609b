// Fires on `hostNetwork`, `hostPID` or `hostIPC: true`. The pod then shares the node's network
// stack, process table or IPC with every other process on the node.
import type { Finding, RuleMeta } from '../../common';
import { pairOf, scalar } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { podSpec } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/host-namespace',
  severity: 'warning',
  title: 'The pod shares a host namespace',
  help: 'Remove `hostNetwork`, `hostPID` and `hostIPC` unless this is a node agent that needs them; use a Service or a hostPort-free design instead.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
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
          findingAt(
            rc,
            meta,
            pair.keyNode,
            `\`${field}: true\` shares the node's ${namespace} namespace with this pod; remove it unless this is a node agent.`,
          ),
        );
    }
    return out;
  },
};
