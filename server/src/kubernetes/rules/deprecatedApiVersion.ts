// Fires on an alpha or beta apiVersion that the target Kubernetes version still serves but has
// deprecated (storage.k8s.io/v1beta1 VolumeAttributesClass in 1.36), from the deprecation table.
// The API server accepts the object with a warning; the release the message names stops serving
// it, and an upgrade to it then fails on this manifest.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { pairOf } from '../nodes';
import type { KubeObject } from '../parse';
import { deprecation } from '../reference';
import { targetVersion } from '../schema';
import { eachObject, nodeRange, preferredVersionOf } from './rule';

const meta: RuleMeta = {
  id: 'k8s/deprecated-api-version',
  severity: 'warning',
  basis: 'practice',
  title: 'An API version the target Kubernetes version deprecates',
  help: 'Move the object to the apiVersion the message names before upgrading to the release that stops serving this one; the API server already warns on every apply.',
};

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const target = targetVersion(file.ctx);
  const found = deprecation(obj.apiVersion, obj.kind, target);
  if (!found) return [];
  const range = nodeRange(file, pairOf(obj.node, 'apiVersion')?.value);
  const replacement = found.replacement ?? preferredVersionOf(file, obj.kind);
  const what = `${obj.apiVersion} ${obj.kind} is deprecated since Kubernetes ${found.deprecatedIn} and is no longer served from ${found.removedIn}`;
  if (!replacement) return [finding(meta, range, `${what}; plan its replacement before that release.`)];
  return [
    finding(meta, range, `${what}; use ${replacement}.`, [
      { title: `Change apiVersion to ${replacement}`, edits: [{ range, newText: replacement }], preferred: true },
    ]),
  ];
}

export const deprecatedApiVersion: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
