// Copies the Compose Specification JSON Schema into the bundle, offline, from an npm package.
//
//   node scripts/composeSchema.mjs [--out dist/schemas] [--force]
//
// Writes `<out>/compose.json`: the schema as the package ships it, with `x-source` naming the
// package, its version and licence, and the file's upstream. The schema is a pure function of the
// package version, so the copy is skipped when its `x-source` already names the installed one.
//
// Where it comes from: `dclint` (a Compose linter, MIT) ships the Compose Specification's own schema
// (compose-spec/compose-spec, schema/compose-spec.json, Apache-2.0) as `schemas/compose.schema.json`
// and keeps it current. docs/decisions.md ("yaml-language-server in-process") says why this package.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const outDir = join(root, args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist/schemas');
const outFile = join(outDir, 'compose.json');

const packageDir = dirname(require.resolve('dclint/package.json'));
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const stamp = `${pkg.name}@${pkg.version} schemas/compose.schema.json (package licence ${pkg.license}; upstream compose-spec/compose-spec schema/compose-spec.json, Apache-2.0)`;

const current = () => {
  try {
    return JSON.parse(readFileSync(outFile, 'utf8'))['x-source'] === stamp;
  } catch {
    return false;
  }
};

if (!args.includes('--force') && existsSync(outFile) && current()) {
  console.log(`compose schema: ${relative(root, outFile)} is up to date (${pkg.name}@${pkg.version})`);
} else {
  const schema = JSON.parse(readFileSync(join(packageDir, 'schemas/compose.schema.json'), 'utf8'));
  if (schema.title !== 'Compose Specification' || !schema.properties?.services) {
    throw new Error(`compose schema: ${pkg.name}@${pkg.version} no longer ships the Compose Specification schema where expected`);
  }
  mkdirSync(outDir, { recursive: true });
  // Keys in the order the schema has them, `x-source` first so a reader sees the provenance.
  writeFileSync(outFile, JSON.stringify({ 'x-source': stamp, ...schema }) + '\n');
  console.log(`compose schema: ${relative(root, outFile)} from ${pkg.name}@${pkg.version}, ${Object.keys(schema.definitions ?? {}).length} definitions`);
}
