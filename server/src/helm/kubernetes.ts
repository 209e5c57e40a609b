import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Finding } from '../common';
import type { Span } from '../gotmpl';
import { basename, relativeUri } from '../common';
import { language as kubernetes } from '../kubernetes';
import { looksLikeKubernetes, type ServiceContext, type SourceDocument } from '../workspace';
import type { ChartModel } from './chart';
import { dotted, templateInfo } from './document';
import { type Neutralized, neutralize, type Substitution } from './neutralize';
import { lookupValue } from './values';

/**
 * The Kubernetes checks applied to a template: the template is neutralised (same offsets,
 * simple `.Values` scalars replaced by their defaults), the Kubernetes module diagnoses the
 * result, and only findings that literal template text or a substituted default is
 * responsible for are kept (see `keepFinding`).
 */

/**
 * Keys whose findings are about the scalar value itself (a removed apiVersion, a bad enum, a
 * `latest` image tag), so they stay meaningful in documents whose structure the template builds.
 */
const VALUE_LOCAL_KEYS = new Set([
  'apiVersion',
  'kind',
  'image',
  'imagePullPolicy',
  'restartPolicy',
  'type',
  'protocol',
  'pathType',
  'dnsPolicy',
  'concurrencyPolicy',
  'podManagementPolicy',
  'externalTrafficPolicy',
  'sessionAffinity',
]);

/**
 * Kubernetes rules that compare a manifest with other workspace files (Service selectors against
 * pods, references to ConfigMaps and Secrets by name). The rest of a chart is templates the
 * Kubernetes module never sees rendered, so their findings would be guesses.
 */
const CROSS_FILE_RULES = new Set(['k8s/service-no-match', 'k8s/missing-reference']);

/** How Helm prints a scalar default, or undefined when it would not print it as written. */
function renderDefault(ctx: ServiceContext, chart: ChartModel, path: readonly string[], quoted: boolean): string | undefined {
  const hit = lookupValue(ctx, chart, path).find((h) => h.source.own);
  const value = hit && isScalar(hit.value) ? hit.value.value : undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = String(value);
  // Helm reads values as float64: large numbers print in exponent form, so leave those alone.
  else if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6) text = String(value);
  else return undefined;
  return quoted ? JSON.stringify(text) : text;
}

function neutralized(ctx: ServiceContext, src: SourceDocument): Neutralized {
  const info = templateInfo(ctx, src);
  return ctx.cache.get('helm-neutral', src.doc.uri, `${src.doc.version}@${ctx.workspace.generation}`, () => {
    const simple = new Map<number, string[]>();
    for (const usage of info.analysis.usages) {
      if (usage.scope.kind === 'values' && usage.scope.path.length > 0 && !usage.inDefine) simple.set(usage.start, usage.scope.path);
    }
    // An action is simple when its first command is exactly one `.Values` operand.
    const byAction = new Map<number, string[]>();
    for (const action of info.template.actions) {
      const first = action.tokens[0];
      if (!first) continue;
      const path = simple.get(first.start);
      const pipeTokens = action.tokens.filter((t) => t.type === 'pipe').length;
      const operandEnd = action.tokens.findIndex((t) => t.type === 'pipe');
      const operandTokens = operandEnd < 0 ? action.tokens : action.tokens.slice(0, operandEnd);
      if (path && pipeTokens <= 1 && operandTokens.every((t) => t.type === 'field' || t.type === 'variable')) byAction.set(action.start, path);
    }
    const chart = info.chart;
    return neutralize(info.template, byAction, (path, quoted) => (chart ? renderDefault(ctx, chart, path, quoted) : undefined));
  });
}

/** Templates that render Kubernetes YAML: templates/**.yaml|yml, not partials (`_*.yaml`). */
function rendersManifest(ctx: ServiceContext, src: SourceDocument): boolean {
  const name = basename(src.doc.uri);
  if (!/\.ya?ml$/i.test(name) || name.startsWith('_')) return false;
  const chart = templateInfo(ctx, src).chart;
  const rel = chart ? relativeUri(chart.root, src.doc.uri) : undefined;
  return !!rel && rel.startsWith('templates/');
}

