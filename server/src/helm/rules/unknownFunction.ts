// Fires on a function name that neither Go templates, Sprig nor Helm define (e.g. `tolower`).
// Helm stops at parse time with `function "x" not defined`; the message suggests the closest
// known name.
import { closestMatch, finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { FUNCTIONS } from '../reference';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/unknown-function',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Unknown template function',
  help: 'Only Go template built-ins, Sprig functions (except env and expandenv) and Helm functions exist in charts; a typo fails the render.',
};

function check(file: TemplateFile): Finding[] {
  return file.analysis.calls
    .filter((c) => !FUNCTIONS.has(c.name))
    .map((c) => {
      const removed = c.name === 'env' || c.name === 'expandenv';
      const guess = removed ? undefined : closestMatch(c.name, FUNCTIONS.keys());
      const hint = removed
        ? ' Helm removes it from Sprig so charts cannot read the environment; pass the value through values instead.'
        : guess
          ? ` Did you mean "${guess}"?`
          : '';
      const range = rangeOf(file.doc, c.start, c.end);
      const fixes = guess ? [{ title: `Change to "${guess}"`, edits: [{ range, newText: guess }], preferred: true }] : [];
      return finding(meta, range, `Unknown function "${c.name}".${hint}`, fixes);
    });
}

export const unknownFunction: Rule<TemplateFile> = { meta, check };
