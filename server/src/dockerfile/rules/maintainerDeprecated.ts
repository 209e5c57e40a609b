// Fires on MAINTAINER (BuildKit's MaintainerDeprecated). It is deprecated and only fills a field
// nobody reads; the OCI authors label is what tools show.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { keywordRange } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/maintainer-deprecated',
  severity: 'warning',
  basis: 'practice',
  title: 'MAINTAINER is deprecated',
  help: 'Use `LABEL org.opencontainers.image.authors="name <email>"`.',
};

function check(model: DockerfileModel): Finding[] {
  return model.steps
    .filter((s) => s.keyword === 'MAINTAINER')
    .map((step) => {
      const who = (step.instruction.getArgumentsContent() ?? '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .replace(/"/g, '\\"');
      const range = step.instruction.getRange();
      return finding(meta, keywordRange(step.instruction), 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="..." instead.', [
        {
          title: 'Replace with LABEL org.opencontainers.image.authors',
          edits: [{ range, newText: `LABEL org.opencontainers.image.authors="${who}"` }],
          preferred: true,
        },
      ]);
    });
}

export const maintainerDeprecated: Rule<DockerfileModel> = { meta, check };
