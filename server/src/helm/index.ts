/**
 * Helm charts: chart model (Chart.yaml, values files, subcharts, named templates), template
 * completion, hover targets, navigation and rules. Parses templates with gotmpl and hands
 * templates rendered with the chart's defaults (expand.ts) to the Kubernetes module. No LSP
 * connection imports, no IO (files come through ctx.workspace), all workspace-wide data cached
 * per workspace generation. Never throws on any input.
 */
import type { Finding } from '../common';
import type { LanguageModule, ServiceContext, SourceDocument } from '../workspace';
import { completeChartFile } from './chartFileComplete';
import { complete } from './complete';
import { folding } from './folding';
import { hoverTarget } from './hover';
import { kubernetesFindings } from './kubernetes';
import { definition, prepareRename, references, rename, symbols } from './navigation';
import { noteKeys } from './noteKeys';
import { ruleFindings, RULES } from './rules';

function diagnose(ctx: ServiceContext, src: SourceDocument): Finding[] {
  const findings = ruleFindings(ctx, src);
  if (src.kind === 'helm-template') findings.push(...kubernetesFindings(ctx, src));
  return findings;
}

export const language: LanguageModule = {
  rules: RULES.map((r) => r.meta),
  commentPrefix: (src) => (src.kind === 'helm-template' ? '{{/*' : '#'),
  hoverTarget,
  complete: (ctx, src, pos) => (src.kind === 'helm-chart' ? completeChartFile(src, pos) : complete(ctx, src, pos)),
  diagnose,
  definition,
  references,
  prepareRename,
  rename,
  symbols,
  folding,
  noteKeys,
};
