import {
  type CodeAction,
  type CompletionItem,
  CompletionItemTag,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { severityName } from '../../server/src/common';
import type { HoverDetails } from '../../server/src/services';
import { WORKSPACE_URI } from './fixture';

/** Renders service results as reviewable text for golden files. */

function rel(uri: string): string {
  return uri.startsWith(WORKSPACE_URI + '/') ? uri.slice(WORKSPACE_URI.length + 1) : uri;
}

function textOf(doc: TextDocument, range: Range): string {
  return doc.getText(range);
}

/**
 * Note links as golden files show them: user notes relative to the workspace, and bundled notes
 * without their line (`Bundled · [k8s.md](bundled:/notes/en/k8s.md)`), so editing a bundled note
 * rewrites no golden. The product links to the line (test/unit/notes/render.test.ts and
 * test/lsp/notes.test.ts check it).
 */
export function goldenNoteLinks(markdown: string): string {
  return markdown
    .replace(/\]\(file:\/\/\/ws\//g, '](')
    .replace(/\[([^\]]*?)(?::\d+)?\]\((bundled:[^\s)#]+)#L\d+\)/g, '[$1]($2)')
    .replace(/(Bundled · [^\s\]]+):\d+/g, '$1');
}

export function renderHover(doc: TextDocument, details: HoverDetails | null): string {
  if (!details) return 'no hover';
  const contents = details.hover.contents as { value: string };
  const range = details.hover.range ? `range: ${JSON.stringify(textOf(doc, details.hover.range))}\n` : '';
  return `keys: ${details.keys.join(' ') || '(none)'}\n${range}--\n${goldenNoteLinks(contents.value)}`;
}

/** Diagnostics as carets under the source lines they point at. */
export function renderDiagnostics(doc: TextDocument, diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'no diagnostics';
  const lines = doc.getText().split(/\r?\n/);
  const out: string[] = [];
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) byLine.set(d.range.start.line, [...(byLine.get(d.range.start.line) ?? []), d]);
  for (const [line, ds] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const text = lines[line] ?? '';
    out.push(`${String(line + 1).padStart(3)} | ${text}`);
    for (const d of ds) {
      const start = d.range.start.character;
      const end = d.range.end.line === line ? Math.max(d.range.end.character, start + 1) : Math.max(text.length, start + 1);
      const more = d.range.end.line > line ? ` (to line ${d.range.end.line + 1})` : '';
      out.push(`    | ${' '.repeat(start)}${'^'.repeat(end - start)} ${severityName(d.severity)} ${String(d.code)}: ${d.message}${more}`);
    }
  }
  return out.join('\n');
}

export function renderCompletion(items: readonly CompletionItem[]): string {
  if (items.length === 0) return 'no completions';
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
  return sorted
    .map((i) => {
      const insert =
        typeof i.insertText === 'string' && i.insertText !== i.label
          ? ` => ${JSON.stringify(i.insertText)}`
          : i.textEdit && 'newText' in i.textEdit && i.textEdit.newText !== i.label
            ? ` => ${JSON.stringify(i.textEdit.newText)}`
            : '';
      const tags = i.tags?.includes(CompletionItemTag.Deprecated) ? ' [tag: deprecated]' : '';
      return `${i.label}${i.detail ? ` — ${i.detail}` : ''}${tags}${insert}`;
    })
    .join('\n');
}

export function renderLocations(docs: (uri: string) => TextDocument | undefined, locations: readonly Location[]): string {
  if (locations.length === 0) return 'no locations';
  return locations
    .map((l) => {
      const d = docs(l.uri);
      const text = d ? ` ${JSON.stringify(d.getText(l.range))}` : '';
      return `${rel(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}${text}`;
    })
    .join('\n');
}

export function renderSymbols(symbols: readonly DocumentSymbol[], depth = 0): string {
  if (symbols.length === 0 && depth === 0) return 'no symbols';
  return symbols
    .map((s) => {
      const self = `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} [kind ${s.kind}] line ${s.range.start.line + 1}`;
      return s.children?.length ? `${self}\n${renderSymbols(s.children, depth + 1)}` : self;
    })
    .join('\n');
}

export function renderFolding(ranges: readonly FoldingRange[]): string {
  if (ranges.length === 0) return 'no folding ranges';
  return ranges.map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`).join('\n');
}

export function renderEdit(docs: (uri: string) => TextDocument | undefined, edit: WorkspaceEdit | null): string {
  if (!edit?.changes) return 'no edit';
  const out: string[] = [];
  for (const [uri, edits] of Object.entries(edit.changes)) {
    for (const e of edits) {
      const d = docs(uri);
      out.push(
        `${rel(uri)}:${e.range.start.line + 1}:${e.range.start.character + 1} ${JSON.stringify(d ? d.getText(e.range) : '')} -> ${JSON.stringify(e.newText)}`,
      );
    }
  }
  return out.join('\n');
}

export function renderCodeActions(docs: (uri: string) => TextDocument | undefined, actions: readonly CodeAction[]): string {
  if (actions.length === 0) return 'no code actions';
  return actions.map((a) => `* ${a.title}${a.isPreferred ? ' (preferred)' : ''}\n${renderEdit(docs, a.edit ?? null).replace(/^/gm, '  ')}`).join('\n');
}
