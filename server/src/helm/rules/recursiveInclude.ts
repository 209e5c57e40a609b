// Fires on an include/template call that leads back to the named template it sits in, when the
// call runs whenever the template does (not inside an if, with or range of its body). Helm stops
// such a render only after 1,000 nested calls with a hard-to-read error; an unconditional
// recursion is a copy-paste slip (a helper including itself). A call inside a condition or a
// loop is how charts walk nested values on purpose (traefik's yaml2CommandLineArgsRec).
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { nodePath, type Template } from '../../gotmpl';
import type { TemplateRef } from '../analysis';
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
  // The calls of this file's defines that run whenever their define does: the ones to judge.
  const unconditional = (refs: readonly TemplateRef[], template: Template) => refs.filter((r) => r.inside !== undefined && !conditional(template, r.start));
  const judged = unconditional(analysis.refs, file.template);
  if (judged.length === 0) return [];
  // Edges name → names it calls on every call, over every define of the chart tree: each file
  // once (a file of many defines was read once per define), this one as it is now.
  const calls = new Map<string, Set<string>>();
  const addCalls = (refs: readonly TemplateRef[]) => {
    for (const r of refs) calls.set(r.inside as string, (calls.get(r.inside as string) ?? new Set()).add(r.name));
  };
  addCalls(judged);
  const files = new Set([...namedTemplates(ctx, chart).values()].flatMap((defs) => defs.map((d) => d.uri)));
  files.delete(file.doc.uri);
  for (const uri of files) {
    const other = analysisOf(ctx, uri);
    if (other) addCalls(unconditional(other.analysis.refs, other.template));
  }
  // A call from A to B leads back to A when B reaches A: when both are in one strongly connected
  // component. One search for all calls; a search per call was quadratic in a chain of defines.
  const component = components(calls);
  const findings: Finding[] = [];
  for (const r of judged) {
    if (component.get(r.name) !== component.get(r.inside as string)) continue;
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

/**
 * The strongly connected component of each name of a call graph (Tarjan's algorithm): names that
 * reach each other share a number. Iterative, as a chain of thousands of defines is a search that
 * deep.
 */
function components(edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const open: string[] = [];
  const isOpen = new Set<string>();
  let components = 0;
  for (const root of edges.keys()) {
    if (order.has(root)) continue;
    const path: Array<{ name: string; next: Iterator<string> }> = [];
    const enter = (name: string) => {
      order.set(name, order.size);
      low.set(name, order.get(name) as number);
      open.push(name);
      isOpen.add(name);
      path.push({ name, next: (edges.get(name) ?? new Set<string>()).values() });
    };
    enter(root);
    while (path.length > 0) {
      const top = path[path.length - 1];
      const step = top.next.next();
      if (!step.done) {
        if (!order.has(step.value)) enter(step.value);
        else if (isOpen.has(step.value)) low.set(top.name, Math.min(low.get(top.name) as number, order.get(step.value) as number));
        continue;
      }
      path.pop();
      const lowest = low.get(top.name) as number;
      if (path.length > 0) {
        const parent = path[path.length - 1].name;
        low.set(parent, Math.min(low.get(parent) as number, lowest));
      }
      if (lowest !== order.get(top.name)) continue;
      let member: string;
      do {
        member = open.pop() as string;
        isOpen.delete(member);
        component.set(member, components);
      } while (member !== top.name);
      components++;
    }
  }
  return component;
}

/** Whether an offset inside a define sits in the body of an if, with or range of it. */
function conditional(template: Template, offset: number): boolean {
  return nodePath(template, offset).some((n) => (n.type === 'if' || n.type === 'with' || n.type === 'range') && offset >= n.action.end);
}

export const recursiveInclude: Rule<TemplateFile> = { meta, check };
