import { type Document, parseAllDocuments, type YAMLError } from 'yaml';
import { shift } from './nodes';

/**
 * YAML syntax errors: the problem shown for one, and the recovery of the rest of its document.
 *
 * A document being typed is broken most of the time (`vol` on its own line, an unclosed `{` or
 * quote, a tab). The parser's own best-effort tree is no good to read: it joins an unfinished
 * key with the next line's key (`vol restartPolicy`), re-nests every line after a tab, and lets
 * an unclosed quote swallow the next documents, so hovers and checks below the error would read
 * keys that are not there. Instead the text that broke the document is read as blank (same
 * offsets) and the document parsed again: the text from the error to the end of its line, and
 * the lines nested under that line (a key without its colon takes its block with it). What is
 * left is the document as it reads without the unfinished line.
 */

/**
 * Duplicate keys are found in one pass by the caller; the parser's own check is quadratic per
 * map. `<<` merge keys are read as YAML 1.1 tools (kubectl) read them.
 */
export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, merge: true } as const;

/** Blanking rounds per document before giving up (each one parses the document again). */
const MAX_ROUNDS = 8;
/**
 * Larger documents (generated CRDs) are not recovered: parsing one again on every keystroke
 * while it is broken would double the wait for everything else in the file.
 */
export const MAX_RECOVERED_CHARS = 512 * 1024;

/** The document's objects read again without the text that broke it. */
export interface Recovery {
  /** One or more documents (an unclosed quote may have swallowed the `---` of the next). */
  documents: Document.Parsed[];
  /** The [start, end) spans read as blank, in file offsets. */
  blanked: Array<[number, number]>;
}

/** The problem shown for a document's first error: on its first line, at the opener of an unclosed bracket or quote. */
export function describeError(text: string, error: YAMLError): { start: number; end: number; message: string } {
  const opener = unclosedAt(text, error.pos[0], error.message);
  if (opener !== undefined) {
    const char = text[opener];
    const closer = char === '[' ? ']' : char === '{' ? '}' : char;
    return { start: opener, end: opener + 1, message: `YAML syntax error: this "${char}" is never closed; add "${closer}" where the value ends.` };
  }
  const start = error.pos[0];
  const line = lineAt(text, start);
  // A range running into the next line points at a key that is fine; the error is on this one.
  const end = Math.max(Math.min(error.pos[1], line.end), start + 1);
  return { start, end, message: syntaxMessage(error, text.slice(start, line.end).trim()) };
}

/**
 * The document again, without the text that broke it; `undefined` when blanking does not make
 * it parse (or the break sits on a `---` line) within a few rounds, or the document is too large.
 */
export function recover(text: string, document: Document.Parsed): Recovery | undefined {
  const [start, , end] = document.range;
  if (end - start > MAX_RECOVERED_CHARS) return undefined;
  let source = text.slice(start, end);
  const blanked: Array<[number, number]> = [];
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const documents = parseAllDocuments(source, PARSE_OPTIONS);
    const error = documents.find((d) => d.errors.length > 0)?.errors[0];
    if (!error) {
      // The documents were parsed from a slice; their offsets are moved to the file's.
      for (const d of documents) shift(d, 0, start);
      return { documents, blanked: blanked.map(([from, to]) => [from + start, to + start]) };
    }
    const span = brokenSpan(source, error);
    if (!span || round === MAX_ROUNDS) return undefined;
    source = source.slice(0, span[0]) + source.slice(span[0], span[1]).replace(/[^\r\n]/g, ' ') + source.slice(span[1]);
    blanked.push(span);
  }
  return undefined;
}

/** The text an error breaks: from the error (or the unclosed opener) to the end of its line, and the lines nested under that line. */
function brokenSpan(source: string, error: YAMLError): [number, number] | undefined {
  const at = unclosedAt(source, error.pos[0], error.message) ?? error.pos[0];
  const line = lineAt(source, at);
  const lineText = source.slice(line.start, line.end);
  if (/^(---|\.\.\.)(\s|$)/.test(lineText) || source.slice(at, line.end).trim() === '') return undefined;
  let end = line.end;
  const indentation = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  // Under a tab-indented line, depth cannot be told by columns: only the line itself goes.
  if (!indentation.includes('\t')) {
    for (let from = source.indexOf('\n', line.end) + 1; from > 0 && from < source.length; from = source.indexOf('\n', from) + 1) {
      const next = lineAt(source, from);
      const nested = /^[ \t]*(?=[^ \t])/.exec(source.slice(next.start, next.end));
      if (!nested) continue;
      if (nested[0].length <= indentation.length) break;
      end = next.end;
    }
  }
  return [at, end];
}

/** The [start, end) of the line holding `offset`, without its line break. */
function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/**
 * The parser notices an unclosed `[`, `{` or quote only where the next line starts; the useful
 * place is the opener itself, found by scanning back from there.
 */
function unclosedAt(text: string, at: number, message: string): number | undefined {
  const flow = /end with a ([\]}])/.exec(message);
  const quote = /Missing closing (["'])quote/.exec(message);
  if (flow) {
    const [open, close] = flow[1] === ']' ? ['[', ']'] : ['{', '}'];
    let depth = 0;
    for (let i = at - 1; i >= 0 && i > at - 100000; i--) {
      if (text[i] === close) depth++;
      else if (text[i] === open && depth-- === 0) return i;
    }
  } else if (quote) {
    const opener = text.lastIndexOf(quote[1], at - 1);
    if (opener >= 0) return opener;
  }
  return undefined;
}

function syntaxMessage(error: YAMLError, line: string): string {
  if (error.code === 'TAB_AS_INDENT') return 'YAML does not allow tabs for indentation; indent with spaces.';
  if (error.message.includes('call stack')) return 'This document nests too deeply to be checked; flatten it.';
  // A word alone on its line, followed by more keys: the key being typed.
  const unfinishedKey = error.code === 'MULTILINE_IMPLICIT_KEY' || error.message.startsWith('Implicit map keys need to be followed by map values');
  if (unfinishedKey && /^[^\s:#"'[{][^:#]{0,60}$/.test(line)) return `YAML syntax error: "${line}" has no colon; write it as "${line}: value", or remove it.`;
  const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax error: ${first}.`.replace(/\.\.$/, '.');
}
