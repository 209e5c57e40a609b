// Fires on an include/template call that leads back to the named template it sits in. Helm
// stops such a render only after 1,000 nested calls with a hard-to-read error; a recursion
// is almost always a copy-paste slip (a helper including itself).
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { namedTemplates } from '../chart';
import { analysisOf } from '../document';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/recursive-include',
  severity: 'warning',
  basis: 'inferred',
  title: 'Named template includes itself',
  help: 'A named template that includes itself (directly or through others) never finishes rendering unless a condition stops it. Break the cycle.',
};

function check(file: TemplateFile): Finding[] {
  const { ctx, chart, analysis } = file;
  if (!chart) return [];
  const inside = analysis.refs.filter((r) => r.inside !== undefined);
  if (inside.length === 0) return [];
  // Edges name → names it calls, over every define of the chart tree.
  const calls = new Map<string, Set<string>>();
  for (const defs of namedTemplates(ctx, chart).values()) {
    for (const d of defs) {
      for (const r of analysisOf(ctx, d.uri)?.analysis.refs ?? []) {
        if (r.inside === undefined) continue;
        calls.set(r.inside, (calls.get(r.inside) ?? new Set()).add(r.name));
      }
    }
  }
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const work = [from];
    while (work.length) {
      const n = work.pop() as string;
      if (n === target) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      work.push(...(calls.get(n) ?? []));
    }
    return false;
  };
  const findings: Finding[] = [];
  for (const r of inside) {
    if (!reaches(r.name, r.inside as string)) continue;
    const how = r.name === r.inside ? `"${r.inside}" includes itself` : `"${r.inside}" includes "${r.name}", which leads back to "${r.inside}"`;
    findings.push(finding(meta, rangeOf(file.doc, r.start, r.end), `${how}: rendering never ends unless a condition stops it. Break the cycle.`));
  }
  return findings;
}

export const recursiveInclude: Rule<TemplateFile> = { meta, check };
