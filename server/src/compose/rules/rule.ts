import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { ServiceContext } from '../../workspace';
import type { SchemaProblem } from '../../yamlSchema';
import type { ComposeFile } from '../model';

/**
 * What a Compose rule is given: the file, the context (for files beside it: build contexts,
 * Dockerfiles, env files, the Compose files `docker compose` merges with it), and what
 * yaml-language-server found (YAML syntax and the schema), computed before the rules run because
 * yaml-language-server answers asynchronously and rules do not.
 */
export interface ComposeCheck {
  file: ComposeFile;
  ctx: ServiceContext;
  problems: readonly SchemaProblem[];
}

/** Every scalar value under a node (keys left out), with the mapping keys leading to it. */
export function eachValue(node: Node | null | undefined, visit: (scalar: Scalar, path: readonly string[]) => void, path: string[] = []): void {
  if (isScalar(node)) visit(node, path);
  else if (isMap(node)) {
    for (const pair of node.items) eachValue(pair.value as Node | null, visit, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
  } else if (isSeq(node)) {
    for (const item of node.items) eachValue(item as Node | null, visit, path);
  }
}
