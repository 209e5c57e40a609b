import { URI, Utils } from 'vscode-uri';

/**
 * The chart a file belongs to, found as the server finds it: the nearest folder above the file that
 * holds Chart.yaml, at most 12 levels up. It asks `exists` (VS Code's file system, local or remote)
 * and imports nothing of VS Code, so unit tests run it under node.
 */
const MAX_LEVELS = 12;

export async function findChartRoot(file: string, exists: (uri: string) => PromiseLike<boolean>): Promise<string | undefined> {
  let dir = Utils.dirname(URI.parse(file));
  for (let depth = 0; depth < MAX_LEVELS; depth++) {
    if (await exists(Utils.joinPath(dir, 'Chart.yaml').toString())) return dir.toString();
    const parent = Utils.dirname(dir);
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}
