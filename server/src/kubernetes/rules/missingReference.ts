// Fires when a pod refers to a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount
// by a name the workspace does not define — but only when the workspace defines at least one
// object of that kind, so manifests whose Secrets live elsewhere stay quiet, and none of that kind
// is in a document with a syntax error (it may be the one named). Catches renamed or misspelled
// references before the pod hangs in ContainerCreating.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, scalar, str, type YamlNode } from '../nodes';
import type { KubeObject } from '../parse';
import { containers, nameOf, podSpec } from '../workload';
import { brokenDocumentMayHold, eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/missing-reference',
  severity: 'warning',
  basis: 'inferred',
  title: 'A referenced ConfigMap, Secret, PVC or ServiceAccount is not in the workspace',
  help: 'Check the name for typos, or add the object to the workspace. References marked `optional: true` are not checked.',
};

interface Reference {
  kind: string;
  node: YamlNode;
}

/** Every by-name reference a pod spec makes, with the node holding the name. */
function references(obj: KubeObject): Reference[] {
  const spec = podSpec(obj);
  if (!spec) return [];
  const refs: Reference[] = [];
  const add = (kind: string, holder: YamlNode, key: string) => {
    if (scalar(get(holder, 'optional')) === true) return;
    const node = get(holder, key);
    if (str(node)) refs.push({ kind, node });
  };
  for (const volume of items(get(spec, 'volumes'))) {
    add('ConfigMap', get(volume, 'configMap'), 'name');
    add('Secret', get(volume, 'secret'), 'secretName');
    add('PersistentVolumeClaim', get(volume, 'persistentVolumeClaim'), 'claimName');
    for (const source of items(get(volume, 'projected', 'sources'))) {
      add('ConfigMap', get(source, 'configMap'), 'name');
      add('Secret', get(source, 'secret'), 'name');
    }
  }
  for (const c of containers(obj)) {
    for (const env of items(get(c.node, 'env'))) {
      add('ConfigMap', get(env, 'valueFrom', 'configMapKeyRef'), 'name');
      add('Secret', get(env, 'valueFrom', 'secretKeyRef'), 'name');
    }
    for (const from of items(get(c.node, 'envFrom'))) {
      add('ConfigMap', get(from, 'configMapRef'), 'name');
      add('Secret', get(from, 'secretRef'), 'name');
    }
  }
  add('ServiceAccount', spec, 'serviceAccountName');
  for (const secret of items(get(spec, 'imagePullSecrets'))) add('Secret', secret, 'name');
  return refs;
}

const LABEL: Record<string, string> = {
  ConfigMap: 'ConfigMap',
  Secret: 'Secret',
  PersistentVolumeClaim: 'PersistentVolumeClaim',
  ServiceAccount: 'ServiceAccount',
};

function definedNames(file: ManifestFile, kind: string): Set<string> | undefined {
  if (brokenDocumentMayHold(file, (k) => k === kind)) return undefined;
  const names = new Set(file.index().names.get(kind) ?? []);
  for (const o of file.parsed.objects) if (o.kind === kind && !o.broken && nameOf(o)) names.add(nameOf(o) as string);
  // The built-in `default` ServiceAccount exists in every namespace.
  if (kind === 'ServiceAccount' && names.size > 0) names.add('default');
  return names.size > 0 ? names : undefined;
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  // A reference in a document with a syntax error may be the name being typed.
  if (obj.broken) return [];
  const out: Finding[] = [];
  for (const ref of references(obj)) {
    const names = definedNames(file, ref.kind);
    const name = str(ref.node) as string;
    // While the workspace index is being built, the definition may be in a file not read yet.
    if (!names || names.has(name) || !file.index().complete) continue;
    out.push(
      finding(
        meta,
        nodeRange(file, ref.node),
        `No ${LABEL[ref.kind]} named "${name}" is defined in the workspace; check the name or add the ${LABEL[ref.kind]}.`,
      ),
    );
  }
  return out;
}

export const missingReference: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
