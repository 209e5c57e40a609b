// Fires on an env var whose name looks like a secret (PASSWORD, TOKEN, API_KEY, …) with a literal
// `value`. The secret then sits in the manifest, the Git history and `kubectl describe` output.
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

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const out: Finding[] = [];
  for (const env of items(get(c.node, 'env'))) {
    const name = str(get(env, 'name'));
    const value = get(env, 'value');
    if (!name || !SECRET_NAME.test(name) || !str(value)) continue;
    out.push(finding(meta, nodeRange(file, value), `\`${name}\` holds a literal secret; move it to a Secret and use \`valueFrom.secretKeyRef\`.`));
  }
  return out;
}

export const envSecret: Rule<ManifestFile> = { meta, check: eachContainer(checkContainer) };
