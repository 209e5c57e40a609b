/**
 * Helm charts: chart model (Chart.yaml, values files, subcharts, named templates), template
 * completion, hover targets, navigation and rules. Parses templates with gotmpl and hands
 * templates rendered with the chart's defaults (expand.ts) to the Kubernetes module. No LSP
 * connection imports, no IO (files come through ctx.workspace), all workspace-wide data cached
 * per workspace generation. Never throws on any input.
 */
import type { Finding } from '../common';
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { LanguageModule, ServiceContext, SourceDocument } from '../workspace';
import { complete as schemaCompletion } from '../yamlSchema';
import { completeChartFile } from './chartFileComplete';
import { complete } from './complete';
import { folding } from './folding';
import { hoverTarget } from './hover';
import { kubernetesFindings } from './kubernetes';
import { definition, prepareRename, references, rename, symbols } from './navigation';
import { noteKeys } from './noteKeys';
import { ruleFindings, RULES, schemaFindings } from './rules';
import { schemaSourceOf } from './valuesSchema';

/** Chart.yaml's own snippets, then what the file's schema offers (Chart.yaml's bundled one, a values file's values.schema.json). */
async function completeFromSchema(ctx: ServiceContext, src: SourceDocument, pos: Position): Promise<CompletionItem[]> {
  const own = src.kind === 'helm-chart' ? completeChartFile(src, pos) : [];
  const source = schemaSourceOf(ctx, src);
  const schema = source ? await schemaCompletion(ctx, source, src.doc, pos) : [];
  return [...own, ...schema.filter((s) => !own.some((o) => o.label === s.label))];
}

/** Templates answer at once; Chart.yaml and values files wait for yaml-language-server's schema check. */
function diagnose(ctx: ServiceContext, src: SourceDocument): Finding[] | Promise<Finding[]> {
  const findings = ruleFindings(ctx, src);
  if (src.kind === 'helm-template') return [...findings, ...kubernetesFindings(ctx, src)];
  return schemaFindings(ctx, src).then((schema) => [...findings, ...schema]);
}

export const language: LanguageModule = {
  rules: RULES.map((r) => r.meta),
  commentPrefix: (src) => (src.kind === 'helm-template' ? '{{/*' : '#'),
  hoverTarget,
  complete: (ctx, src, pos) => (src.kind === 'helm-template' ? complete(ctx, src, pos) : completeFromSchema(ctx, src, pos)),
  diagnose,
  definition,
  references,
  prepareRename,
  rename,
  symbols,
  folding,
  noteKeys,
};
