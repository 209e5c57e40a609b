// Fires when a known function gets too few or too many arguments, counting the value piped in
// (`.x | default "a"` gives default two). Go checks this when the template runs, so the render
// fails; the message gives the signature.
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { FUNCTIONS } from '../reference';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/function-args',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Wrong number of arguments',
  help: 'A piped value is the last argument of the next function. Check the signature: `default FALLBACK VALUE`, `nindent SPACES STRING`, `include NAME CONTEXT`.',
};

function check(file: TemplateFile): Finding[] {
  const findings: Finding[] = [];
  for (const call of file.analysis.calls) {
    const f = FUNCTIONS.get(call.name);
    if (!f) continue;
    const tooFew = call.argCount < f.minArgs;
    const tooMany = f.maxArgs >= 0 && call.argCount > f.maxArgs;
    if (!tooFew && !tooMany) continue;
    const want = f.maxArgs < 0 ? `at least ${f.minArgs}` : f.minArgs === f.maxArgs ? `${f.minArgs}` : `${f.minArgs} to ${f.maxArgs}`;
    findings.push(
      finding(
        meta,
        rangeOf(file.doc, call.start, call.end),
        `${f.name} takes ${want} argument${want === '1' ? '' : 's'} (a piped value counts as the last one) but gets ${call.argCount}: ${f.signature}.`,
      ),
    );
  }
  return findings;
}

export const functionArgs: Rule<TemplateFile> = { meta, check };
