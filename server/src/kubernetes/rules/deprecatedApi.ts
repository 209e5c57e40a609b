// Fires on an apiVersion/kind pair that the target Kubernetes version no longer serves (e.g.
// `extensions/v1beta1` Deployment, removed in 1.16). `kubectl apply` fails with "no matches for
// kind"; the quick fix rewrites the apiVersion to the replacement.
import type { RuleMeta } from '../../common';
import { pairOf } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { targetVersion } from '../schema';

export const meta: RuleMeta = {
  id: 'k8s/deprecated-api',
  severity: 'error',
  title: 'An API version the target Kubernetes version no longer serves',
  help: 'Move the object to the replacement apiVersion the message names; check the migration notes of the kind (some fields changed, e.g. `spec.selector` became required for apps/v1 workloads).',
};

interface Removal {
  /** The Kubernetes minor version that stopped serving it. */
  removedIn: string;
  /** The apiVersion to use instead; `undefined` when the kind itself is gone. */
  replacement?: string;
  note?: string;
}

/** Removed API versions, from the upstream deprecation guide, keyed by `apiVersion kind` (`*` = every kind). */
const REMOVED: Record<string, Removal> = {
  'extensions/v1beta1 Deployment': { removedIn: '1.16', replacement: 'apps/v1' },
  'extensions/v1beta1 DaemonSet': { removedIn: '1.16', replacement: 'apps/v1' },
  'extensions/v1beta1 ReplicaSet': { removedIn: '1.16', replacement: 'apps/v1' },
  'extensions/v1beta1 NetworkPolicy': { removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  'extensions/v1beta1 Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  'extensions/v1beta1 PodSecurityPolicy': { removedIn: '1.25', note: 'Use Pod Security Admission (namespace labels `pod-security.kubernetes.io/*`) instead.' },
  'apps/v1beta1 *': { removedIn: '1.16', replacement: 'apps/v1' },
  'apps/v1beta2 *': { removedIn: '1.16', replacement: 'apps/v1' },
  'networking.k8s.io/v1beta1 Ingress': { removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  'networking.k8s.io/v1beta1 IngressClass': { removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1 *': { removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition': { removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1' },
  'admissionregistration.k8s.io/v1beta1 *': { removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1' },
  'apiregistration.k8s.io/v1beta1 APIService': { removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  'authentication.k8s.io/v1beta1 TokenReview': { removedIn: '1.22', replacement: 'authentication.k8s.io/v1' },
  'authorization.k8s.io/v1beta1 *': { removedIn: '1.22', replacement: 'authorization.k8s.io/v1' },
  'certificates.k8s.io/v1beta1 CertificateSigningRequest': { removedIn: '1.22', replacement: 'certificates.k8s.io/v1' },
  'coordination.k8s.io/v1beta1 Lease': { removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  'scheduling.k8s.io/v1beta1 PriorityClass': { removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  'storage.k8s.io/v1beta1 CSIDriver': { removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  'storage.k8s.io/v1beta1 CSINode': { removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  'storage.k8s.io/v1beta1 StorageClass': { removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  'storage.k8s.io/v1beta1 VolumeAttachment': { removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  'storage.k8s.io/v1beta1 CSIStorageCapacity': { removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  'batch/v1beta1 CronJob': { removedIn: '1.25', replacement: 'batch/v1' },
  'discovery.k8s.io/v1beta1 EndpointSlice': { removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  'events.k8s.io/v1beta1 Event': { removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  'node.k8s.io/v1beta1 RuntimeClass': { removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  'policy/v1beta1 PodDisruptionBudget': { removedIn: '1.25', replacement: 'policy/v1' },
  'policy/v1beta1 PodSecurityPolicy': { removedIn: '1.25', note: 'Use Pod Security Admission (namespace labels `pod-security.kubernetes.io/*`) instead.' },
  'autoscaling/v2beta1 HorizontalPodAutoscaler': { removedIn: '1.25', replacement: 'autoscaling/v2' },
  'autoscaling/v2beta2 HorizontalPodAutoscaler': { removedIn: '1.26', replacement: 'autoscaling/v2' },
  'flowcontrol.apiserver.k8s.io/v1beta1 *': { removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta2 *': { removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta3 *': { removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
};

function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

export function removal(apiVersion: string, kind: string): Removal | undefined {
  return REMOVED[`${apiVersion} ${kind}`] ?? REMOVED[`${apiVersion} *`];
}

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const found = removal(obj.apiVersion, obj.kind);
    const target = targetVersion(rc.ctx);
    if (!found || minor(found.removedIn) > minor(target)) return [];
    const at = pairOf(obj.node, 'apiVersion')?.value;
    if (!found.replacement) {
      return [
        findingAt(
          rc,
          meta,
          at,
          `\`${obj.apiVersion}\` ${obj.kind} was removed in Kubernetes ${found.removedIn} and has no replacement version. ${found.note ?? ''}`.trim(),
        ),
      ];
    }
    const finding = findingAt(
      rc,
      meta,
      at,
      `\`${obj.apiVersion}\` ${obj.kind} was removed in Kubernetes ${found.removedIn} (target ${target}); use \`${found.replacement}\`.`,
    );
    return [
      {
        ...finding,
        fixes: [{ title: `Change apiVersion to ${found.replacement}`, edits: [{ range: finding.range, newText: found.replacement }], preferred: true }],
      },
    ];
  },
};
