// Fires when a built-in API group (core, apps, batch, networking.k8s.io, …) does not serve the
// object's kind at that version, e.g. `apps/v2` Deployment or `v1` Deployment. kubectl refuses it
// ("no matches for kind"), and no schema check runs on it meanwhile. Custom groups are left alone.
// A warning: the bundled data may lack a version the target cluster serves (issue 12).
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { pairOf } from '../nodes';
import type { KubeObject } from '../parse';
import { removal } from '../reference';
import { typeMetaKey } from '../schema';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/unknown-api-version',
  severity: 'warning',
  basis: 'inferred',
  title: 'A built-in kind under an apiVersion that does not serve it',
  help: 'Use the apiVersion the message names (completion after `apiVersion:` lists the valid ones for the kind).',
};

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const schema = file.schema;
  if (!schema || obj.kind === 'List' || schema.byTypeMeta.has(typeMetaKey(obj.apiVersion, obj.kind)) || removal(obj.apiVersion, obj.kind)) return [];
  const builtInGroup = schema.kinds.some((k) => group(k.apiVersion) === group(obj.apiVersion));
  const servedBy = schema.kinds.filter((k) => k.kind === obj.kind && !removal(k.apiVersion, k.kind)).map((k) => k.apiVersion);
  // Groups Kubernetes itself does not serve belong to CRDs (Gateway API, cert-manager, …).
  if (!builtInGroup) return [];
  const range = nodeRange(file, pairOf(obj.node, 'apiVersion')?.value);
  // A kind can be missing because it is newer than the target version, not only misspelt.
  if (servedBy.length === 0)
    return [
      finding(
        meta,
        range,
        `\`${obj.apiVersion}\` serves no kind \`${obj.kind}\` in Kubernetes ${schema.version}; check the kind's spelling and the target version (\`containerNotes.kubernetes.version\`).`,
      ),
    ];
  const best = [...servedBy].sort((a, b) => Number(/(alpha|beta)/.test(a)) - Number(/(alpha|beta)/.test(b)) || b.localeCompare(a))[0];
  return [
    finding(meta, range, `\`${obj.apiVersion}\` does not serve \`${obj.kind}\`; use \`${best}\`.`, [
      { title: `Change apiVersion to ${best}`, edits: [{ range, newText: best }], preferred: true },
    ]),
  ];
}

export const unknownApiVersion: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
