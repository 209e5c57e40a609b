import { type Document, isAlias, isCollection, isMap, isScalar, isSeq, parse, Scalar } from 'yaml';
import { shift } from './nodes';
import { type ParsedManifests, rescan } from './parse';

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
  const limit = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
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
  if (hasAlias(document)) return undefined;

  scalar.value = parse(source);
  (scalar as Scalar & { source?: string }).source = source;
  for (const d of parsed.documents) shift(d, oldEnd, delta);
  return rescan(parsed.documents);
}

/** The scalar (key or value) whose value range holds [from, to], and whether it sits in a flow collection. */
function scalarAround(document: Document.Parsed, from: number, to: number): { scalar: Scalar; inFlow: boolean } | undefined {
  let node: unknown = document.contents;
  let inFlow = false;
  for (let depth = 0; depth < 200; depth++) {
    const inside = (n: unknown) => {
      const r = (n as { range?: [number, number, number] } | null)?.range;
      return !!r && r[0] <= from && to <= r[1];
    };
    if (isScalar(node)) return inside(node) ? { scalar: node, inFlow } : undefined;
    if (isCollection(node) && node.flow) inFlow = true;
    if (isMap(node)) {
      const pair = node.items.find((p) => inside(p.key) || inside(p.value));
      if (!pair) return undefined;
      node = inside(pair.key) ? pair.key : pair.value;
    } else if (isSeq(node)) {
      node = node.items.find(inside);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function hasAlias(document: Document.Parsed): boolean {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) return true;
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return false;
}
