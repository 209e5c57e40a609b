// Fires when a Service's selector matches the labels of no Pod or pod template in the workspace
// (checked only when the workspace defines at least one, and none is in a document with a syntax
// error, which may be the one selected). Such a Service has no endpoints and every connection to
// it fails — usually a typo in a label.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, pairOf, str, stringMap } from '../nodes';
import type { KubeObject } from '../parse';
import { carriesPods, namespaceOf } from '../workload';
import { brokenDocumentMayHold, eachWholeObject, nodeRange, selectedPods } from './rule';

const meta: RuleMeta = {
  id: 'k8s/service-no-match',
  severity: 'warning',
  basis: 'inferred',
  title: 'The Service selects no pods in the workspace',
  help: 'Make the Service `spec.selector` a subset of a workload’s `spec.template.metadata.labels` (same keys, same values).',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  if (obj.kind !== 'Service' || obj.broken || str(get(obj.node, 'spec', 'type')) === 'ExternalName') return [];
  const selectorNode = pairOf(get(obj.node, 'spec'), 'selector');
  const selector = stringMap(selectorNode?.value);
  if (!selectorNode || selector.size === 0) return [];
  if (file.pods().length === 0) return [];
  // While the workspace index is being built, the pods it selects may be among those not read yet;
  // a document with a syntax error may hold them too.
  if (selectedPods(file, selector, namespaceOf(obj)).length > 0 || !file.index().complete || brokenDocumentMayHold(file, carriesPods)) return [];
  const shown = [...selector].map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    finding(
      meta,
      nodeRange(file, selectorNode.keyNode),
      `No Pod or pod template in the workspace has the labels ${shown}; this Service would have no endpoints. Fix the selector or the workload's template labels.`,
    ),
  ];
}

export const serviceNoMatch: Rule<ManifestFile> = { meta, check: eachWholeObject(checkObject) };
