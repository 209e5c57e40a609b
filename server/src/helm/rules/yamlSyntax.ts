// Fires on YAML syntax errors in Chart.yaml and values files. Helm cannot load a chart whose
// Chart.yaml or values.yaml does not parse, and every template then fails.
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import { yamlFileOf } from '../chart';
import type { ChartFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/yaml-syntax',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Chart.yaml or values file is not valid YAML',
  help: 'Fix the YAML: check indentation (spaces only), a missing `:` or an unclosed quote or bracket.',
};

function check(file: ChartFile): Finding[] {
  const yaml = yamlFileOf(file.ctx, file.doc.uri);
  return (yaml?.errors ?? []).map((e) => finding(meta, rangeOf(file.doc, e.start, e.end), `Invalid YAML: ${e.message}`));
}

export const yamlSyntax: Rule<ChartFile> = { meta, check };
