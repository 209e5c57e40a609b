// Fires when a workload's `spec.selector.matchLabels` asks for a label its own pod template does
// not carry. The API server rejects such a Deployment/ReplicaSet/StatefulSet/DaemonSet/Job
// ("selector does not match template labels"). Labels a kustomization adds to both sides
// (commonLabels) are left to it, and kustomize patches, fragments of their base, are left alone.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { entries, get, str } from '../nodes';
import type { KubeObject } from '../parse';
import { podLabels, podTemplate } from '../workload';
import { eachWholeObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/selector-mismatch',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'The selector does not match the pod template labels',
  help: 'Every `matchLabels` entry must appear, with the same value, in `spec.template.metadata.labels`. Selectors are immutable after creation, so fix the template labels.',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  if (obj.kind === 'CronJob' || !podTemplate(obj)) return [];
  const labels = podLabels(obj);
  const addedByKustomize = file.kustomize().selectorLabels;
  const out: Finding[] = [];
  for (const e of entries(get(obj.node, 'spec', 'selector', 'matchLabels'))) {
    if (addedByKustomize.has(e.key)) continue;
    const wanted = str(e.value) ?? '';
    const actual = labels.get(e.key);
    if (actual === wanted) continue;
    const why = actual === undefined ? 'the pod template has no such label' : `the pod template says "${actual}"`;
    out.push(
      finding(
        meta,
        nodeRange(file, e.keyNode),
        `Selector "${e.key}: ${wanted}" does not match the pod template: ${why}. Add the label to spec.template.metadata.labels.`,
      ),
    );
  }
  return out;
}

export const selectorMismatch: Rule<ManifestFile> = { meta, check: eachWholeObject(checkObject) };
