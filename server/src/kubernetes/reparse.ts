import { type Document, isAlias, isCollection, isMap, isScalar, isSeq, parse, Scalar } from 'yaml';
import { changedSpan } from '../common';
import { shift } from './nodes';
import { MAX_MANIFEST_CHARS, parseManifests, type ParsedManifests, rescan } from './parse';

/**
 * A manifest file parsed in pieces: one per `---` document marker. The `yaml` lexer ends every
 * scalar, flow collection and block at such a line, so each piece parses to exactly the documents
 * a parse of the whole file gives there. After an edit only the pieces whose text changed are
 * parsed again; the others keep their trees, moved to their new offsets. A 2,000-line file of 45
 * objects re-parses one object's lines per keystroke instead of all of them.
 */
export interface PiecewiseParse {
  text: string;
  parsed: ParsedManifests;
  pieces: Piece[];
}

interface Piece {
  start: number;
  end: number;
  parsed: ParsedManifests;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Parses `text`, reusing what `previous` (the same file's last parse, which is modified in place
 * and must have no other holder) has for every piece the edit left alone.
 */
export function parsePiecewise(text: string, previous?: PiecewiseParse): PiecewiseParse {
  // Oversized or binary text gets parseManifests' single finding; directives (`%YAML`) belong to
  // the document after them, across a piece boundary: parsed whole.
  if (text.length > MAX_MANIFEST_CHARS || text.includes('\u0000') || /^%/m.test(text)) return whole(text);
  const unused = new Map<string, Piece[]>();
  for (const piece of previous?.pieces ?? []) {
    const key = previous!.text.slice(piece.start, piece.end);
    unused.set(key, [...(unused.get(key) ?? []), piece]);
  }
  const bounds = pieceStarts(text);
  const pieces = bounds.map((start, i): { start: number; end: number; parsed?: ParsedManifests } => {
    const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
    const old = unused.get(text.slice(start, end))?.shift();
    if (!old) return { start, end };
    moveBy(old.parsed, start - old.start);
    return { start, end, parsed: old.parsed };
  });
  // The usual edit stays inside one piece: if it changes one scalar, its tree is patched in place.
  const changed = pieces.filter((p) => !p.parsed);
  const replaced = [...unused.values()].flat();
  if (previous && changed.length === 1 && replaced.length === 1) changed[0].parsed = patchParse(previous.text, replaced[0].parsed, text);
  for (const piece of pieces) {
    if (piece.parsed) continue;
    piece.parsed = parseManifests(text.slice(piece.start, piece.end));
    moveBy(piece.parsed, piece.start);
  }
  const parsedPieces = pieces as Piece[];
  return {
    text,
    pieces: parsedPieces,
    parsed: {
      documents: parsedPieces.flatMap((p) => p.parsed.documents),
      objects: parsedPieces.flatMap((p) => p.parsed.objects),
      problems: parsedPieces.flatMap((p) => p.parsed.problems),
      brokenKinds: parsedPieces.flatMap((p) => p.parsed.brokenKinds),
    },
  };
}

function whole(text: string, parsed = parseManifests(text)): PiecewiseParse {
  return { text, parsed, pieces: [{ start: 0, end: text.length, parsed }] };
}

function pieceStarts(text: string): number[] {
  const starts = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let m = DOCUMENT_START.exec(text); m; m = DOCUMENT_START.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts;
}

/** Moves a piece's trees and findings by `delta` characters. */
function moveBy(parsed: ParsedManifests, delta: number): void {
  if (delta === 0) return;
  for (const d of parsed.documents) shift(d, 0, delta);
  for (const p of parsed.problems) {
    p.start += delta;
    p.end += delta;
  }
}

/**
 * Re-parsing a large file on every keystroke costs hundreds of milliseconds, while most edits
 * change one plain scalar on one line (a value, a description, an image tag). Such an edit is
 * applied to the previous tree instead: the scalar gets its new value and every offset after it
 * moves by the length difference. Anything else — a new line, a bracket, a colon, a quote, a
 * document with syntax errors or aliases — returns `undefined` and the caller parses afresh.
 *
 * The previous tree is modified in place; the caller must hold it as its only copy.
 */

const MAX_EDIT = 256;
/** Characters that could turn a plain scalar into structure (or a comment, tag, anchor, quote). */
const STRUCTURAL = /[#,[\]{}&*!|>'"%@`\t\r\n]/;

/** Whether text could be more than plain scalar characters; `:` is harmless in block context unless a space follows. */
function unsafe(text: string, inFlow: boolean): boolean {
  return STRUCTURAL.test(text) || (inFlow ? text.includes(':') : /:( |$)/.test(text));
}

export function patchParse(oldText: string, parsed: ParsedManifests, text: string): ParsedManifests | undefined {
  if (parsed.problems.some((p) => p.code === 'yaml-syntax') || parsed.documents.length === 0) return undefined;
  const { prefix, suffix } = changedSpan(oldText, text);
  const oldEnd = oldText.length - suffix;
  const newEnd = text.length - suffix;
  if (oldEnd - prefix > MAX_EDIT || newEnd - prefix > MAX_EDIT) return undefined;
  const document = parsed.documents.find((d) => d.range[0] <= prefix && oldEnd <= d.range[2]);
  const found = document && scalarAround(document, prefix, oldEnd);
  const scalar = found?.scalar;
  if (!document || !found || !scalar?.range || scalar.type !== Scalar.PLAIN) return undefined;
  if (unsafe(oldText.slice(prefix, oldEnd), found.inFlow) || unsafe(text.slice(prefix, newEnd), found.inFlow)) return undefined;
  const [start, end] = scalar.range;
  // The edit must stay inside the scalar; a pure insertion before its first character could
  // belong to whatever precedes it, so that case is parsed afresh.
  if (!(start <= prefix && oldEnd <= end && (start < prefix || oldEnd > prefix))) return undefined;
  const delta = newEnd - prefix - (oldEnd - prefix);
  const source = text.slice(start, end + delta);
  if (source.trim() !== source || source.length === 0 || source === '<<' || unsafe(source, found.inFlow) || /^[-?]( |$)/.test(source)) return undefined;
  if (hasAlias(document, oldText)) return undefined;

  scalar.value = parse(source);
  (scalar as Scalar & { source?: string }).source = source;
  for (const d of parsed.documents) shift(d, oldEnd, delta);
  // Another document of the piece (after a `...` end marker) was not looked at for aliases.
  if (found.isKey || parsed.documents.length > 1) return rescan(parsed.documents);
  // A value's edit leaves every key as it was: the duplicate keys, a clean document's only
  // problems, stay; they move with the text (no walk of a large tree for them).
  for (const p of parsed.problems) {
    if (p.start < oldEnd) continue;
    p.start += delta;
    p.end += delta;
  }
  return rescan(parsed.documents, parsed.problems);
}

/** The scalar (key or value) whose value range holds [from, to], whether it is a key, and whether it sits in a flow collection. */
function scalarAround(document: Document.Parsed, from: number, to: number): { scalar: Scalar; isKey: boolean; inFlow: boolean } | undefined {
  let node: unknown = document.contents;
  let inFlow = false;
  let isKey = false;
  for (let depth = 0; depth < 200; depth++) {
    const inside = (n: unknown) => {
      const r = (n as { range?: [number, number, number] } | null)?.range;
      return !!r && r[0] <= from && to <= r[1];
    };
    if (isScalar(node)) return inside(node) ? { scalar: node, isKey, inFlow } : undefined;
    if (isCollection(node) && node.flow) inFlow = true;
    if (isMap(node)) {
      const pair = node.items.find((p) => inside(p.key) || inside(p.value));
      if (!pair) return undefined;
      isKey = inside(pair.key);
      node = isKey ? pair.key : pair.value;
    } else if (isSeq(node)) {
      node = node.items.find(inside);
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Whether the document holds an alias; one without a `*` in its text (the one it was parsed from) holds none, and is not walked. */
function hasAlias(document: Document.Parsed, text: string): boolean {
  if (!text.slice(document.range[0], document.range[2]).includes('*')) return false;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return true;
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return false;
}
