// Fires on a function name that neither Go templates, Sprig nor Helm define (e.g. `tolower`).
// Helm stops at parse time with `function "x" not defined`; the message suggests the closest
// known name.
import { closestMatch, rangeOf } from '../../common';
import { templateInfo } from '../document';
import { FUNCTIONS } from '../reference';
import type { HelmRule } from './rule';

export const unknownFunction: HelmRule = {
  meta: {
    id: 'helm/unknown-function',
    severity: 'error',
    title: 'Unknown template function',
    help: 'Only Go template built-ins, Sprig functions (except env and expandenv) and Helm functions exist in charts; a typo fails the render.',
  },
  kinds: ['helm-template'],
  check(ctx, src) {
    return templateInfo(ctx, src)
      .analysis.calls.filter((c) => !FUNCTIONS.has(c.name))
      .map((c) => {
        const removed = c.name === 'env' || c.name === 'expandenv';
        const guess = removed ? undefined : closestMatch(c.name, FUNCTIONS.keys());
        const hint = removed
          ? ' Helm removes it from Sprig so charts cannot read the environment; pass the value through values instead.'
          : guess
            ? ` Did you mean \`${guess}\`?`
            : '';
        const range = rangeOf(src.doc, c.start, c.end);
        const fixes = guess ? [{ title: `Change to \`${guess}\``, edits: [{ range, newText: guess }], preferred: true }] : [];
        return { rule: this.meta.id, range, message: `Unknown function \`${c.name}\`.${hint}`, fixes };
      });
  },
};
