import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Span } from '../gotmpl';
import { basename, cutDeepFlowNesting, type Finding, firstIndexWhere, type Fix, fnv1a, relativeUri, unlessNestedTooDeep } from '../common';
import { language as kubernetes } from '../kubernetes';
import { looksLikeKubernetes, type ServiceContext, type SourceDocument } from '../workspace';
import { templateInfo } from './document';
import { PLACEHOLDER } from './evaluate';
import { type Expansion, expansionOf, type Placed, type Region } from './expand';
import { type Fact, renderedOnlyWhen } from './facts';

/**
 * The Kubernetes checks applied to a template: the template is rendered with the chart's default
 * values (expand.ts: named templates expanded, conditions decided), the Kubernetes module
 * diagnoses the result, and each finding is mapped back through the expansion's source map and
 * weighed (see `weigh`).
 */

/**
 * Keys whose findings are about the scalar value itself (a removed apiVersion, a bad enum, a
 * `latest` image tag), so they stay meaningful in documents with parts we could not render.
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

/**
 * Practice rules about what a workload leaves out (probes, resources, a security setting). A chart
 * commonly leaves these to its values (`{{- toYaml .Values.resources | nindent 12 }}`), so they are
 * reported only on documents the template writes out in full, as before any rendering: lines from
 * control flow or from values make the document the user's to shape.
 */
const ABSENCE_RULES = new Set(['k8s/missing-probes', 'k8s/missing-resources', 'k8s/privilege-escalation', 'k8s/run-as-non-root', 'k8s/read-only-root-fs']);

/** Rules about the YAML's shape, which a block rendered with unknown values only guesses. */
const SPECULATIVE_STRUCTURE_RULES = new Set(['k8s/yaml-syntax', 'k8s/duplicate-key']);

/** Templates that render Kubernetes YAML: templates/**.yaml|yml, not partials (`_*.yaml`). */
function rendersManifest(ctx: ServiceContext, src: SourceDocument): boolean {
  const name = basename(src.doc.uri);
  if (!/\.ya?ml$/i.test(name) || name.startsWith('_')) return false;
  const chart = templateInfo(ctx, src).chart;
  const rel = chart ? relativeUri(chart.root, src.doc.uri) : undefined;
  return !!rel && rel.startsWith('templates/');
}

/** The template rendered with the chart's defaults, or undefined outside a chart. */
export function expansion(ctx: ServiceContext, src: SourceDocument): Expansion | undefined {
  const info = templateInfo(ctx, src);
  return info.chart ? expansionOf(ctx, info.chart, src.doc.uri, src.doc.version, info.template) : undefined;
}

