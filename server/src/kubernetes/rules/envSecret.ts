// Fires on an env var whose name looks like a secret (PASSWORD, TOKEN, API_KEY, …) with a literal
// `value`. The secret then sits in the manifest, the Git history and `kubectl describe` output.
// Values that only point at a secret are left alone: an absolute path (a mounted key file) and
// variables whose name ends in NAME, PATH, FILE, DIR or REF (the name or location of a secret).
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, str } from '../nodes';
import type { ContainerRef } from '../workload';
import { eachContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/env-secret',
  severity: 'warning',
  basis: 'security',
  title: 'A secret written as a plain env value',
  help: 'Put the value in a Secret and read it with `valueFrom.secretKeyRef` (or `envFrom.secretRef`).',
};

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY)/i;
/** Names of a variable that holds where a secret is, not the secret. */
const POINTER_NAME = /(NAME|PATH|FILE|DIR|REF)$/i;

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const out: Finding[] = [];
  for (const env of items(get(c.node, 'env'))) {
    const name = str(get(env, 'name'));
    const valueNode = get(env, 'value');
    const value = str(valueNode);
    if (!name || !SECRET_NAME.test(name) || !value || POINTER_NAME.test(name) || value.startsWith('/')) continue;
    out.push(finding(meta, nodeRange(file, valueNode), `${name} holds a literal secret; move it to a Secret and use valueFrom.secretKeyRef.`));
  }
  return out;
}

export const envSecret: Rule<ManifestFile> = { meta, check: eachContainer(checkContainer) };
