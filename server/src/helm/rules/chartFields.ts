// Fires on a Chart.yaml without apiVersion, name or version, or with a version that is not
// SemVer 2. `helm install`, `helm package` and `helm lint` all reject such a chart.
import type { Finding } from '../../common';
import { rangeOf } from '../../common';
import { mapGet, yamlFileOf } from '../chart';
import type { HelmRule } from './rule';

const REQUIRED = ['apiVersion', 'name', 'version'] as const;
const SEMVER = /^v?(0|[1-9]\d*)(\.(0|[1-9]\d*)){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export const chartFields: HelmRule = {
  meta: {
    id: 'helm/chart-fields',
    severity: 'error',
    title: 'Chart.yaml misses a required field',
    help: 'Chart.yaml needs `apiVersion` (v2 for Helm 3), `name` and a SemVer 2 `version`, e.g. `version: 0.1.0`.',
  },
  kinds: ['helm-chart'],
  check(ctx, src) {
    const file = yamlFileOf(ctx, src.doc.uri);
    if (!file || file.errors.length) return [];
    const root = file.doc.contents;
    const findings: Finding[] = [];
    const whole = rangeOf(src.doc, 0, Math.min(src.doc.getText().indexOf('\n') >>> 0, src.doc.getText().length));
    for (const key of REQUIRED) {
      const value = mapGet(root, key);
      const empty = value === undefined || value === null || (value as { value?: unknown }).value === null || (value as { value?: unknown }).value === '';
      if (empty)
        findings.push({
          rule: this.meta.id,
          range: whole,
          message: `Chart.yaml has no \`${key}\`: add it${key === 'apiVersion' ? ' (`apiVersion: v2` for Helm 3)' : key === 'version' ? ' as SemVer, e.g. `version: 0.1.0`' : ''}.`,
        });
    }
    const version = mapGet(root, 'version') as { value?: unknown; range?: number[] } | undefined;
    if (version?.value !== undefined && version.value !== null && version.value !== '' && !SEMVER.test(String(version.value)) && version.range) {
      findings.push({
        rule: this.meta.id,
        range: rangeOf(src.doc, version.range[0], version.range[1]),
        message: `The chart version \`${String(version.value)}\` is not SemVer 2: write it like \`1.2.3\`.`,
      });
    }
    return findings;
  },
};
