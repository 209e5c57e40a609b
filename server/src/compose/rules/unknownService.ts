// Fires on a service named in `depends_on`, `links` or `extends` that no service defines, in this
// file or in the Compose files `docker compose` merges with it (the other Compose files beside it,
// and those its `include` names). `docker compose` refuses the project ("depends on undefined
// service"); a `depends_on` entry with `required: false` is let through, as Compose does. An
// override file with no base file beside it is merged onto a base elsewhere, so it is not judged.
import { finding, type Rule, type RuleMeta } from '../../common';
import { knownNames, nodeRange } from '../model';
import { serviceReferences } from '../references';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/unknown-service',
  severity: 'error',
  basis: 'refused:compose',
  title: 'A service names a service that is not defined',
  help: 'Name a service defined under services (completion lists them), or define the missing one; for a service of another file, use extends with file, or include that file.',
};

export const unknownService: Rule<ComposeCheck> = {
  meta,
  check: ({ file, ctx }) => {
    const references = serviceReferences(file).filter((r) => !r.optional);
    if (references.length === 0) return [];
    const known = knownNames(ctx, file);
    if (!known.complete) return [];
    return references
      .filter((r) => !known.services.has(r.name))
      .map((r) =>
        finding(
          meta,
          nodeRange(file, r.node),
          `Service "${r.from.name}" names "${r.name}" in ${r.via}, but no service "${r.name}" is defined. Define it or fix the name.`,
        ),
      );
  },
};
