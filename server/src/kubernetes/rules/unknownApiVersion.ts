// Fires when a built-in API group (core, apps, batch, networking.k8s.io, …) is not listed with the
// object's kind at that version in the bundled data for the target Kubernetes version, e.g.
// `apps/v2` Deployment or `v1` Deployment. A warning, not an error: the bundled data lacks alpha
// versions and kinds newer than it (storage.k8s.io/v1beta1 VolumeAttributesClass), which a cluster
// may serve. No schema check runs on such an object meanwhile. Custom groups, and kustomize's
// `apiVersion: builtin` configuration, are left alone; removed and deprecated versions have rules
// of their own.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { pairOf } from '../nodes';
import type { KubeObject } from '../parse';
import { deprecation, removal } from '../reference';
import { typeMetaKey } from '../schema';
import { eachObject, nodeRange, preferredVersionOf } from './rule';

const meta: RuleMeta = {
  id: 'k8s/unknown-api-version',
  severity: 'warning',
  basis: 'inferred',
  title: 'A built-in kind under an apiVersion the bundled data does not list',
  help: 'Use the apiVersion the message names (completion after `apiVersion:` lists the ones the bundled data knows for the kind). Alpha versions and kinds newer than the bundled data are not listed: check those against your cluster (`kubectl api-resources`) or set `containerNotes.kubernetes.version` to your cluster version.',
};

/** A Kubernetes group version: `apps/v1`, `v1`, `storage.k8s.io/v1beta1`; not kustomize's `builtin`. */
const GROUP_VERSION = /^([^/]+\/)?v\d+((alpha|beta)\d+)?$/;

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const schema = file.schema;
  if (!schema || obj.kind === 'List' || !GROUP_VERSION.test(obj.apiVersion)) return [];
  if (
    schema.byTypeMeta.has(typeMetaKey(obj.apiVersion, obj.kind)) ||
    removal(obj.apiVersion, obj.kind) ||
    deprecation(obj.apiVersion, obj.kind, schema.version)
  )
    return [];
  // Groups Kubernetes itself does not serve belong to CRDs (Gateway API, cert-manager, …).
  if (!schema.kinds.some((k) => group(k.apiVersion) === group(obj.apiVersion))) return [];
  const range = nodeRange(file, pairOf(obj.node, 'apiVersion')?.value);
  const unlisted = `The bundled data for Kubernetes ${schema.version} does not list ${obj.kind} under ${obj.apiVersion}`;
  const best = preferredVersionOf(file, obj.kind);
  // A kind can be missing because it is newer than the bundled data, or alpha, not only misspelt.
  if (!best)
    return [
      finding(meta, range, `${unlisted}. Check the kind's spelling; if it is an alpha API or newer than the bundled data, check it against your cluster.`),
    ];
  return [
    finding(meta, range, `${unlisted}; it lists it under ${best}. Use ${best} unless your cluster serves ${obj.apiVersion}.`, [
      { title: `Change apiVersion to ${best}`, edits: [{ range, newText: best }], preferred: true },
    ]),
  ];
}

export const unknownApiVersion: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
