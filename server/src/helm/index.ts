/**
 * Helm charts: chart model (Chart.yaml, values files, subcharts, named templates), template
 * completion, hover targets, navigation and rules. Parses templates with gotmpl and hands
 * neutralised templates to the Kubernetes module. No LSP connection imports, no IO (files come
 * through ctx.workspace), all workspace-wide data cached per workspace generation. Never throws
 * on any input.
 */
import type { Finding } from '../common';
import type { LanguageModule, ServiceContext, SourceDocument } from '../workspace';
import { complete } from './complete';
import { folding } from './folding';
import { hoverTarget } from './hover';
import { kubernetesFindings } from './kubernetes';
import { definition, prepareRename, references, rename, symbols } from './navigation';
import { ruleFindings, RULES } from './rules';

/** The bundled notes cover exactly these keys (docs/notes-keys.md). */
const NOTE_KEYS = [
  ...['.Release', '.Chart', '.Values', '.Files', '.Capabilities', '.Template'].map((p) => `helm:builtin/${p}`),
  ...['include', 'tpl', 'required', 'toYaml', 'nindent', 'default', 'lookup'].map((f) => `helm:function/${f}`),
  'helm:values',
  ...['Chart.yaml', 'values.yaml', 'templates', '_helpers.tpl', 'NOTES.txt', 'charts'].map((f) => `helm:file/${f}`),
];

function diagnose(ctx: ServiceContext, src: SourceDocument): Finding[] {
  const findings = ruleFindings(ctx, src);
  if (src.kind === 'helm-template') findings.push(...kubernetesFindings(ctx, src));
  return findings;
}

export const language: LanguageModule = {
  rules: RULES.map((r) => r.meta),
  noteKeys: () => [...NOTE_KEYS, ...RULES.map((r) => `rule:${r.meta.id}`)],
  commentPrefix: (src) => (src.kind === 'helm-template' ? '{{/*' : '#'),
  hoverTarget,
  complete,
  diagnose,
  definition,
  references,
  prepareRename,
  rename,
  symbols,
  folding,
};
