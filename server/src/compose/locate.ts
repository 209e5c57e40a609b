import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';

/** What sits at an offset of a Compose file. */
export interface Located {
  /** The mapping keys from the root down to the node (sequence positions dropped): `services, web, ports`. */
  path: string[];
  /** The scalar under the cursor: a key, or a value. */
  node: Scalar;
  isKey: boolean;
  /** True when the node is an item of a sequence (`depends_on: [db]`), not a mapping value. */
  inSequence: boolean;
}

const contains = (node: Node | null | undefined, offset: number): node is Node => !!node?.range && node.range[0] <= offset && offset <= node.range[1];

/** The scalar key or value at `offset`, with its path; `undefined` between nodes. */
export function locate(root: Node | null | undefined, offset: number): Located | undefined {
  let node: Node | null | undefined = root;
  const path: string[] = [];
  let inSequence = false;
  while (node) {
    if (isScalar(node)) return contains(node, offset) ? { path, node, isKey: false, inSequence } : undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => contains(p.key as Node, offset) || contains(p.value as Node, offset));
      if (!pair || !isScalar(pair.key)) return undefined;
      const key = String(pair.key.value);
      if (contains(pair.key, offset)) return { path: [...path, key], node: pair.key, isKey: true, inSequence: false };
      path.push(key);
      node = pair.value as Node | null;
      inSequence = false;
    } else if (isSeq(node)) {
      node = node.items.find((i) => contains(i as Node, offset)) as Node | undefined;
      inSequence = true;
    } else {
      return undefined;
    }
  }
  return undefined;
}
