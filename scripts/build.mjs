// Type-checks every project (tsc -b, which also emits out/ for the tests) and bundles the client,
// the server and the CLI with esbuild into dist/. `--watch` rebuilds the bundles on change.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const started = Date.now();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (!watch) {
  // The bundled Kubernetes schema (dist/schemas/); skipped when kubernetes-models has not changed.
  execFileSync(process.execPath, [join(root, 'scripts/k8sSchema.mjs')], { cwd: root, stdio: 'inherit' });
  // The bundled Compose Specification schema (dist/schemas/compose.json), copied from dclint.
  execFileSync(process.execPath, [join(root, 'scripts/composeSchema.mjs')], { cwd: root, stdio: 'inherit' });
  // The offline CRD catalog (dist/schemas/crd-catalog/), from @kubernetes-models/*; skipped per package when current.
  execFileSync(process.execPath, [join(root, 'scripts/crdCatalog.mjs')], { cwd: root, stdio: 'inherit' });
  console.log('build: tsc -b (type-check, emit out/ for tests)');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'inherit' });
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // yaml-language-server and its jsonc-parser bundle cleanly only from their ESM entry points (the
  // UMD builds require files by computed paths esbuild cannot follow).
  mainFields: ['module', 'main'],
  sourcemap: true,
  define: { CONTAINER_NOTES_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

const entries = [
  { entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'] },
  { entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server-main.js') },
  { entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(root, 'dist/cli.js') },
];

/** The server's entry point; it runs dist/server-main.js. */
const START = { entryPoints: [join(root, 'server/src/start.ts')], outfile: join(root, 'dist/server.js') };

if (watch) {
  for (const entry of [...entries, START]) await (await esbuild.context({ ...common, ...entry })).watch();
  console.log('build: watching client, server and cli');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  for (const entry of entries) asciiOnly(entry.outfile);
  // The entry point names the server bundle's code cache by the bundle's hash (server/src/start.ts).
  const serverMain = createHash('sha256')
    .update(readFileSync(join(root, 'dist/server-main.js')))
    .digest('hex');
  await esbuild.build({ ...common, ...START, define: { ...common.define, SERVER_MAIN_SHA256: JSON.stringify(serverMain) } });
  asciiOnly(START.outfile);
  for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, bin), 0o755);
  console.log(`build: dist/extension.js, dist/server.js (server-main.js), dist/cli.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals
 * and comments (a few in markdown-it, the Compose duration syntax, ours). One such character makes
 * V8 hold the whole 3 MB bundle source as a two-byte string: 6 MB in every server process, and
 * again in its index worker. Escaping them as \uXXXX keeps the meaning in regular expressions
 * (with or without the u flag, a surrogate pair escaped is the same character) and in comments.
 * A non-ASCII character right after a backslash would change meaning, so the build stops on one.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a backslash before a non-ASCII character; escape it in the source`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
