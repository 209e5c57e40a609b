// Fires when a workload's `spec.selector.matchLabels` asks for a label its own pod template does
// not carry. The API server rejects such a Deployment/ReplicaSet/StatefulSet/DaemonSet/Job
// ("selector does not match template labels").
import type { Finding, RuleMeta } from '../../common';
import { entries, get, str } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { podLabels, podTemplate } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/selector-mismatch',
  severity: 'error',
  title: 'The selector does not match the pod template labels',
  help: 'Every `matchLabels` entry must appear, with the same value, in `spec.template.metadata.labels`. Selectors are immutable after creation, so fix the template labels.',
};

export const rule: Rule = {
  meta,
  check(rc, obj) {
    if (obj.kind === 'CronJob' || !podTemplate(obj)) return [];
    const labels = podLabels(obj);
    const out: Finding[] = [];
    for (const e of entries(get(obj.node, 'spec', 'selector', 'matchLabels'))) {
      const wanted = str(e.value) ?? '';
      const actual = labels.get(e.key);
      if (actual === wanted) continue;
      const why = actual === undefined ? 'the pod template has no such label' : `the pod template says \`${actual}\``;
      out.push(
        findingAt(
          rc,
          meta,
          e.keyNode,
          `Selector \`${e.key}: ${wanted}\` does not match the pod template: ${why}. Add the label to \`spec.template.metadata.labels\`.`,
        ),
      );
    }
    return out;
  },
};
