// Type-checks every project (tsc -b, which also emits out/ for the tests) and bundles the client,
// the server and the CLI with esbuild into dist/. `--watch` rebuilds the bundles on change.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
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
  { entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server.js') },
  { entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(root, 'dist/cli.js') },
];

if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
  console.log('build: watching client, server and cli');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, bin), 0o755);
  console.log(`build: dist/extension.js, dist/server.js, dist/cli.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
