import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A temporary folder filled from `relative path → content`; `remove()` deletes it. */
export function tempTree(files: Record<string, string | Buffer>): { dir: string; file: (rel: string) => string; remove: () => void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cn-tree-')));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { dir, file: (rel) => path.join(dir, rel), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
