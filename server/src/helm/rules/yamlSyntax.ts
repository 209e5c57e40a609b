// Fires on YAML syntax errors in Chart.yaml and values files. Helm cannot load a chart whose
// Chart.yaml or values.yaml does not parse, and every template then fails.
import { rangeOf } from '../../common';
import { yamlFileOf } from '../chart';
import type { HelmRule } from './rule';

export const yamlSyntax: HelmRule = {
  meta: {
    id: 'helm/yaml-syntax',
    severity: 'error',
    title: 'Chart.yaml or values file is not valid YAML',
    help: 'Fix the YAML: check indentation (spaces only), a missing `:` or an unclosed quote or bracket.',
  },
  kinds: ['helm-chart', 'helm-values'],
  check(ctx, src) {
    const file = yamlFileOf(ctx, src.doc.uri);
    return (file?.errors ?? []).map((e) => ({ rule: this.meta.id, range: rangeOf(src.doc, e.start, e.end), message: `Invalid YAML: ${e.message}` }));
  },
};
