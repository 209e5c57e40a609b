// Fires on a label or annotation key under the `kubernetes.io/` or `k8s.io/` prefixes (or their
// subdomains) that is not one of the well-known keys Kubernetes defines. Those prefixes belong to
// the Kubernetes project; made-up keys there may clash with future core behaviour.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { metadataMaps } from '../metadataMaps';
import { entries } from '../nodes';
import type { KubeObject } from '../parse';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/reserved-prefix',
  severity: 'warning',
  basis: 'practice',
  title: 'A key uses a prefix reserved for Kubernetes',
  help: 'Use your own prefix (e.g. `example.com/owner`) or a well-known key such as `app.kubernetes.io/name`.',
};

/** Subdomains Kubernetes documents for users to set (recommended labels, cloud and ingress annotations). */
const WELL_KNOWN_PREFIXES = new Set([
  'app.kubernetes.io',
  'topology.kubernetes.io',
  'node.kubernetes.io',
  'node-role.kubernetes.io',
  'kubectl.kubernetes.io',
  'service.beta.kubernetes.io',
  'service.kubernetes.io',
  'pod-security.kubernetes.io',
  'storageclass.kubernetes.io',
  'storageclass.beta.kubernetes.io',
  'nginx.ingress.kubernetes.io',
  'ingress.kubernetes.io',
  'batch.kubernetes.io',
  'autoscaling.alpha.kubernetes.io',
  'controller.kubernetes.io',
  'endpointslice.kubernetes.io',
  'volume.beta.kubernetes.io',
  'volume.kubernetes.io',
  'cluster-autoscaler.kubernetes.io',
  'seccomp.security.alpha.kubernetes.io',
  'container.apparmor.security.beta.kubernetes.io',
  'api-approved.kubernetes.io',
  'policy.k8s.io',
  'networking.k8s.io',
]);
const WELL_KNOWN_KEYS = new Set([
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'kubernetes.io/arch',
  'kubernetes.io/change-cause',
  'kubernetes.io/ingress.class',
  'kubernetes.io/service-account.name',
  'kubernetes.io/service-account.uid',
  'kubernetes.io/metadata.name',
  'kubernetes.io/description',
  'kubernetes.io/enforce-mountable-secrets',
  'kubernetes.io/ingress-bandwidth',
  'kubernetes.io/egress-bandwidth',
]);

function isReserved(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return false;
  const prefix = key.slice(0, slash);
  const reserved = prefix === 'kubernetes.io' || prefix === 'k8s.io' || prefix.endsWith('.kubernetes.io') || prefix.endsWith('.k8s.io');
  return reserved && !WELL_KNOWN_PREFIXES.has(prefix) && !WELL_KNOWN_KEYS.has(key);
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const out: Finding[] = [];
  for (const { labels, annotations } of metadataMaps(obj)) {
    for (const e of [...entries(labels), ...entries(annotations)]) {
      if (isReserved(e.key))
        out.push(
          finding(
            meta,
            nodeRange(file, e.keyNode),
            `\`${e.key}\` uses a prefix reserved for Kubernetes; use your own prefix, e.g. \`example.com/${e.key.slice(e.key.lastIndexOf('/') + 1)}\`.`,
          ),
        );
    }
  }
  return out;
}

export const reservedPrefix: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
