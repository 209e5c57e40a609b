// Fires when a container defines the same env var name twice. Only the last definition takes
// effect, so the first one is dead configuration that someone will edit in vain.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, str } from '../nodes';
import type { ContainerRef } from '../workload';
import { eachContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/duplicate-env',
  severity: 'warning',
  basis: 'practice',
  title: 'An env var is defined twice',
  help: 'Keep one definition per name; the last one wins.',
};

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const env of items(get(c.node, 'env'))) {
    const nameNode = get(env, 'name');
    const name = str(nameNode);
    if (!name) continue;
    if (seen.has(name))
      out.push(
        finding(meta, nodeRange(file, nameNode), `${name} is already defined in container "${c.name}"; only this last definition takes effect. Remove one.`),
      );
    seen.add(name);
  }
  return out;
}

export const duplicateEnv: Rule<ManifestFile> = { meta, check: eachContainer(checkContainer) };
