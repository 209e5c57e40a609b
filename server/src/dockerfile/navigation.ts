import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ServiceContext, SourceDocument } from '../workspace';
import { locate, type Located } from './locate';
import { resolveDefinition, stageKey, type DockerfileModel, type Stage } from './model';
import { getModel } from './parse';

/**
 * Definition, references and rename for stage names and ARG/ENV variables; document symbols
 * (stages with their instructions) and folding ranges.
 */

/** Every range naming the stage: its AS name, later FROM lines built on it, --from and mount from=. */
function stageRanges(model: DockerfileModel, stage: Stage): Range[] {
  if (!stage.name) return [];
  const key = stageKey(stage.name);
  const ranges: Range[] = stage.nameRange ? [stage.nameRange] : [];
  for (const step of model.steps) {
    if (step.stage <= stage.index) continue;
    if (step.keyword === 'FROM') {
      const s = model.stages[step.stage];
      const range = s.imageRef?.range;
      if (s.parent === stage.index && range) ranges.push(range);
    }
    for (const flag of step.flags) {
      if (flag.getName() === 'from' && stageKey(flag.getValue() ?? '') === key && flag.getValueRange()) ranges.push(flag.getValueRange()!);
      if (flag.getName() === 'mount') {
        const from = flag.getOption('from');
        if (from && stageKey(from.getValue() ?? '') === key && from.getValueRange()) ranges.push(from.getValueRange()!);
      }
    }
  }
  return ranges;
}

/** Every range naming the variable: definitions and uses of that name in the file. */
function variableRanges(model: DockerfileModel, name: string): Range[] {
  const ranges = [
    ...model.definitions.filter((d) => d.name === name).map((d) => d.nameRange),
    ...model.uses.filter((u) => u.name === name).map((u) => u.range),
  ];
  return ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}

function symbolOf(
  ctx: ServiceContext,
  src: SourceDocument,
  pos: Position,
): { model: DockerfileModel; found: Extract<Located, { kind: 'stage' | 'variable' }> } | undefined {
  const model = getModel(ctx, src);
  const found = locate(model, pos);
  if (found?.kind === 'stage' || found?.kind === 'variable') return { model, found };
  return undefined;
}

function rangesOf(model: DockerfileModel, found: Extract<Located, { kind: 'stage' | 'variable' }>): Range[] {
  return found.kind === 'stage' ? stageRanges(model, found.stage) : variableRanges(model, found.name);
}

export function definition(ctx: ServiceContext, src: SourceDocument, pos: Position): Location[] {
  const hit = symbolOf(ctx, src, pos);
  if (!hit) return [];
  const { model, found } = hit;
  if (found.kind === 'stage') return found.stage.nameRange ? [{ uri: src.doc.uri, range: found.stage.nameRange }] : [];
  const target = found.definition ?? resolveDefinition(model, found.name, found.step.stage, found.range.start.line);
  return target ? [{ uri: src.doc.uri, range: target.nameRange }] : [];
}

export function references(ctx: ServiceContext, src: SourceDocument, pos: Position, includeDeclaration: boolean): Location[] {
  const hit = symbolOf(ctx, src, pos);
  if (!hit) return [];
  const { model, found } = hit;
  const declarations = found.kind === 'stage' ? [found.stage.nameRange] : model.definitions.filter((d) => d.name === found.name).map((d) => d.nameRange);
  return rangesOf(model, found)
    .filter((r) => includeDeclaration || !declarations.includes(r))
    .map((range) => ({ uri: src.doc.uri, range }));
}

export function prepareRename(ctx: ServiceContext, src: SourceDocument, pos: Position): { range: Range; placeholder: string } | null {
  const hit = symbolOf(ctx, src, pos);
  if (!hit) return null;
  if (hit.found.kind === 'stage' && !hit.found.stage.name) return null;
  return { range: hit.found.range, placeholder: hit.found.kind === 'stage' ? hit.found.stage.name! : hit.found.name };
}

export function rename(ctx: ServiceContext, src: SourceDocument, pos: Position, newName: string): WorkspaceEdit | null {
  const hit = symbolOf(ctx, src, pos);
  if (!hit) return null;
  const ranges = rangesOf(hit.model, hit.found);
  return ranges.length ? { changes: { [src.doc.uri]: ranges.map((range) => ({ range, newText: newName })) } } : null;
}

/** An instruction's arguments on one line, continuations removed, shortened for the outline. */
function oneLine(text: string, escape: string, max = 60): string {
  const flat = text
    .split(escape + '\n')
    .join(' ')
    .split(escape + '\r\n')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function symbols(ctx: ServiceContext, src: SourceDocument): DocumentSymbol[] {
  const model = getModel(ctx, src);
  const instructionSymbol = (step: DockerfileModel['steps'][number]): DocumentSymbol => ({
    name: step.keyword,
    detail: oneLine(step.raw, model.escape),
    kind: step.keyword === 'ARG' || step.keyword === 'ENV' ? SymbolKind.Variable : SymbolKind.Function,
    range: step.instruction.getRange(),
    selectionRange: step.instruction.getInstructionRange(),
  });
  const result: DocumentSymbol[] = model.steps.filter((s) => s.stage < 0).map(instructionSymbol);
  for (const stage of model.stages) {
    const last = stage.steps[stage.steps.length - 1].instruction.getRange();
    result.push({
      name: stage.name ?? `stage ${stage.index}`,
      detail: `FROM ${stage.image}`,
      kind: SymbolKind.Namespace,
      range: { start: stage.from.getRange().start, end: last.end },
      selectionRange: stage.nameRange ?? stage.from.getInstructionRange(),
      children: stage.steps.slice(1).map(instructionSymbol),
    });
  }
  return result;
}

export function folding(ctx: ServiceContext, src: SourceDocument): FoldingRange[] {
  const model = getModel(ctx, src);
  const ranges: FoldingRange[] = [];
  const starts = new Set<number>();
  for (const step of model.steps) {
    const r = step.instruction.getRange();
    if (r.end.line > r.start.line) {
      ranges.push({ startLine: r.start.line, endLine: r.end.line });
      starts.add(r.start.line);
    }
  }
  for (const stage of model.stages) {
    const start = stage.from.getRange().start.line;
    const end = stage.steps[stage.steps.length - 1].instruction.getRange().end.line;
    if (end > start && !starts.has(start)) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  // Runs of two or more comment lines.
  const lines = model.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#/.test(lines[i])) continue;
    let j = i;
    while (j + 1 < lines.length && /^\s*#/.test(lines[j + 1])) j++;
    if (j > i) ranges.push({ startLine: i, endLine: j, kind: FoldingRangeKind.Comment });
    i = j;
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
