import { type CompletionItem, CompletionItemKind, type Position, type Range } from 'vscode-languageserver-types';
import { codeBlock, offsetOf, rangeOf } from '../common';
import { actionAt } from '../gotmpl';
import type { ServiceContext, SourceDocument } from '../workspace';
import { type ChartModel, namedTemplates } from './chart';
import { templateInfo } from './document';
import { BUILTINS, builtinChildren, builtinMarkdown, FUNCTIONS, functionMarkdown, KEYWORDS } from './reference';
import { applyPath, envAt, type Scope } from './scope';
import { childKeys, previewValue, valuesMarkdown } from './values';

/**
 * Completion inside `{{ … }}`: named templates after `include "`/`template "`, members after a
 * dot (`.Values.`, `.Release.`, `$x.`, the right `.` inside `range`/`with`), variables after `$`,
 * and functions and keywords elsewhere.
 */

const NAMED_TEMPLATE = /\b(?:include|template)\s+"([^"]*)$/;
const CHAIN = /(?:^|[^\w.)$])(\$\w*)?((?:\.\w*)+)$/;
const VARIABLE = /\$\w*$/;
const WORD = /(?:^|[^\w.$])(\w*)$/;
const IDENTIFIER = /^[A-Za-z_]\w*$/;

export function complete(ctx: ServiceContext, src: SourceDocument, pos: Position): CompletionItem[] {
  if (src.kind !== 'helm-template') return [];
  const { doc } = src;
  const offset = offsetOf(doc, pos);
  const info = templateInfo(ctx, src);
  const action = actionAt(info.template, offset);
  if (!action || action.comment || offset < action.innerStart) return [];
  const before = doc.getText().slice(action.innerStart, offset);
  const replace = (length: number): Range => rangeOf(doc, offset - length, offset);

  const named = NAMED_TEMPLATE.exec(before);
  if (named) {
    if (!info.chart) return [];
    return [...namedTemplates(ctx, info.chart)].map(([name, defs]) => ({
      label: name,
      kind: CompletionItemKind.Snippet,
      detail: `named template (${defs[0].uri.slice(defs[0].uri.lastIndexOf('/') + 1)})`,
      documentation: { kind: 'markdown', value: codeBlock(defs[0].body.trim(), 'helm') },
      textEdit: { range: replace(named[1].length), newText: name },
    }));
  }
  if (/"[^"]*$/.test(before.replace(/"(?:[^"\\]|\\.)*"/g, ''))) return [];

  const env = envAt(info.template, offset);
  const chain = CHAIN.exec(before);
  if (chain) {
    const names = chain[2].split('.').slice(1);
    const partial = names.pop() ?? '';
    const base: Scope = chain[1] ? (env.vars.get(chain[1]) ?? { kind: 'unknown' }) : env.dot;
    return members(ctx, info.chart, applyPath(base, names), replace(partial.length));
  }
  const variable = VARIABLE.exec(before);
  if (variable) {
    return [...env.vars.keys()].map((name) => ({
      label: name,
      kind: CompletionItemKind.Variable,
      textEdit: { range: replace(variable[0].length), newText: name },
    }));
  }
  const word = WORD.exec(before);
  if (!word) return [];
  const range = replace(word[1].length);
  const head = before.slice(0, before.length - word[1].length).trimEnd();
  const atStart = head.replace(/^-/, '').trim() === '';
  // An empty word after an argument is just a space typed between arguments: stay quiet there.
  if (word[1] === '' && !atStart && !/[|(]$/.test(head)) return [];
  const items: CompletionItem[] = [...FUNCTIONS.values()].map((f) => ({
    label: f.name,
    kind: CompletionItemKind.Function,
    detail: f.signature,
    documentation: { kind: 'markdown', value: functionMarkdown(f) },
    sortText: `2${f.name}`,
    textEdit: { range, newText: f.name },
  }));
  if (atStart) {
    for (const k of KEYWORDS) {
      items.push({ label: k.name, kind: CompletionItemKind.Keyword, detail: k.doc, sortText: `1${k.name}`, textEdit: { range, newText: k.name } });
    }
  }
  return items;
}

function members(ctx: ServiceContext, chart: ChartModel | undefined, scope: Scope, range: Range): CompletionItem[] {
  switch (scope.kind) {
    case 'root':
      return builtinChildren('').map((b) => builtinItem(b.path, range));
    case 'builtin':
      return builtinChildren(scope.path).map((b) => builtinItem(b.path, range, chartValue(chart, b.chartKey)));
    case 'values': {
      if (!chart) return [];
      // Every item carries the text of a hover on its path; a chart with hundreds of values keys
      // would build them all on each keystroke, so they are kept per chart until the workspace changes.
      const docs = ctx.cache.get('helm/values-docs', chart.root, ctx.workspace.generation, () => new Map<string, string>());
      const documentation = (path: string[]) => {
        const key = path.join('\u0000');
        let text = docs.get(key);
        if (text === undefined) docs.set(key, (text = valuesMarkdown(ctx, chart, path)));
        return text;
      };
      return childKeys(ctx, chart, scope.path)
        .filter((c) => IDENTIFIER.test(c.key))
        .map((c) => ({
          label: c.key,
          kind: CompletionItemKind.Field,
          detail: previewValue(c.value),
          // The same text as a hover on the finished path: the value in each values file and the key's comment.
          documentation: { kind: 'markdown', value: documentation([...scope.path, c.key]) },
          textEdit: { range, newText: c.key },
        }));
    }
    default:
      return [];
  }
}

function builtinItem(path: string, range: Range, value?: string): CompletionItem {
  const info = BUILTINS.get(path);
  const name = path.slice(path.lastIndexOf('.') + 1);
  return {
    label: name,
    kind: info?.signature ? CompletionItemKind.Method : CompletionItemKind.Property,
    detail: value ?? info?.signature ?? path,
    documentation: info ? { kind: 'markdown', value: builtinMarkdown(info, value) } : undefined,
    textEdit: { range, newText: name },
  };
}

/** A Chart.yaml value as text, for `.Chart.*` details. */
export function chartValue(chart: ChartModel | undefined, key: string | undefined): string | undefined {
  if (!chart?.chart || !key) return undefined;
  const value = chart.chart.doc.get(key);
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? previewValue(value as never) : String(value);
}
