import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { ServiceContext, SourceDocument } from '../workspace';
import { stepAt } from './locate';
import { definitionsInScope, globalDefinitions, KEYWORDS, type DockerfileModel, type Step } from './model';
import { instructionDoc, isSwitch, mountTypeDoc, REFERENCE } from './reference';
import { getModel } from './parse';

/**
 * Completion by context: parser directives at the top, instruction keywords at the start of an
 * instruction (and after ONBUILD), flags and their values, stage names after `--from=`, and
 * `$`/`${` variables in scope plus the predefined build args.
 */

/** Flags that take no value (`--link`), completed without `=`. */
const SHARING = ['shared', 'private', 'locked'];
const NOT_IN_ONBUILD = new Set(['FROM', 'ONBUILD', 'MAINTAINER']);

function edit(range: Range, newText: string) {
  return { range, newText };
}

function replaceRange(pos: Position, length: number): Range {
  return { start: { line: pos.line, character: pos.character - length }, end: pos };
}

function keywordItems(pos: Position, typed: string, onbuild: boolean): CompletionItem[] {
  return KEYWORDS.filter((k) => !(onbuild && NOT_IN_ONBUILD.has(k))).map((keyword, i) => {
    const doc = instructionDoc(keyword)!;
    return {
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: doc.syntax,
      documentation: { kind: 'markdown', value: doc.summary },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(replaceRange(pos, typed.length), doc.snippet),
      sortText: String(i).padStart(2, '0'),
    };
  });
}

function directiveItems(model: DockerfileModel, pos: Position, typed: string): CompletionItem[] {
  const used = new Set(model.directives.filter((d) => d.getRange().start.line !== pos.line).map((d) => d.getName().toLowerCase()));
  return Object.entries(REFERENCE.directives)
    .filter(([name]) => !used.has(name))
    .map(([name, d]) => ({
      label: `${name}=`,
      kind: CompletionItemKind.Property,
      detail: 'parser directive',
      documentation: { kind: 'markdown', value: d.doc },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(
        replaceRange(pos, typed.length),
        name === 'syntax' ? 'syntax=${1:docker/dockerfile:1}' : name === 'escape' ? 'escape=${1|`,\\\\|}' : 'check=${1|skip=,error=true|}',
      ),
    }));
}

function valueItems(
  values: readonly string[],
  pos: Position,
  typed: string,
  detail: string,
  kind: CompletionItemKind = CompletionItemKind.EnumMember,
): CompletionItem[] {
  return values.map((v) => ({ label: v, kind, detail, textEdit: edit(replaceRange(pos, typed.length), v) }));
}

function stageItems(model: DockerfileModel, step: Step, pos: Position, typed: string): CompletionItem[] {
  const before = step.stage < 0 ? 0 : step.keyword === 'FROM' ? step.stage : step.stage + 1;
  return model.stages
    .filter((s) => s.index < before && s.index !== step.stage && s.name)
    .map((s) => ({
      label: s.name!,
      kind: CompletionItemKind.Module,
      detail: `stage ${s.index}: FROM ${s.image}`,
      textEdit: edit(replaceRange(pos, typed.length), s.name!),
    }));
}

function variableItems(
  model: DockerfileModel,
  step: Step | undefined,
  line: number,
  pos: Position,
  typed: string,
  braced: boolean,
  closed: boolean,
): CompletionItem[] {
  const stage = step?.stage ?? model.stages.length - 1;
  const onFromLine = !step || step.keyword === 'FROM' || stage < 0;
  const scope = onFromLine ? globalDefinitions(model, line) : definitionsInScope(model, stage, line);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const close = braced && !closed ? '}' : '';
  for (const d of [...scope].reverse()) {
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    items.push({
      label: d.name,
      kind: CompletionItemKind.Variable,
      detail: `${d.kind} on line ${d.line + 1}${d.value !== null ? ` = ${d.value}` : ''}`,
      textEdit: edit(replaceRange(pos, typed.length), d.name + close),
      sortText: `0${d.name}`,
    });
  }
  for (const [name, doc] of Object.entries(REFERENCE.predefinedArgs)) {
    if (seen.has(name)) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Constant,
      detail: 'predefined build argument',
      documentation: doc,
      textEdit: edit(replaceRange(pos, typed.length), name + close),
      sortText: `1${name}`,
    });
  }
  return items;
}

function flagItems(keyword: string, pos: Position, typed: string, used: ReadonlySet<string>): CompletionItem[] {
  const flags = instructionDoc(keyword)?.flags ?? {};
  // --exclude and --mount may repeat; other flags once.
  return Object.entries(flags)
    .filter(([name]) => !used.has(name) || name === 'exclude' || name === 'mount')
    .map(([name, d]) => ({
      label: `--${name}`,
      kind: CompletionItemKind.Property,
      detail: d.value,
      documentation: { kind: 'markdown', value: d.doc },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(replaceRange(pos, typed.length), isSwitch(d) ? `--${name}` : `--${name}=$1`),
      command: isSwitch(d) ? undefined : { title: 'values', command: 'editor.action.triggerSuggest' },
    }));
}

