// How many common Compose mistakes the checks catch: each Compose file of the real-world corpus
// (.corpus/compose, see scripts/corpus.mjs) is copied three times with one mistake each, and the
// built CLI lints the originals and the mutants. A mutant counts as caught when it has more
// findings of the expected rule than its original (so findings the original already had, such as
// services its base file defines, do not count).
//
//   node scripts/composeMutations.mjs [folder]      (default .corpus/compose; run `npm run build` first)
//
// The mistakes, in the first service of each file that is a mapping:
//   misspelt-key   a key of the service with two letters swapped (image → imgae)  → compose/schema
//   unknown-service depends_on gains a service nobody defines                     → compose/unknown-service
//   bad-port       ports gains "70000:80"                                          → compose/invalid-port
//
// Not part of `npm test`: the corpus is not in the repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const source = process.argv[2] ?? join(root, '.corpus', 'compose');
const schema = JSON.parse(readFileSync(join(dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json'), 'utf8'));
const serviceKeys = new Set(Object.keys(schema.definitions.service.properties));

const EXPECTED = { 'misspelt-key': 'compose/schema', 'unknown-service': 'compose/unknown-service', 'bad-port': 'compose/invalid-port' };

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.ya?ml$/i.test(name) ? [full] : [];
  });
}

/** Two neighbouring letters swapped, or the last one dropped, giving no key the schema knows. */
function misspell(key) {
  for (let i = 1; i < key.length - 1; i++) {
    const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
    if (swapped !== key && !serviceKeys.has(swapped)) return swapped;
  }
  return serviceKeys.has(key.slice(0, -1)) ? `${key}x` : key.slice(0, -1);
}

/** The mutants of one file's text, by mistake; a mistake that does not apply is left out. */
function mutants(text) {
  const make = (edit) => {
    const doc = parseDocument(text, { keepSourceTokens: false });
    const services = doc.get('services', true);
    const pair = isMap(services) ? services.items.find((p) => isScalar(p.key) && !String(p.key.value).startsWith('x-') && isMap(p.value)) : undefined;
    if (!pair || doc.errors.length) return undefined;
    return edit(pair) === false ? undefined : String(doc);
  };
  return {
    'misspelt-key': make((pair) => {
      const key = pair.value.items.find((p) => isScalar(p.key) && serviceKeys.has(String(p.key.value)))?.key;
      if (!key) return false;
      key.value = misspell(String(key.value));
    }),
    'unknown-service': make((pair) => {
      const dependsOn = pair.value.get('depends_on', true);
      if (isSeq(dependsOn)) dependsOn.add('ghost-service');
      else if (isMap(dependsOn)) dependsOn.set('ghost-service', { condition: 'service_started' });
      else pair.value.set('depends_on', ['ghost-service']);
    }),
    'bad-port': make((pair) => {
      const ports = pair.value.get('ports', true);
      if (isSeq(ports)) ports.add('70000:80');
      else pair.value.set('ports', ['70000:80']);
    }),
  };
}

const files = filesUnder(source).sort();
if (files.length === 0) {
  console.log(`compose mutations: no Compose files under ${source}; materialize the corpus first (scripts/corpus.mjs).`);
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'cn-mutations-'));
const cases = [];
files.forEach((file, i) => {
  const text = readFileSync(file, 'utf8');
  const name = basename(file);
  const write = (variant, content) => {
    const path = join(work, String(i), variant, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return relative(work, path).split(sep).join('/');
  };
  const original = write('original', text);
  for (const [kind, mutated] of Object.entries(mutants(text))) {
    if (mutated !== undefined) cases.push({ file: relative(source, file), kind, original, mutant: write(kind, mutated) });
  }
});

const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'lint', '--format', 'json', '--no-config', '.'], {
  cwd: work,
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited ${run.status}: ${run.stderr}`);
const report = JSON.parse(run.stdout);
const findings = new Map(report.files.map((f) => [f.path, f.diagnostics]));
const count = (path, rule) => (findings.get(path) ?? []).filter((d) => d.rule === rule).length;

const byKind = {};
const missed = [];
for (const c of cases) {
  const rule = EXPECTED[c.kind];
  const caught = count(c.mutant, rule) > count(c.original, rule);
  byKind[c.kind] ??= { attempted: 0, caught: 0 };
  byKind[c.kind].attempted++;
  if (caught) byKind[c.kind].caught++;
  else missed.push(c);
}
const percent = (k) => ((100 * k.caught) / k.attempted).toFixed(1);
console.log(`compose mutations: ${files.length} files, ${cases.length} mutants`);
for (const [kind, k] of Object.entries(byKind)) console.log(`  ${kind.padEnd(16)} ${k.caught}/${k.attempted} caught (${percent(k)} %) by ${EXPECTED[kind]}`);
const total = Object.values(byKind).reduce((a, k) => ({ attempted: a.attempted + k.attempted, caught: a.caught + k.caught }), { attempted: 0, caught: 0 });
console.log(`  ${'all'.padEnd(16)} ${total.caught}/${total.attempted} caught (${percent(total)} %)`);
for (const m of missed.slice(0, 10)) console.log(`  missed ${m.kind}: ${m.file}`);
rmSync(work, { recursive: true, force: true });
