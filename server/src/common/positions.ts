import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Every position conversion goes through here. LSP columns are UTF-16 code units, which is also
 * what JavaScript string indices count, so offsets into `doc.getText()` and LSP characters agree
 * even for the Chinese text in the notes.
 */
export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function offsetOf(doc: TextDocument, pos: Position): number {
  return doc.offsetAt(pos);
}

/** The range of line `line` (0-based) without its line break. */
export function lineRange(doc: TextDocument, line: number): Range {
  const start = doc.offsetAt({ line, character: 0 });
  const text = doc.getText();
  // Found by the regular-expression engine, not a loop here: a generated line can be a megabyte long.
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = start;
  const end = lineBreak.exec(text)?.index ?? text.length;
  return rangeOf(doc, start, end);
}

export function lineText(doc: TextDocument, line: number): string {
  return doc.getText(lineRange(doc, line));
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** Line starts of a text, for fast offset → line/column without a TextDocument. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

/**
 * The first index in [0, length) at which `reached` holds, or `length`; `reached` must be false up
 * to some index and true from there on (the lower bound of a sorted list).
 */
export function firstIndexWhere(length: number, reached: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function positionInText(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/**
 * The position moved inside the document: a client may send a line past the end or a negative
 * one, and services read lines by those numbers. LSP requests pass through this before a service.
 */
export function insideDocument(doc: TextDocument, pos: Position): Position {
  return doc.positionAt(doc.offsetAt(pos));
}
