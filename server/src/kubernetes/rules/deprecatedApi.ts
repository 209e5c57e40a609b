// Fires on an apiVersion/kind pair that the target Kubernetes version no longer serves (e.g.
// `extensions/v1beta1` Deployment, removed in 1.16), from the removed-API table. `kubectl apply`
// fails with "no matches for kind"; the quick fix rewrites the apiVersion to the replacement.
// (The id predates k8s/deprecated-api-version, which warns about APIs still served; it stays for
// the settings and ignore comments that name it.)
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { pairOf } from '../nodes';
import type { KubeObject } from '../parse';
import { minorOf, removal } from '../reference';
import { targetVersion } from '../schema';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/deprecated-api',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'An API version the target Kubernetes version no longer serves',
  help: 'Move the object to the replacement apiVersion the message names; check the migration notes of the kind (some fields changed, e.g. `spec.selector` became required for apps/v1 workloads).',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const found = removal(obj.apiVersion, obj.kind);
  const target = targetVersion(file.ctx);
  if (!found || minorOf(found.removedIn) > minorOf(target)) return [];
  const range = nodeRange(file, pairOf(obj.node, 'apiVersion')?.value);
  if (!found.replacement) {
    return [
      finding(
        meta,
        range,
        `${obj.apiVersion} ${obj.kind} was removed in Kubernetes ${found.removedIn} and has no replacement version. ${found.note ?? ''}`.trim(),
      ),
    ];
  }
  return [
    finding(meta, range, `${obj.apiVersion} ${obj.kind} was removed in Kubernetes ${found.removedIn} (target ${target}); use ${found.replacement}.`, [
      { title: `Change apiVersion to ${found.replacement}`, edits: [{ range, newText: found.replacement }], preferred: true },
    ]),
  ];
}

export const deprecatedApi: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
