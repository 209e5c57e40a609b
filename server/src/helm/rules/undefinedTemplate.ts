// Fires on `include "x"` or `template "x"` when no `define "x"` exists in the chart, its
// subcharts or library charts. Helm fails with `no template "x" associated with template`;
// usually a typo or a library chart missing from charts/.
import { closestMatch, rangeOf } from '../../common';
import { namedTemplates } from '../chart';
import { templateInfo } from '../document';
import type { HelmRule } from './rule';

export const undefinedTemplate: HelmRule = {
  meta: {
    id: 'helm/undefined-template',
    severity: 'error',
    title: 'Named template not defined',
    help: 'Define the template with `{{ define "name" }}…{{ end }}` (usually in templates/_helpers.tpl), or add the library chart that defines it to charts/.',
  },
  kinds: ['helm-template'],
  check(ctx, src) {
    const { chart, analysis } = templateInfo(ctx, src);
    if (!chart) return [];
    const defined = namedTemplates(ctx, chart);
    return analysis.refs
      .filter((r) => !defined.has(r.name))
      .map((r) => {
        const guess = closestMatch(r.name, defined.keys());
        const range = rangeOf(src.doc, r.start, r.end);
        const fixes = guess ? [{ title: `Change to "${guess}"`, edits: [{ range, newText: JSON.stringify(guess) }], preferred: true }] : [];
        return { rule: this.meta.id, range, message: `No template named "${r.name}" is defined in this chart or its subcharts.${guess ? ` Did you mean "${guess}"?` : ' Define it in templates/_helpers.tpl.'}`, fixes };
      });
  },
};
