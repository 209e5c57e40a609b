import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { lineStarts, positionInText } from '../common';
import { parse, type Template } from '../gotmpl';
import type { ServiceContext, SourceDocument } from '../workspace';
import { type Analysis, analyze, type ExprUsage, type SegmentRef } from './analysis';
import { type ChartModel, chartOf, parsed } from './chart';

/** A template document with its chart, parse tree and analysis, each computed once per version. */
export interface TemplateInfo {
  chart: ChartModel | undefined;
  template: Template;
  analysis: Analysis;
}

/** A document's template tree and analysis, each computed once per text. */
export function templateAnalysis(ctx: ServiceContext, doc: TextDocument): { template: Template; analysis: Analysis } {
  const entry = parsed(ctx, doc.uri, doc.getText());
  const template = (entry.template ??= parse(entry.text));
  const analysis = (entry.analysis ??= analyze(template));
  return { template, analysis };
}

export function templateInfo(ctx: ServiceContext, src: SourceDocument): TemplateInfo {
  return { chart: chartOf(ctx, src.doc.uri), ...templateAnalysis(ctx, src.doc) };
}

/** The analysis of any template file of the workspace (for references across templates). */
export function analysisOf(ctx: ServiceContext, uri: string): { template: Template; analysis: Analysis } | undefined {
  const doc = ctx.workspace.document(uri);
  return doc ? templateAnalysis(ctx, doc) : undefined;
}

/** The usage and field segment under an offset (the segment's end counts, for half-typed input). */
export function segmentAt(analysis: Analysis, offset: number): { usage: ExprUsage; ref: SegmentRef } | undefined {
  for (const usage of analysis.usages) {
    if (offset < usage.start || offset > usage.end) continue;
    const ref = usage.segments.find((s) => offset >= s.segment.start && offset <= s.segment.end);
    if (ref) return { usage, ref };
  }
  return undefined;
}

/** A location from offsets into a text that may not be open. */
export function locationIn(uri: string, text: string, start: number, end: number): Location {
  const starts = lineStarts(text);
  return { uri, range: { start: positionInText(starts, start), end: positionInText(starts, end) } };
}

/** `a.b.c`, the dotted form of a values path used in keys and messages. */
export function dotted(path: readonly string[]): string {
  return path.join('.');
}
