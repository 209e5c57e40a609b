// Fires on a label or annotation key under the bare `kubernetes.io/` or `k8s.io/` prefix that is
// not one of the well-known keys Kubernetes defines. Those prefixes belong to the Kubernetes
// project; made-up keys there may clash with future core behaviour. Subdomains
// (`external-dns.kubernetes.io/hostname`, `rbac.authorization.k8s.io/aggregate-to-view`) belong to
// Kubernetes components whose documented keys users are meant to set, so they are left alone.
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
  const prefix = key.slice(0, Math.max(0, key.lastIndexOf('/')));
  return (prefix === 'kubernetes.io' || prefix === 'k8s.io') && !WELL_KNOWN_KEYS.has(key);
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
            `${e.key} uses a prefix reserved for Kubernetes; use your own prefix, e.g. example.com/${e.key.slice(e.key.lastIndexOf('/') + 1)}.`,
          ),
        );
    }
  }
  return out;
}

export const reservedPrefix: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
