// `npm test`: builds (so the LSP tests run the real dist/server.js), then runs every
// out/test/**/*.test.js with node's test runner. The VS Code suites (test/vscode, test/e2e) run
// separately through `npm run test:vscode` / `npm run test:e2e`.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (!args.includes('--no-build')) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const filters = args.filter((a) => !a.startsWith('--'));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'vscode' && name !== 'e2e') walk(p);
    } else if (name.endsWith('.test.js') && (filters.length === 0 || filters.some((f) => p.includes(f)))) {
      files.push(p);
    }
  }
};
walk(join(root, 'out/test'));
files.sort();
console.log(`test: ${files.length} files: ${files.map((f) => relative(join(root, 'out/test'), f)).join(', ')}`);
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
