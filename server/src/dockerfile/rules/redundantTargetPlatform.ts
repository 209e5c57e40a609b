// Fires on `FROM --platform=$TARGETPLATFORM` (BuildKit's RedundantTargetPlatform): that is
// already the default, so the flag only adds noise.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/redundant-target-platform',
  severity: 'info',
  basis: 'practice',
  title: 'Redundant --platform=$TARGETPLATFORM',
  help: 'Drop `--platform=$TARGETPLATFORM`; stages use the target platform unless told otherwise.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    const flag = stage.steps[0].flags.find((f) => f.getName() === 'platform');
    if (flag && /^\$\{?TARGETPLATFORM\}?$/.test(flag.getValue() ?? '')) {
      const end = flag.getRange().end;
      const removal = { start: flag.getRange().start, end: { line: end.line, character: end.character + 1 } };
      out.push(
        finding(meta, flag.getRange(), '--platform=$TARGETPLATFORM is the default; remove it.', [
          { title: 'Remove the flag', edits: [{ range: removal, newText: '' }], preferred: true },
        ]),
      );
    }
  }
  return out;
}

export const redundantTargetPlatform: Rule<DockerfileModel> = { meta, check };
