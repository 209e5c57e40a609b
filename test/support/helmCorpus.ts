import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoPath } from './paths';

/** The templates of the valid Helm chart corpus: real shapes (defines, else-if chains, ranges, comments), for property tests. */
export function corpusTemplates(): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) visit(p);
      else if (p.split(path.sep).includes('templates')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  visit(repoPath('test', 'corpus', 'helm', 'valid'));
  return out;
}
