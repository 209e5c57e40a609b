import { RULES } from './rules';

/**
 * The keys this module produces that the bundled notes cover (docs/notes-keys.md, "Keys the
 * bundled notes cover"), plus `rule:<id>` for every rule.
 */
const KINDS = [
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'Namespace',
  'ServiceAccount',
  'NetworkPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'Secret',
  'ConfigMap',
  'CustomResourceDefinition',
];
const FIELDS = [
  'metadata.labels',
  'metadata.annotations',
  'spec.selector',
  'spec.volumes',
  'spec.volumes.hostPath',
  'spec.volumes.awsElasticBlockStore',
  'spec.volumes.configMap',
  'spec.containers.volumeMounts',
  'spec.containers.volumeMounts.subPath',
  'spec.containers.command',
  'spec.containers.args',
  'spec.containers.ports',
  'spec.clusterIP',
];
const VALUES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].map((t) => `Service.spec.type=${t}`);

export function noteKeys(): readonly string[] {
  return [
    ...KINDS.map((k) => `k8s:kind/${k}`),
    ...FIELDS.map((f) => `k8s:field/${f}`),
    ...VALUES.map((v) => `k8s:value/${v}`),
    ...RULES.map((r) => `rule:${r.meta.id}`),
  ];
}
