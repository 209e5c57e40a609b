// Fires when a Service's selector matches the labels of no Pod or pod template in the workspace
// (checked only when the workspace defines at least one). Such a Service has no endpoints and
// every connection to it fails — usually a typo in a label.
import type { RuleMeta } from '../../common';
import { get, pairOf, str, stringMap } from '../nodes';
import { findingAt, type Rule, type RuleContext } from '../rule';
import { namespaceOf, type PodSummary, podSummary, selects } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/service-no-match',
  severity: 'warning',
  title: 'The Service selects no pods in the workspace',
  help: 'Make the Service `spec.selector` a subset of a workload’s `spec.template.metadata.labels` (same keys, same values).',
};

/** Every pod in the workspace and in this document (which need not be a workspace file). */
export function allPods(rc: RuleContext): PodSummary[] {
  const local = rc.parsed.objects.map(podSummary).filter((p): p is PodSummary => p !== undefined);
  return [...rc.index().pods, ...local];
}

/** The pods a Service selects, honouring namespaces written on both sides. */
export function selectedPods(rc: RuleContext, selector: Map<string, string>, namespace: string | undefined): PodSummary[] {
  return allPods(rc).filter((p) => selects(selector, p.labels) && (namespace === undefined || p.namespace === undefined || p.namespace === namespace));
}

export const rule: Rule = {
  meta,
  check(rc, obj) {
    if (obj.kind !== 'Service' || str(get(obj.node, 'spec', 'type')) === 'ExternalName') return [];
    const selectorNode = pairOf(get(obj.node, 'spec'), 'selector');
    const selector = stringMap(selectorNode?.value);
    if (!selectorNode || selector.size === 0) return [];
    if (allPods(rc).length === 0) return [];
    if (selectedPods(rc, selector, namespaceOf(obj)).length > 0) return [];
    const shown = [...selector].map(([k, v]) => `${k}=${v}`).join(', ');
    return [
      findingAt(
        rc,
        meta,
        selectorNode.keyNode,
        `No Pod or pod template in the workspace has the labels ${shown}; this Service would have no endpoints. Fix the selector or the workload's template labels.`,
      ),
    ];
  },
};
