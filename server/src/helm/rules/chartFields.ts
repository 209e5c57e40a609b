// Fires on a Chart.yaml without apiVersion, name or version, or with a version that is not
// SemVer 2. `helm install`, `helm package` and `helm lint` all reject such a chart.
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { mapGet, yamlFileOf } from '../chart';
import type { ChartFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/chart-fields',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Chart.yaml misses a required field',
  help: 'Chart.yaml needs `apiVersion` (v2 for Helm 3), `name` and a SemVer 2 `version`, e.g. `version: 0.1.0`.',
};

const REQUIRED = ['apiVersion', 'name', 'version'] as const;
const SEMVER = /^v?(0|[1-9]\d*)(\.(0|[1-9]\d*)){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

function check(file: ChartFile): Finding[] {
  const yaml = yamlFileOf(file.ctx, file.doc.uri);
  if (!yaml || yaml.errors.length) return [];
  const root = yaml.doc.contents;
  const findings: Finding[] = [];
  const text = file.doc.getText();
  const whole = rangeOf(file.doc, 0, Math.min(text.indexOf('\n') >>> 0, text.length));
  for (const key of REQUIRED) {
    const value = mapGet(root, key);
    const empty = value === undefined || value === null || (value as { value?: unknown }).value === null || (value as { value?: unknown }).value === '';
    if (empty)
      findings.push(
        finding(
          meta,
          whole,
          `Chart.yaml has no ${key}: add it${key === 'apiVersion' ? ' (apiVersion: v2 for Helm 3)' : key === 'version' ? ' as SemVer, e.g. version: 0.1.0' : ''}.`,
        ),
      );
  }
  const version = mapGet(root, 'version') as { value?: unknown; range?: number[] } | undefined;
  if (version?.value !== undefined && version.value !== null && version.value !== '' && !SEMVER.test(String(version.value)) && version.range) {
    findings.push(
      finding(
        meta,
        rangeOf(file.doc, version.range[0], version.range[1]),
        `The chart version "${String(version.value)}" is not SemVer 2: write it like 1.2.3.`,
      ),
    );
  }
  return findings;
}

export const chartFields: Rule<ChartFile> = { meta, check };
