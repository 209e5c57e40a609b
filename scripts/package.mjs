// `npm run package`: builds a .vsix offline with @vscode/vsce (3.9.x runs on Node 20). Everything
// the extension runs is bundled into dist/, so vsce's npm dependency walk is off (--no-dependencies)
// and .vscodeignore lists what goes in. Run `npm run build` first; `--out <file>` picks the path.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, `${pkg.name}-${pkg.version}.vsix`);

for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
  if (!existsSync(join(root, bundle))) {
    console.error(`package: ${bundle} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

const started = Date.now();
execFileSync(
  process.execPath,
  [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', out],
  // stdin closed: vsce never waits on a prompt.
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 120_000 },
);
const kib = statSync(out).size / 1024;
console.log(
  `package: ${relative(process.cwd(), out) || out} ${kib >= 1024 ? `${(kib / 1024).toFixed(2)} MiB` : `${kib.toFixed(0)} KiB`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
