// Fires on `include "x"` or `template "x"` when no `define "x"` exists in the chart, its
// subcharts or library charts. Helm fails with `no template "x" associated with template`;
// usually a typo or a library chart missing from charts/. Names that start with the name of a
// dependency we cannot read (packed as .tgz, or not fetched) are left alone.
import { closestMatch, finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { chartTree, namedTemplates, topChart, unreadableDependencies } from '../chart';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/undefined-template',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Named template not defined',
  help: 'Define the template with `{{ define "name" }}…{{ end }}` (usually in templates/_helpers.tpl), or add the library chart that defines it to charts/.',
};

function check(file: TemplateFile): Finding[] {
  const { ctx, chart, analysis } = file;
  if (!chart) return [];
  const defined = namedTemplates(ctx, chart);
  // Packed or unfetched dependencies define templates we cannot see; by convention their
  // names start with the chart's name (`postgresql.fullname`, `common.names.fullname`).
  const hidden = chartTree(ctx, topChart(ctx, chart))
    .flatMap((c) => unreadableDependencies(ctx, c))
    .flatMap((d) => [d.name, d.alias ?? d.name]);
  return analysis.refs
    .filter((r) => !defined.has(r.name) && !hidden.includes(r.name.split('.')[0]))
    .map((r) => {
      const guess = closestMatch(r.name, defined.keys());
      const range = rangeOf(file.doc, r.start, r.end);
      const fixes = guess ? [{ title: `Change to "${guess}"`, edits: [{ range, newText: JSON.stringify(guess) }], preferred: true }] : [];
      return finding(
        meta,
        range,
        `No template named "${r.name}" is defined in this chart or its subcharts.${guess ? ` Did you mean "${guess}"?` : ' Define it in templates/_helpers.tpl.'}`,
        fixes,
      );
    });
}

export const undefinedTemplate: Rule<TemplateFile> = { meta, check };
