import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import { lineStarts, positionInText } from '../common';
import type { Template } from '../gotmpl';
import type { ServiceContext, SourceDocument } from '../workspace';
import { type Analysis, analyze, type ExprUsage, type SegmentRef } from './analysis';
import { type ChartModel, chartOf, parsed, treeOf } from './chart';

/** A template document with its chart, parse tree and analysis, each computed once per version. */
export interface TemplateInfo {
  chart: ChartModel | undefined;
  template: Template;
  readonly analysis: Analysis;
}

/**
 * A document's template tree and analysis, each computed once per text, the analysis when first
 * read: completion and hover need only the part of it at the cursor (`analyzeAt`).
 */
export function templateAnalysis(ctx: ServiceContext, doc: TextDocument): { template: Template; readonly analysis: Analysis } {
  const entry = parsed(ctx, doc.uri, doc.getText());
  const template = treeOf(entry);
  return {
    template,
    get analysis() {
      return (entry.analysis ??= analyze(template));
    },
  };
}

export function templateInfo(ctx: ServiceContext, src: SourceDocument): TemplateInfo {
  const found = templateAnalysis(ctx, src.doc);
  return {
    chart: chartOf(ctx, src.doc.uri),
    template: found.template,
    get analysis() {
      return found.analysis;
    },
  };
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
    const ref = usage.segmentAt(offset);
    if (ref) return { usage, ref };
  }
  return undefined;
}

/**
 * Locations from offsets into a text that may not be open. Its lines are counted once, however
 * many locations are asked for: references to a value read on each of 4,000 lines counted the
 * lines of the template 4,000 times.
 */
export function locator(uri: string, text: string): (start: number, end: number) => Location {
  let starts: number[] | undefined;
  return (start, end) => {
    starts ??= lineStarts(text);
    return { uri, range: { start: positionInText(starts, start), end: positionInText(starts, end) } };
  };
}

/** `a.b.c`, the dotted form of a values path used in keys. */
export function dotted(path: readonly string[]): string {
  return path.join('.');
}

/** The most names of a values path a hover or a message shows. */
const SHOWN_NAMES = 12;
/** The most characters of a values path a hover or a message shows. */
const SHOWN_CHARACTERS = 200;

/**
 * A values path as a hover or a message shows it: a path of thousands of names (generated, or a
 * paste gone wrong) keeps its first and last few, so that a hover or a problem is not a megabyte.
 */
export function shownPath(path: readonly string[]): string {
  const half = SHOWN_NAMES / 2;
  const text = path.length <= SHOWN_NAMES ? dotted(path) : `${dotted(path.slice(0, half))}.…${dotted(path.slice(-half))}`;
  return text.length <= SHOWN_CHARACTERS ? text : `${text.slice(0, SHOWN_CHARACTERS - 1)}…`;
}
