import { type DocumentSymbol, type Location, type Position, type Range, SymbolKind, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { offsetOf, rangeOf } from '../common';
import { type TemplateNode, walk } from '../gotmpl';
import { archiveMember, type ServiceContext, type SourceDocument } from '../workspace';
import { type ChartModel, chartOf, chartTree, keyPathAt, mapPair, namedTemplates, topChart, yamlFileOf } from './chart';
import { analysisOf, dotted, locator, segmentAt, templateInfo } from './document';
import { BUILTINS } from './reference';
import { lookupValue } from './values';

/**
 * Go to definition (values keys, named templates, Chart.yaml fields), references of a values
 * key across the chart's templates, and document symbols (defines and top-level blocks).
 */

export function definition(ctx: ServiceContext, src: SourceDocument, pos: Position): Location[] {
  if (src.kind !== 'helm-template') return [];
  const offset = offsetOf(src.doc, pos);
  const info = templateInfo(ctx, src);
  if (!info.chart) return [];
  const ref = info.analysis.refs.find((r) => offset >= r.start && offset <= r.end);
  if (ref) {
    // Members of a packed dependency have no file an editor could open.
    return (namedTemplates(ctx, info.chart).get(ref.name) ?? [])
      .filter((d) => !archiveMember(d.uri))
      .map((d) => {
        const text = ctx.workspace.read(d.uri) ?? '';
        return locator(d.uri, text)(d.nameStart, d.nameEnd);
      });
  }
  const hit = segmentAt(info.analysis, offset);
  if (!hit) return [];
  const scope = hit.ref.scope;
  if (scope.kind === 'values' && scope.path.length > 0) return valueLocations(ctx, info.chart, scope.path);
  if (scope.kind === 'builtin' && scope.path.startsWith('.Chart.') && info.chart.chart) {
    const key = BUILTINS.get(scope.path)?.chartKey;
    const pair = key ? mapPair(info.chart.chart.doc.contents, key) : undefined;
    if (pair?.key.range) return [locator(info.chart.chartUri, info.chart.chart.text)(pair.key.range[0], pair.key.range[1])];
  }
  return [];
}

function valueLocations(ctx: ServiceContext, chart: ChartModel, path: readonly string[]): Location[] {
  return lookupValue(ctx, chart, path)
    .filter((h) => h.pair?.key.range && !archiveMember(h.source.file.uri))
    .map((h) => {
      const range = h.pair?.key.range as [number, number, number];
      return locator(h.source.file.uri, h.source.file.text)(range[0], range[1]);
    });
}

/** The values path under the cursor: a `.Values` expression in a template or a key in a values file. */
function valuesPathAt(ctx: ServiceContext, src: SourceDocument, offset: number): string[] | undefined {
  if (src.kind === 'helm-template') {
    const hit = segmentAt(templateInfo(ctx, src).analysis, offset);
    return hit?.ref.scope.kind === 'values' && hit.ref.scope.path.length ? hit.ref.scope.path : undefined;
  }
  if (src.kind !== 'helm-values') return undefined;
  const file = yamlFileOf(ctx, src.doc.uri);
  return file ? keyPathAt(file, offset)?.path : undefined;
}

export function references(ctx: ServiceContext, src: SourceDocument, pos: Position, includeDeclaration: boolean): Location[] {
  const path = valuesPathAt(ctx, src, offsetOf(src.doc, pos));
  const chart = chartOf(ctx, src.doc.uri);
  if (!path || !chart) return [];
  const key = dotted(path);
  const out: Location[] = includeDeclaration ? valueLocations(ctx, chart, path) : [];
  for (const uri of chart.templates) {
    const found = analysisOf(ctx, uri);
    if (!found) continue;
    const locationOf = locator(uri, found.template.text);
    for (const usage of found.analysis.usages) {
      // Only the segment where a chain reaches a path of this length can name it: making every
      // segment's path made a generated chain of 300,000 names run out of memory.
      const reaching = usage.valuesSegment(path.length);
      if (reaching?.scope.kind === 'values' && dotted(reaching.scope.path) === key) {
        out.push(locationOf(reaching.segment.start, reaching.segment.end));
      }
    }
  }
  return out;
}

export function symbols(ctx: ServiceContext, src: SourceDocument): DocumentSymbol[] {
  if (src.kind !== 'helm-template') return [];
  const { doc } = src;
  const info = templateInfo(ctx, src);
  const text = doc.getText();
  // Nested blocks become children, down to a depth no real template reaches.
  const symbolsOf = (list: readonly TemplateNode[], depth: number): DocumentSymbol[] => {
    if (depth > 50) return [];
    const out: DocumentSymbol[] = [];
    for (const node of list) {
      if (node.type === 'define' || node.type === 'block') {
        out.push({
          name: node.name || '(unnamed)',
          detail: node.type,
          kind: SymbolKind.Function,
          range: rangeOf(doc, node.start, node.end),
          selectionRange: rangeOf(doc, node.nameSpan.start, node.nameSpan.end),
          children: symbolsOf(node.list, depth + 1),
        });
      } else if (node.type === 'if' || node.type === 'with' || node.type === 'range') {
        const head = text.slice(node.action.innerStart, node.action.innerEnd).trim();
        const children = [...symbolsOf(node.list, depth + 1), ...symbolsOf(node.elseList ?? [], depth + 1)];
        out.push({
          name: head.length > 60 ? head.slice(0, 59) + '…' : head,
          detail: node.type,
          kind: SymbolKind.Namespace,
          range: rangeOf(doc, node.start, node.end),
          selectionRange: rangeOf(doc, node.keyword.start, node.keyword.end),
          children,
        });
      }
    }
    return out;
  };
  return symbolsOf(info.template.nodes, 0);
}

/** The named template under the cursor: a `define`/`block` name or an include/template reference. */
function namedTemplateAt(ctx: ServiceContext, src: SourceDocument, offset: number): { name: string; start: number; end: number } | undefined {
  if (src.kind !== 'helm-template') return undefined;
  const info = templateInfo(ctx, src);
  const ref = info.analysis.refs.find((r) => offset >= r.start && offset <= r.end);
  // A template a packed dependency defines cannot be renamed: its archive is not ours to edit.
  if (ref && info.chart && (namedTemplates(ctx, info.chart).get(ref.name) ?? []).some((d) => archiveMember(d.uri))) return undefined;
  if (ref) return { name: ref.name, start: ref.start, end: ref.end };
  let found: { name: string; start: number; end: number } | undefined;
  walk(info.template.nodes, (node) => {
    if ((node.type === 'define' || node.type === 'block') && node.name && offset >= node.nameSpan.start && offset <= node.nameSpan.end) {
      found = { name: node.name, start: node.nameSpan.start, end: node.nameSpan.end };
    }
  });
  return found;
}

export function prepareRename(ctx: ServiceContext, src: SourceDocument, pos: Position): { range: Range; placeholder: string } | null {
  const at = namedTemplateAt(ctx, src, offsetOf(src.doc, pos));
  // The range is inside the quotes, so the editor offers the bare name.
  return at ? { range: rangeOf(src.doc, at.start + 1, at.end - 1), placeholder: at.name } : null;
}

/** Renames a named template in every define and include/template call of the chart tree. */
export function rename(ctx: ServiceContext, src: SourceDocument, pos: Position, newName: string): WorkspaceEdit | null {
  const at = namedTemplateAt(ctx, src, offsetOf(src.doc, pos));
  const chart = chartOf(ctx, src.doc.uri);
  if (!at || !chart) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const c of chartTree(ctx, topChart(ctx, chart)).filter((c) => !c.packed)) {
    for (const uri of c.templates) {
      const found = analysisOf(ctx, uri);
      if (!found) continue;
      const locationOf = locator(uri, found.template.text);
      // The range is inside the quotes.
      const edit = (start: number, end: number) => (changes[uri] ??= []).push({ range: locationOf(start + 1, end - 1).range, newText: newName });
      for (const r of found.analysis.refs) if (r.name === at.name) edit(r.start, r.end);
      walk(found.template.nodes, (node) => {
        if ((node.type === 'define' || node.type === 'block') && node.name === at.name) edit(node.nameSpan.start, node.nameSpan.end);
      });
    }
  }
  return { changes };
}