export function kubernetesFindings(ctx: ServiceContext, src: SourceDocument): Finding[] {
  if (!rendersManifest(ctx, src)) return [];
  const n = neutralized(ctx, src);
  if (!looksLikeKubernetes(n.text)) return [];
  // The version is a hash of the neutralised text, so a cache in the Kubernetes module keyed by
  // uri@version never serves a result computed from other values.
  const synthetic = TextDocument.create(src.doc.uri, 'yaml', textHash(n.text), n.text);
  const findings = kubernetes.diagnose(ctx, { doc: synthetic, kind: 'kubernetes' });
  if (findings.length === 0) return [];
  const valueLocal = valueLocalSpans(n.text);
  const actions = templateInfo(ctx, src).template.actions;
  // A fix may only edit literal text: never an action, a substituted default or a blanked branch.
  const editable = (start: number, end: number, finding: Span) =>
    !actions.some((a) => overlaps(a, start, end)) && (!n.structural.some((d) => overlaps(d, start, end)) || inside(finding, start, end));
  return findings.flatMap((f) => {
    if (CROSS_FILE_RULES.has(f.rule)) return [];
    const span = { start: synthetic.offsetAt(f.range.start), end: synthetic.offsetAt(f.range.end) };
    const kept = keepFinding(n, valueLocal, span.start, span.end);
    if (!kept) return [];
    const sub = kept.substitution;
    if (sub) {
      const range = { start: src.doc.positionAt(sub.action.start), end: src.doc.positionAt(sub.action.end) };
      return [{ ...f, range, message: `${f.message} (with the default of \`.Values.${dotted(sub.path)}\` from values.yaml)`, fixes: [] }];
    }
    const fixes = (f.fixes ?? []).filter((fix) => fix.edits.every((e) => editable(synthetic.offsetAt(e.range.start), synthetic.offsetAt(e.range.end), span)));
    return [{ ...f, fixes }];
  });
}

/** FNV-1a over the text, as a non-negative 31-bit number. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 1;
}

const overlaps = (a: Span, start: number, end: number) => start < a.end && a.start < Math.max(end, start + 1);
const inside = (a: Span, start: number, end: number) => start >= a.start && end <= a.end;

/**
 * A finding is kept only when the template's literal text (or a substituted default) is
 * responsible for it:
 * - it must not touch an opaque action (its output is unknown);
 * - touching a substituted default, it must lie within it (the default is the cause);
 * - in a document whose structure the template builds (control flow, `include`, `toYaml`,
 *   `nindent`…), only findings on the value of a value-local key (`image`, `apiVersion`,
 *   `type`…) are kept: anything about a mapping may be answered by generated lines.
 */
export function keepFinding(n: Neutralized, valueLocal: readonly Span[], start: number, end: number): { substitution?: Substitution } | undefined {
  if (n.opaque.some((s) => overlaps(s, start, end))) return undefined;
  const substitution = n.substitutions.find((s) => overlaps(s, start, end));
  if (substitution && !inside(substitution, start, end)) return undefined;
  if (n.structural.some((d) => overlaps(d, start, end)) && !valueLocal.some((v) => inside(v, start, end))) return undefined;
  return substitution ? { substitution } : {};
}

/** Spans of scalar values of value-local keys in the neutralised YAML. */
export function valueLocalSpans(text: string): Span[] {
  const spans: Span[] = [];
  const work: unknown[] = [];
  for (const doc of parseAllDocuments(text)) if ('contents' in doc) work.push(doc.contents);
  while (work.length) {
    const node = work.pop();
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const value = item.value as YamlNode | null;
        if (isScalar(item.key) && VALUE_LOCAL_KEYS.has(String(item.key.value)) && isScalar(value) && value.range)
          spans.push({ start: value.range[0], end: value.range[1] });
        else work.push(value);
      }
    } else if (isSeq(node)) work.push(...node.items);
  }
  return spans;
}
