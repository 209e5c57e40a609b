// Fires when a container adds a capability that amounts to (near) root on the node: ALL,
// SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, BPF.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, str } from '../nodes';
import type { ContainerRef } from '../workload';
import { eachContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/dangerous-capabilities',
  severity: 'warning',
  basis: 'security',
  title: 'A container adds a dangerous capability',
  help: 'Drop `ALL` and add back only narrow capabilities (e.g. `NET_BIND_SERVICE`); SYS_ADMIN and friends give the node away.',
};

const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'BPF']);

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const out: Finding[] = [];
  for (const cap of items(get(c.node, 'securityContext', 'capabilities', 'add'))) {
    const name = str(cap)?.toUpperCase().replace(/^CAP_/, '');
    if (name && DANGEROUS.has(name))
      out.push(
        finding(
          meta,
          nodeRange(file, cap),
          `Container "${c.name}" adds ${name}, which is close to root on the node; add only the narrow capabilities it needs.`,
        ),
      );
  }
  return out;
}

export const dangerousCapabilities: Rule<ManifestFile> = { meta, check: eachContainer(checkContainer) };
