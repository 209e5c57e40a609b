// Fires on a dependency listed in Chart.yaml that is neither unpacked under charts/<name>/
// nor packed as charts/<name>-<version>.tgz. Helm refuses to install with missing
// dependencies; `helm dependency update` fetches them.
import { finding, type Finding, joinUri, rangeOf, type Rule, type RuleMeta } from '../../common';
import { chartAt, chartOf, dependencies } from '../chart';
import type { ChartFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/missing-dependency',
  severity: 'warning',
  basis: 'inferred',
  title: 'Dependency missing from charts/',
  help: 'Run `helm dependency update` (or `helm dependency build`) so every dependency in Chart.yaml is present under charts/.',
};

function check(file: ChartFile): Finding[] {
  const { ctx } = file;
  const chart = chartOf(ctx, file.doc.uri);
  if (!chart) return [];
  const chartsDir = joinUri(chart.root, 'charts');
  const entries = ctx.workspace.fs.readDirectory(chartsDir);
  const packed = ('problem' in entries ? [] : entries).filter((e) => !e.isDirectory && e.name.endsWith('.tgz')).map((e) => e.name);
  const unpacked = new Set(chart.subchartRoots.map((r) => chartAt(ctx, r).name));
  for (const r of chart.subchartRoots) unpacked.add(r.slice(r.lastIndexOf('/') + 1));
  const findings: Finding[] = [];
  for (const dep of dependencies(chart)) {
    if (unpacked.has(dep.name) || packed.some((p) => p.startsWith(`${dep.name}-`))) continue;
    findings.push(
      finding(
        meta,
        rangeOf(file.doc, dep.start, dep.end),
        `The dependency "${dep.name}" is not in charts/: run helm dependency update in this chart's folder.`,
      ),
    );
  }
  return findings;
}

export const missingDependency: Rule<ChartFile> = { meta, check };
