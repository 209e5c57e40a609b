// Fires on an include/template call that leads back to the named template it sits in, when the
// call runs whenever the template does (not inside an if, with or range of its body). Helm stops
// such a render only after 1,000 nested calls with a hard-to-read error; an unconditional
// recursion is a copy-paste slip (a helper including itself). A call inside a condition or a
// loop is how charts walk nested values on purpose (traefik's yaml2CommandLineArgsRec).
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { nodePath, type Template } from '../../gotmpl';
import { namedTemplates } from '../chart';
import { analysisOf } from '../document';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/recursive-include',
  severity: 'warning',
  basis: 'inferred',
  title: 'Named template includes itself',
  help: 'A named template that includes itself (directly or through others) on every call never finishes rendering. Break the cycle, or put the call inside an if, with or range that ends the recursion.',
};

function check(file: TemplateFile): Finding[] {
  const { ctx, chart, analysis } = file;
  if (!chart) return [];
  const inside = analysis.refs.filter((r) => r.inside !== undefined);
  if (inside.length === 0) return [];
  // Edges name → names it calls on every call (not in a condition or loop), over every define of the chart tree.
  const calls = new Map<string, Set<string>>();
  for (const defs of namedTemplates(ctx, chart).values()) {
    for (const d of defs) {
      const other = analysisOf(ctx, d.uri);
      for (const r of other?.analysis.refs ?? []) {
        if (r.inside === undefined || conditional(other?.template as Template, r.start)) continue;
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
    if (conditional(file.template, r.start) || !reaches(r.name, r.inside as string)) continue;
    const how = r.name === r.inside ? `"${r.inside}" includes itself` : `"${r.inside}" includes "${r.name}", which leads back to "${r.inside}"`;
    findings.push(
      finding(
        meta,
        rangeOf(file.doc, r.start, r.end),
        `${how} on every call, so rendering never ends. Break the cycle, or make the call depend on a condition.`,
      ),
    );
  }
  return findings;
}

/** Whether an offset inside a define sits in the body of an if, with or range of it. */
function conditional(template: Template, offset: number): boolean {
  return nodePath(template, offset).some((n) => (n.type === 'if' || n.type === 'with' || n.type === 'range') && offset >= n.action.end);
}

export const recursiveInclude: Rule<TemplateFile> = { meta, check };
