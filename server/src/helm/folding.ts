import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { walk } from '../gotmpl';
import type { ServiceContext, SourceDocument } from '../workspace';
import { templateInfo } from './document';

/**
 * Folding for templates: every if/with/range/define/block from its opening line to the line
 * before its `end`, multi-line comments, and YAML blocks by indentation (an editor only uses one
 * folding provider, so the YAML folds must come from here too).
 */
export function folding(ctx: ServiceContext, src: SourceDocument): FoldingRange[] {
  if (src.kind !== 'helm-template') return [];
  const { doc } = src;
  const { template } = templateInfo(ctx, src);
  const ranges: FoldingRange[] = [];
  const line = (offset: number) => doc.positionAt(offset).line;
  walk(template.nodes, (node) => {
    if (node.type === 'comment') {
      const [start, end] = [line(node.start), line(node.end)];
      if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
    } else if ('endAction' in node && node.endAction) {
      const [start, end] = [line(node.start), line(node.endAction.start) - 1];
      if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
    }
  });
  ranges.push(...indentationFolds(doc.getText().split(/\r?\n/)));
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** A fold for every line followed by more-indented lines (blank lines and template-only lines go with the block). */
function indentationFolds(lines: readonly string[]): FoldingRange[] {
  const indentOf = (text: string) => (/^\s*(\{\{.*\}\}\s*)?$/.test(text) ? -1 : text.length - text.trimStart().length);
  const out: FoldingRange[] = [];
  const open: Array<{ line: number; indent: number }> = [];
  let last = -1;
  for (let i = 0; i <= lines.length; i++) {
    const indent = i < lines.length ? indentOf(lines[i]) : 0;
    if (indent < 0) continue;
    while (open.length && open[open.length - 1].indent >= indent) {
      const start = open.pop() as { line: number; indent: number };
      if (last > start.line) out.push({ startLine: start.line, endLine: last });
    }
    if (i < lines.length) {
      open.push({ line: i, indent });
      last = i;
    }
  }
  return out;
}