export function kubernetesFindings(ctx: ServiceContext, src: SourceDocument): Finding[] {
  if (!rendersManifest(ctx, src)) return [];
  const exp = expansion(ctx, src);
  if (!exp || !looksLikeKubernetes(exp.text)) return [];
  // The version is a hash of the rendered text, so a cache in the Kubernetes module keyed by
  // uri@version never serves a result computed from other values.
  const synthetic = TextDocument.create(src.doc.uri, 'yaml', fnv1a(exp.text) >>> 1, exp.text);
  const findings = kubernetes.diagnose(ctx, { doc: synthetic, kind: 'kubernetes' });
  if (findings.length === 0) return [];
  let valueLocal: Span[] | undefined;
  const holes = exp.pieces.filter((p) => p.kind === 'hole');
  const incomplete = documentsHolding(exp, [...holes, ...exp.unsure]);
  const weighing: Weighing = {
    exp,
    valueLocal: () => (valueLocal ??= valueLocalSpans(exp.text)),
    incomplete,
    generated: [...incomplete, ...documentsHolding(exp, exp.generated)],
  };
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (CROSS_FILE_RULES.has(f.rule)) continue;
    const start = synthetic.offsetAt(f.range.start);
    const end = synthetic.offsetAt(f.range.end);
    const verdict = weigh(weighing, f.rule, f.message, start, end);
    if (!verdict) continue;
    const range = { start: src.doc.positionAt(verdict.start), end: src.doc.positionAt(verdict.end) };
    const kept: Finding = { ...f, range, message: f.message + verdict.note, fixes: mapFixes(exp, synthetic, f.fixes) };
    if (verdict.facts) kept.severity = 'info';
    const key = `${kept.rule}@${verdict.start}-${verdict.end}:${kept.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(kept);
  }
  return out;
}

interface Weighing {
  exp: Expansion;
  /** Computed when first needed: most rendered documents are complete. */
  valueLocal: () => readonly Span[];
  incomplete: readonly Span[];
  /** Documents with lines from control flow or values (incomplete ones included). */
  generated: readonly Span[];
}

export interface Verdict {
  /** Template offsets. */
  start: number;
  end: number;
  /** Said after the message: where a value or a named template's text came from, and when the block renders. */
  note: string;
  /** Set when the finding sits in a block that is false with the default values. */
  facts?: Fact[];
}

/**
 * Whether a finding (synthetic offsets) is shown, and where:
 * - never when it touches a placeholder or names one (its subject is unknown);
 * - in a YAML document with a hole (output we could not render) or an undecided branch, only
 *   findings on the value of a value-local key (`image`, `apiVersion`, `type`…): anything about
 *   a mapping may be answered by the missing lines; for the practice rules about what a workload
 *   leaves out (ABSENCE_RULES), the same holds in any document with lines from control flow or values;
 * - in a block that is false with the defaults, a removed API is not reported when the cluster's
 *   capabilities rule the block out (the chart guards it), and anything else becomes information
 *   saying when the block renders;
 * - text from a named template or a value is shown on the action that produced it, naming the
 *   template or the `.Values` paths.
 */
export function weigh(w: Weighing, rule: string, message: string, start: number, end: number): Verdict | undefined {
  if (message.includes(PLACEHOLDER)) return undefined;
  const touched = piecesIn(w.exp.pieces, start, end);
  if (touched.some((p) => p.kind === 'placeholder')) return undefined;
  const documents = ABSENCE_RULES.has(rule) ? w.generated : w.incomplete;
  if (documents.some((d) => overlaps(d, start, end)) && !w.valueLocal().some((v) => inside(v, start, end))) return undefined;
  const region = regionAt(w.exp.regions, start, end);
  // A block rendered only to weigh it has the structure of a guess: its syntax is not the chart's.
  if (region && SPECULATIVE_STRUCTURE_RULES.has(rule)) return undefined;
  if (region && rule === 'k8s/deprecated-api' && region.facts.some((f) => f.capability)) return undefined;
  const mapped = mapRange(w.exp, start, end);
  const notes: string[] = [];
  const helpers = [...new Set(touched.flatMap((p) => (p.helper && p.helper !== 'tpl' ? [p.helper] : [])))];
  if (helpers.length > 0) notes.push(`from the named template "${helpers[0]}"`);
  const oneLine = !w.exp.text.slice(start, end).includes('\n');
  const paths = leaves(touched.flatMap((p) => (p.kind === 'value' ? (p.paths ?? []) : [])));
  if (oneLine && paths.length > 0) {
    const named = paths.slice(0, paths.length > 3 ? 2 : 3).map((p) => `.Values.${p}`);
    if (paths.length > 3) named.push(`${paths.length - 2} more`);
    notes.push(`with the default of ${named.join(' and ')} from values.yaml`);
  }
  if (region) notes.push(renderedOnlyWhen(region.facts));
  return { ...mapped, note: notes.map((n) => ` (${n})`).join(''), facts: region?.facts };
}

/** The values paths read, without the maps read on the way to a key. */
function leaves(paths: readonly string[]): string[] {
  const unique = [...new Set(paths)];
  return unique.filter((p) => !unique.some((q) => q !== p && (q.startsWith(p + '.') || q.startsWith(p + '['))));
}

/** The pieces a synthetic span touches (a zero-length span touches the piece it sits in). */
function piecesIn(pieces: readonly Placed[], start: number, end: number): Placed[] {
  const lo = firstIndexWhere(pieces.length, (i) => pieces[i].end > start || pieces[i].end >= end);
  const out: Placed[] = [];
  for (let i = lo; i < pieces.length && pieces[i].start <= Math.max(start, end - 1); i++) {
    const p = pieces[i];
    if (p.end > start || (p.start === start && start === end) || (p.kind === 'hole' && p.start > start && p.start < end)) out.push(p);
  }
  return out;
}

/** Synthetic offsets → template offsets: the template's own text maps one to one, anything else to its action. */
export function mapRange(exp: Expansion, start: number, end: number): { start: number; end: number } {
  const first = piecesIn(exp.pieces, start, start)[0] ?? exp.pieces[exp.pieces.length - 1];
  const last = end > start ? (piecesIn(exp.pieces, end - 1, end)[0] ?? first) : first;
  const from = first ? (first.at !== undefined ? first.at + Math.max(0, start - first.start) : (first.action?.start ?? 0)) : 0;
  const to = last ? (last.at !== undefined ? last.at + Math.min(last.end, Math.max(start, end)) - last.start : (last.action?.end ?? from)) : from;
  return { start: Math.min(from, to), end: Math.max(from, to) };
}

/** The innermost false block a synthetic span touches (it carries every enclosing block's facts). */
function regionAt(regions: readonly Region[], start: number, end: number): Region | undefined {
  let best: Region | undefined;
  for (const r of regions) if (overlaps(r, start, end) && (!best || r.facts.length > best.facts.length)) best = r;
  return best;
}

/** Fixes whose every edit lies in the template's own text, mapped to it; the rest are dropped. */
function mapFixes(exp: Expansion, synthetic: TextDocument, fixes: readonly Fix[] | undefined): Fix[] {
  const mapped: Fix[] = [];
  for (const fix of fixes ?? []) {
    const edits = fix.edits.map((e) => {
      const start = synthetic.offsetAt(e.range.start);
      const end = synthetic.offsetAt(e.range.end);
      const piece = piecesIn(exp.pieces, start, Math.max(start + 1, end))[0];
      if (!piece || piece.at === undefined || end > piece.end || start < piece.start) return undefined;
      return { start: piece.at + start - piece.start, end: piece.at + end - piece.start, newText: e.newText };
    });
    if (edits.every((e) => e !== undefined)) mapped.push({ ...fix, edits: edits as never });
  }
  return mapped;
}

/** The YAML documents (split at `---` lines) of the rendered text holding any of the marks. */
function documentsHolding(exp: Expansion, marks: readonly Span[]): Span[] {
  if (marks.length === 0) return [];
  const starts = [0];
  const separator = /^---[ \t]*(#.*)?$/gm;
  for (let m = separator.exec(exp.text); m; m = separator.exec(exp.text)) starts.push(m.index);
  const spans: Span[] = [];
  for (let i = 0; i < starts.length; i++) {
    const doc = { start: starts[i], end: i + 1 < starts.length ? starts[i + 1] : exp.text.length };
    const last = doc.end === exp.text.length;
    if (marks.some((m) => m.end >= doc.start && (m.start < doc.end || (last && m.start === doc.end)))) spans.push(doc);
  }
  return spans;
}

const overlaps = (a: Span, start: number, end: number) => start < a.end && a.start < Math.max(end, start + 1);
const inside = (a: Span, start: number, end: number) => start >= a.start && end <= a.end;

/** Spans of scalar values of value-local keys in the rendered YAML. */
export function valueLocalSpans(text: string): Span[] {
  const spans: Span[] = [];
  const work: unknown[] = [];
  const documents = unlessNestedTooDeep(
    // Duplicate keys are the Kubernetes checks' to report; `yaml` looks for them pair by pair.
    () => parseAllDocuments(cutDeepFlowNesting(text)?.text ?? text, { uniqueKeys: false }),
    () => [],
  );
  for (const doc of documents) if ('contents' in doc) work.push(doc.contents);
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
