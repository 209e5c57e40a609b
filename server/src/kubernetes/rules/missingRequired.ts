// Fires when a field the schema marks as required is absent (a Deployment without
// `spec.selector`, a container without `name`). The API server rejects the object. A kustomize
// patch is a fragment and is left alone; a workload's selector is no error where a kustomization
// adds it (commonLabels), and only a warning where the pod template carries no labels either, the
// shape of a kustomize base whose kustomization is not in the workspace.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import type { KubeObject } from '../parse';
import type { SchemaProblem } from '../validate';
import { podLabels, podTemplate } from '../workload';
import { eachWholeObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/missing-required',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A required field is missing',
  help: 'Add the field the message names; completion inside the map lists it with its documentation. A kustomize base may leave `spec.selector` out when its kustomization sets `commonLabels`.',
};

/** The selector of a workload, which kustomize's commonLabels can supply. */
function isWorkloadSelector(obj: KubeObject, problem: SchemaProblem): boolean {
  return problem.missing?.field === 'selector' && problem.missing.path === 'spec' && podTemplate(obj) !== undefined;
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const out: Finding[] = [];
  for (const problem of file.schemaProblems(obj)) {
    if (problem.rule !== 'missing-required') continue;
    const range = nodeRange(file, [problem.start, problem.end]);
    if (!isWorkloadSelector(obj, problem)) out.push(finding(meta, range, problem.message));
    else if (file.kustomize().selectorLabels.size > 0) continue;
    else if (podLabels(obj).size === 0)
      out.push({
        ...finding(
          meta,
          range,
          'Missing required field "selector" in spec, and the pod template has no labels either, as in a kustomize base completed by commonLabels. If no kustomization adds them, add a selector and matching template labels.',
        ),
        severity: 'warning',
      });
    else out.push(finding(meta, range, problem.message));
  }
  return out;
}

export const missingRequired: Rule<ManifestFile> = { meta, check: eachWholeObject(checkObject) };
