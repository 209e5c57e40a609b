import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import type { KubeObject, ParsedManifests } from './parse';
import { span } from './nodes';

/** What sits at an offset: the object, the key path from its root (sequence indices dropped), and the scalar hit. */
export interface Location {
  obj: KubeObject;
  path: string[];
  node: Scalar;
  /** The hit is a map key (else a value). */
  isKey: boolean;
}

const MAX_DEPTH = 100;

function within(node: unknown, offset: number): boolean {
  const s = span(node);
  return !!s && offset >= s[0] && offset <= s[1];
}

export function locate(parsed: ParsedManifests, offset: number): Location | undefined {
  // List items come after their List, and the innermost object wins.
  const obj = [...parsed.objects].reverse().find((o) => within(o.node, offset));
  if (!obj) return undefined;
  let node: unknown = obj.node;
  const path: string[] = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (within(p.key, offset) || within(p.value, offset)));
      if (!pair || !isScalar(pair.key)) return undefined;
      const key = String(pair.key.value);
      if (within(pair.key, offset)) return { obj, path: [...path, key], node: pair.key, isKey: true };
      path.push(key);
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items.find((item) => within(item, offset));
    } else if (isScalar(node)) {
      return { obj, path, node, isKey: false };
    } else {
      return undefined;
    }
  }
  return undefined;
}
