// Fires on a network, named volume, secret or config a service uses that the top-level networks,
// volumes, secrets or configs do not define (here or in a Compose file merged with this one). The
// network "default" always exists. `docker compose` refuses the project ("refers to undefined
// network"); a host path in volumes (starting with ".", "/" or "~") is a bind mount and needs no
// definition.
import { finding, type Rule, type RuleMeta } from '../../common';
import { knownNames, nodeRange } from '../model';
import { resourceReferences } from '../references';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/undefined-resource',
  severity: 'error',
  basis: 'refused:compose',
  title: 'A service uses a network, volume, secret or config that is not defined',
  help: 'Define it under the top-level section of its kind (networks, volumes, secrets, configs), or, for a volume, write a host path (./data) to bind-mount a folder instead.',
};

const SINGULAR = { networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config' } as const;

export const undefinedResource: Rule<ComposeCheck> = {
  meta,
  check: ({ file, ctx }) => {
    const references = resourceReferences(file).filter((r) => !(r.section === 'networks' && r.name === 'default'));
    if (references.length === 0) return [];
    const known = knownNames(ctx, file);
    if (!known.complete) return [];
    return references
      .filter((r) => !known.resources[r.section].has(r.name))
      .map((r) =>
        finding(
          meta,
          nodeRange(file, r.node),
          `Service "${r.from.name}" uses ${SINGULAR[r.section]} "${r.name}", which the top-level ${r.section} does not define. Add "${r.name}" under ${r.section}.`,
        ),
      );
  },
};