function mountItems(model: DockerfileModel, step: Step, pos: Position, value: string): CompletionItem[] {
  const segments = value.split(',');
  const current = segments[segments.length - 1];
  const earlier = segments.slice(0, -1).map((s) => s.split('=')[0]);
  const type =
    segments
      .slice(0, -1)
      .find((s) => s.startsWith('type='))
      ?.slice(5) ?? 'bind';
  const eq = current.indexOf('=');
  if (eq >= 0) {
    const key = current.slice(0, eq);
    const typed = current.slice(eq + 1);
    if (key === 'type') return valueItems(Object.keys(REFERENCE.mountTypes), pos, typed, 'mount type');
    if (key === 'from') return stageItems(model, step, pos, typed);
    if (key === 'sharing') return valueItems(SHARING, pos, typed, 'cache sharing');
    return [];
  }
  const keys = Object.entries(mountTypeDoc(type)?.keys ?? {}).filter(([k]) => !earlier.includes(k));
  const items: CompletionItem[] = keys.map(([k, doc]) => ({
    label: `${k}=`,
    kind: CompletionItemKind.Property,
    detail: `${type} mount`,
    documentation: doc,
    textEdit: edit(replaceRange(pos, current.length), `${k}=`),
  }));
  if (!earlier.includes('type')) {
    for (const [t, d] of Object.entries(REFERENCE.mountTypes)) {
      items.push({
        label: `type=${t}`,
        kind: CompletionItemKind.EnumMember,
        detail: 'mount type',
        documentation: d.doc,
        textEdit: edit(replaceRange(pos, current.length), `type=${t}`),
        sortText: `0${t}`,
      });
    }
  }
  return items;
}

function flagValueItems(model: DockerfileModel, step: Step, keyword: string, flag: string, value: string, pos: Position): CompletionItem[] {
  if (flag === 'from') return stageItems(model, step, pos, value);
  if (flag === 'mount' && keyword === 'RUN') return mountItems(model, step, pos, value);
  const values = instructionDoc(keyword)?.flags?.[flag]?.values;
  return values ? valueItems(values, pos, value, `--${flag}`) : [];
}

/** The arguments before the cursor on an instruction's lines, as whitespace-separated tokens. */
function argumentTokens(model: DockerfileModel, step: Step, pos: Position): string[] {
  const start = model.doc.offsetAt(step.instruction.getInstructionRange().end);
  const text = model.text.slice(start, model.doc.offsetAt(pos));
  return text.split(/\s+/).filter((t) => t !== '' && t !== model.escape);
}

export function complete(ctx: ServiceContext, src: SourceDocument, pos: Position): CompletionItem[] {
  const model = getModel(ctx, src);
  const line = model.doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  const variable = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(line);
  const at = stepAt(model, pos);
  if (variable && at) {
    const closed = model.text[model.doc.offsetAt(pos)] === '}';
    return variableItems(model, at.step, pos.line, pos, variable[2] ?? '', variable[1] === '{', closed);
  }
  const directive = /^#\s*([a-z]*)$/i.exec(line);
  if (directive) {
    const onlyDirectivesAbove =
      model.steps.every((s) => s.instruction.getRange().start.line > pos.line) &&
      model.doc
        .getText({ start: { line: 0, character: 0 }, end: { line: pos.line, character: 0 } })
        .split(/\r?\n/)
        .slice(0, pos.line)
        .every((l) => /^#\s*\w+\s*=/.test(l));
    return onlyDirectivesAbove ? directiveItems(model, pos, directive[1]) : [];
  }
  if (line.trimStart().startsWith('#')) return [];
  const typed = /\S*$/.exec(line)?.[0] ?? '';
  if (!at || (at.instruction === at.step.instruction && containsKeywordOnly(at.step, pos))) {
    return /^\s*[A-Za-z]*$/.test(line) ? keywordItems(pos, typed, false) : [];
  }
  const keyword = at.instruction.getKeyword().toUpperCase();
  if (at.step.keyword === 'ONBUILD' && at.instruction === at.step.instruction) {
    return argumentTokens(model, at.step, pos).length === (typed ? 1 : 0) ? keywordItems(pos, typed, true) : [];
  }
  const tokens = argumentTokens(model, at.step, pos);
  const earlier = typed ? tokens.slice(0, -1) : tokens;
  if (!earlier.every((t) => t.startsWith('--'))) return [];
  const flagValue = /^--([a-z-]+)=(.*)$/.exec(typed);
  if (flagValue) return flagValueItems(model, at.step, keyword, flagValue[1], flagValue[2], pos);
  if (typed === '' || typed.startsWith('-')) {
    const used = new Set(earlier.map((t) => /^--([a-z-]+)/.exec(t)?.[1] ?? ''));
    const items = flagItems(keyword, pos, typed, used);
    if (keyword === 'HEALTHCHECK') items.push(...valueItems(['CMD', 'NONE'], pos, typed, 'HEALTHCHECK', CompletionItemKind.Keyword));
    if (keyword === 'FROM' && typed === '') items.push(...stageItems(model, at.step, pos, typed));
    return items;
  }
  if (keyword === 'FROM') return stageItems(model, at.step, pos, typed);
  return [];
}

/** True while the cursor is still on the instruction keyword. */
function containsKeywordOnly(step: Step, pos: Position): boolean {
  const range = step.instruction.getInstructionRange();
  return pos.line === range.start.line && pos.character <= range.end.character;
}
