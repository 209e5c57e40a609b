import * as path from 'node:path';

/** The repository root, from the compiled test location out/test/support. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function repoPath(...segments: string[]): string {
  return path.join(REPO_ROOT, ...segments);
}
