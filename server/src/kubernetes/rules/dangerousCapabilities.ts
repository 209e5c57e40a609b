// Fires when a container adds a capability that amounts to (near) root on the node: ALL,
// SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, BPF.
import type { Finding, RuleMeta } from '../../common';
import { get, items, str } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/dangerous-capabilities',
  severity: 'warning',
  title: 'A container adds a dangerous capability',
  help: 'Drop `ALL` and add back only narrow capabilities (e.g. `NET_BIND_SERVICE`); SYS_ADMIN and friends give the node away.',
};

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'BPF']);

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj)) {
      for (const cap of items(get(c.node, 'securityContext', 'capabilities', 'add'))) {
        const name = str(cap)?.toUpperCase().replace(/^CAP_/, '');
        if (name && DANGEROUS.has(name))
          out.push(
            findingAt(
              rc,
              meta,
              cap,
              `Container \`${c.name}\` adds \`${name}\`, which is close to root on the node; add only the narrow capabilities it needs.`,
            ),
          );
      }
    }
    return out;
  },
};
