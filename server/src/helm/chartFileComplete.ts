import { type CompletionItem, CompletionItemKind, InsertTextFormat, type Position } from 'vscode-languageserver-types';
import { basename, dirname, rangeOf } from '../common';
import type { SourceDocument } from '../workspace';
import snippetTable from './data/chartSnippets.json';

/**
 * Completion in Chart.yaml: the whole-file skeleton where the file (or its first document) is still
 * empty, and a dependency entry under `dependencies:`. Editor snippets cannot be limited to one
 * file name, so these live here as data (data/chartSnippets.json, in VS Code's snippet format)
 * and are offered only where they fit.
 */

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS = snippetTable as Record<string, Snippet>;
const SKELETON = SNIPPETS['Chart.yaml'];
const DEPENDENCY = SNIPPETS['Chart.yaml dependency'];

const BLANK_OR_COMMENT = /^\s*(#.*)?$/;

export function completeChartFile(src: SourceDocument, pos: Position): CompletionItem[] {
  const lines = src.doc.getText().split(/\r?\n/);
  const before = (lines[pos.line] ?? '').slice(0, pos.character);
  const word = /[\w-]*$/.exec(before)?.[0] ?? '';
  const range = rangeOf(src.doc, src.doc.offsetAt(pos) - word.length, src.doc.offsetAt(pos));
  const item = (label: string, snippet: Snippet, text: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail: snippet.description,
    textEdit: { range, newText: text },
    insertTextFormat: InsertTextFormat.Snippet,
  });
  if (/^[\w-]*$/.test(before) && lines.every((l, i) => i === pos.line || BLANK_OR_COMMENT.test(l))) {
    // The chart is named after its folder, as `helm create` does; done here so any client gets it.
    const folder = basename(dirname(src.doc.uri)).replace(/[$}\\]/g, '\\$&');
    return [item('Chart.yaml', SKELETON, SKELETON.body.join('\n').replace(/\$\{TM_DIRECTORY[^}]*\}/, folder))];
  }
  const entry = dependencyEntry(lines, pos.line, before);
  if (entry === undefined) return [];
  // After a typed `- ` the entry continues the item; its other lines keep their indent under it.
  const body = entry === 'item' ? [DEPENDENCY.body[0].replace(/^- /, ''), ...DEPENDENCY.body.slice(1)] : DEPENDENCY.body;
  return [item('dependency', DEPENDENCY, body.join('\n'))];
}

/**
 * Whether the line can start a dependency entry: under the root key `dependencies:`, either after a
 * typed `- ` (`'item'`) or at the column of the entries above (`'entry'`, any indent of at most two
 * columns when there are none yet).
 */
function dependencyEntry(lines: readonly string[], line: number, before: string): 'item' | 'entry' | undefined {
  const typed = /^(\s*)(-\s+)?[\w-]*$/.exec(before);
  if (!typed) return undefined;
  let itemColumn: number | undefined;
  let parent: string | undefined;
  for (let i = line - 1; i >= 0 && parent === undefined; i--) {
    const text = lines[i];
    if (BLANK_OR_COMMENT.test(text)) continue;
    const dash = /^(\s*)-/.exec(text);
    if (dash) itemColumn ??= dash[1].length;
    else if (/^\S/.test(text)) parent = text;
  }
  if (!parent || !/^dependencies\s*:\s*$/.test(parent)) return undefined;
  if (typed[2]) return 'item';
  const indent = typed[1].length;
  return indent === (itemColumn ?? indent) && indent <= (itemColumn ?? 2) ? 'entry' : undefined;
}
