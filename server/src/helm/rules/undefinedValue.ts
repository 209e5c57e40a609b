// Fires on a `.Values` path that no values file defines (the chart's own, its parents' and
// its subcharts' defaults). Such a path renders as empty or fails on a nil map, and is most
// often a typo. Paths tested by if/with, passed to default/required/hasKey…, under a key
// whose default is null or `{}`, under `global`, or read inside a library chart are not reported.
import { closestMatch, finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import type { ServiceContext } from '../../workspace';
import type { ChartModel } from '../chart';
import { dotted, shownPath } from '../document';
import { childKeys, definedness } from '../values';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/undefined-value',
  severity: 'warning',
  basis: 'inferred',
  title: 'Value not defined in any values file',
  help: 'Give every value a default in values.yaml (documented with a comment), or guard optional ones with `if`, `with`, `default` or `required`.',
};

function check(file: TemplateFile): Finding[] {
  const { ctx, chart, analysis } = file;
  if (!chart || chart.type === 'library') return [];
  const findings: Finding[] = [];
  // A template reads the same paths many times: each path is judged once. Its dotted form is the
  // key, as the names of a values path are field names, which never hold a dot.
  const judged = new Map<string, Judgement | undefined>();
  for (const usage of analysis.usages) {
    if (usage.guarded || usage.scope.kind !== 'values' || usage.scope.path.length === 0) continue;
    const path = usage.scope.path;
    const key = dotted(path);
    if (!judged.has(key)) judged.set(key, judge(ctx, chart, path));
    const judgement = judged.get(key);
    if (!judgement) continue;
    const reaching = usage.valuesSegment(judgement.first + 1);
    findings.push(finding(meta, rangeOf(file.doc, reaching?.segment.start ?? usage.start, usage.end), judgement.message));
  }
  return findings;
}

interface Judgement {
  /** The index of the first segment no values file knows. */
  first: number;
  message: string;
}

function judge(ctx: ServiceContext, chart: ChartModel, path: readonly string[]): Judgement | undefined {
  if (definedness(ctx, chart, path) !== 'undefined') return undefined;
  let first = path.length - 1;
  for (let n = 1; n < path.length; n++) {
    if (definedness(ctx, chart, path.slice(0, n)) === 'undefined') {
      first = n - 1;
      break;
    }
  }
  const guess = closestMatch(
    path[first],
    childKeys(ctx, chart, path.slice(0, first)).map((c) => c.key),
  );
  const noValues = chart.valuesFiles.length === 0 ? ' This chart has no values.yaml: create one next to Chart.yaml.' : '';
  return {
    first,
    message: `.Values.${shownPath(path)} is not set in any values file.${guess ? ` Did you mean "${guess}"?` : ''} Add a default to values.yaml or guard it with default or if.${noValues}`,
  };
}

export const undefinedValue: Rule<TemplateFile> = { meta, check };
