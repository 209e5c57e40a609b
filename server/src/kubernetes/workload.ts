import type { YAMLMap } from 'yaml';
import type { KubeObject } from './parse';
import { asMap, get, items, str, stringMap, type YamlNode } from './nodes';

/** Where each workload kind keeps its pod template (metadata + spec). */
const TEMPLATE_PATH: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

/** Whether objects of this kind run pods (a Pod, or a workload with a pod template). */
export function carriesPods(kind: string): boolean {
  return kind === 'Pod' || kind in TEMPLATE_PATH;
}

/** The pod spec map of a Pod or a workload's template. */
export function podSpec(obj: KubeObject): YAMLMap<unknown, unknown> | undefined {
  if (obj.kind === 'Pod') return asMap(get(obj.node, 'spec'));
  const path = TEMPLATE_PATH[obj.kind];
  return path ? asMap(get(obj.node, ...path, 'spec')) : undefined;
}

/** The pod template map (metadata + spec) of a workload; `undefined` for Pods and other kinds. */
export function podTemplate(obj: KubeObject): YAMLMap<unknown, unknown> | undefined {
  const path = TEMPLATE_PATH[obj.kind];
  return path ? asMap(get(obj.node, ...path)) : undefined;
}

/** Labels the pods of this object carry. */
export function podLabels(obj: KubeObject): Map<string, string> {
  if (obj.kind === 'Pod') return stringMap(get(obj.node, 'metadata', 'labels'));
  return stringMap(get(podTemplate(obj), 'metadata', 'labels'));
}

/** Whether the kind runs long-lived containers (probes matter there, not for Jobs). */
export function isLongRunning(kind: string): boolean {
  return ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'].includes(kind);
}

export interface ContainerRef {
  node: YAMLMap<unknown, unknown>;
  /** The container's name, or `containers[0]` when it has none. */
  name: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  group: string;
}

/** Every container of the pod spec, init and ephemeral ones included. */
export function containers(obj: KubeObject, groups: readonly string[] = ['containers', 'initContainers', 'ephemeralContainers']): ContainerRef[] {
  const spec = podSpec(obj);
  const out: ContainerRef[] = [];
  for (const group of groups) {
    for (const [index, item] of items(get(spec, group)).entries()) {
      const node = asMap(item);
      // An unnamed container (a schema error of its own) is named by its place.
      if (node) out.push({ node, name: str(get(node, 'name')) ?? `${group}[${index}]`, group });
    }
  }
  return out;
}

/** The object's namespace as written, if any. */
export function namespaceOf(obj: KubeObject): string | undefined {
  return str(get(obj.node, 'metadata', 'namespace'));
}

export function nameOf(obj: KubeObject): string | undefined {
  return str(get(obj.node, 'metadata', 'name'));
}

/** The first node among candidates that exists, for placing a finding on the most useful spot. */
export function firstNode(...candidates: YamlNode[]): YamlNode {
  return candidates.find((c) => c !== undefined && c !== null);
}

/** A pod as the Service rules see it: its labels, namespace and container port names. */
export interface PodSummary {
  labels: Map<string, string>;
  namespace?: string;
  portNames: Set<string>;
}

export function podSummary(obj: KubeObject): PodSummary | undefined {
  if (obj.kind !== 'Pod' && !podTemplate(obj)) return undefined;
  const portNames = new Set<string>();
  for (const c of containers(obj, ['containers'])) {
    for (const port of items(get(c.node, 'ports'))) {
      const name = str(get(port, 'name'));
      if (name) portNames.add(name);
    }
  }
  return { labels: podLabels(obj), namespace: namespaceOf(obj), portNames };
}

/** Whether every selector entry appears, with the same value, in the labels. */
export function selects(selector: Map<string, string>, labels: Map<string, string>): boolean {
  for (const [k, v] of selector) if (labels.get(k) !== v) return false;
  return true;
}
