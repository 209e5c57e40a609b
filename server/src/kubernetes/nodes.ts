import { type Document, isCollection, isDocument, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

/**
 * Small readers over `yaml` nodes. Aliases and anything of an unexpected shape read as
 * `undefined`, so rules never see a half-typed document as an error of their own. One writer,
 * `shift`, moves a tree's offsets (an edit patched into a tree, a document parsed from a slice).
 */

export type YamlNode = Node | null | undefined;

export function asMap(node: unknown): YAMLMap<unknown, unknown> | undefined {
  return isMap(node) ? node : undefined;
}

/** The key/value pairs of a map whose keys are plain scalars. */
export function entries(node: unknown): Array<{ key: string; keyNode: Scalar; value: YamlNode; pair: Pair<unknown, unknown> }> {
  const map = asMap(node);
  if (!map) return [];
  const out = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    out.push({ key: String(pair.key.value), keyNode: pair.key, value: pair.value as YamlNode, pair });
  }
  return out;
}

export function pairOf(node: unknown, key: string): { keyNode: Scalar; value: YamlNode } | undefined {
  return entries(node).find((e) => e.key === key);
}

/** The node at a path of map keys. */
export function get(node: unknown, ...keys: string[]): YamlNode {
  let current: unknown = node;
  for (const key of keys) {
    const found = pairOf(current, key);
    if (!found) return undefined;
    current = found.value;
  }
  return current as YamlNode;
}

/** The items of a sequence; [] for anything else. */
export function items(node: unknown): YamlNode[] {
  return isSeq(node) ? (node.items as YamlNode[]) : [];
}

/** A scalar's value, or `undefined` for collections, aliases and missing nodes. */
export function scalar(node: unknown): string | number | boolean | null | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
}

export function str(node: unknown): string | undefined {
  const v = scalar(node);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** The string map at a node (labels, selectors), values as text. */
export function stringMap(node: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries(node)) {
    const v = scalar(e.value);
    out.set(e.key, v === null || v === undefined ? '' : String(v));
  }
  return out;
}

/** [start, end) offsets of a node's value (without trailing comments). */
export function span(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** Moves every offset at or after `from` by `delta`: nodes, documents. */
export function shift(document: Document.Parsed, from: number, delta: number): void {
  if (delta === 0) return;
  const move = (range: number[] | undefined) => {
    if (!range) return;
    for (let i = 0; i < range.length; i++) if (range[i] >= from) range[i] += delta;
  };
  move(document.range);
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    move((node as { range?: number[] }).range);
    if (isCollection(node)) stack.push(...(node.items as unknown[]));
    else if (isDocument(node)) stack.push(node.contents);
  }
}
