import type { KubeObject } from './parse';
import { entries, get, type YamlNode } from './nodes';
import { podTemplate } from './workload';

/** The label and annotation maps of an object and of its pod template, for the metadata rules. */
export function metadataMaps(obj: KubeObject): Array<{ labels: YamlNode; annotations: YamlNode }> {
  const template = podTemplate(obj);
  const metas = [get(obj.node, 'metadata'), template ? get(template, 'metadata') : undefined];
  return metas.filter((m) => entries(m).length > 0).map((m) => ({ labels: get(m, 'labels'), annotations: get(m, 'annotations') }));
}
