// `npm run package`: builds a .vsix offline with @vscode/vsce (3.9.x runs on Node 20). Everything
// the extension runs is bundled into dist/, so vsce's npm dependency walk is off (--no-dependencies)
// and .vscodeignore lists what goes in. Run `npm run build` first; `--out <file>` picks the path.
// Fails when the .vsix is over MAX_VSIX_BYTES.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/**
 * The .vsix stays at most 4 MB (issue 15) with every bundled Kubernetes version and the CRD catalog
 * in it: each schema added costs every user's download and install, so growth must be a choice.
 */
const MAX_VSIX_BYTES = 4_000_000;
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, `${pkg.name}-${pkg.version}.vsix`);

for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js']) {
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
const size = statSync(out).size;
const kib = size / 1024;
const shown = relative(process.cwd(), out) || out;
console.log(`package: ${shown} ${kib >= 1024 ? `${(kib / 1024).toFixed(2)} MiB` : `${kib.toFixed(0)} KiB`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (size > MAX_VSIX_BYTES) {
  console.error(`package: ${shown} is ${size} bytes, over the ${MAX_VSIX_BYTES}-byte limit; share more between the bundled schemas or bundle fewer.`);
  process.exit(1);
}
