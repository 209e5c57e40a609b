// The real-world regression corpus (issue 12, and the Compose files of issue 15).
//
//   node scripts/corpus.mjs materialize [--mirror DIR]   copies the files and charts listed in
//       test/realworld/sources.tsv out of the local mirrors (the search tool's `fetch` puts them in
//       /work/.mirror) into .corpus/ (git-ignored: fetched files are never committed).
//   node scripts/corpus.mjs [run] [--helm PATH] [--kind K] (`npm run corpus`) runs the built CLI over
//       .corpus/ by kind (or one kind: dockerfile, manifest, chart, compose) and prints errors,
//       warnings and infos per rule with a few examples each;
//       writes .corpus/summary.json. With a helm binary (--helm or CORPUS_HELM), each chart error is
//       checked against `helm template` with default values (helmRenders in the summary).
//
// Neither is part of `npm test` or the .vsix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from 'ignore';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { extractTree, gitDirOf, hasCommit, mirrorName, readBlob, readSources } from './corpus-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '.corpus');
const sourcesFile = join(root, 'test/realworld/sources.tsv');
const args = process.argv.slice(2);
const OPTIONS = ['--mirror', '--helm', '--kind'];
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const command = args.find((a, i) => !a.startsWith('--') && !OPTIONS.includes(args[i - 1])) ?? 'run';
const mirror = option('--mirror', process.env.CORPUS_MIRROR ?? '/work/.mirror');
const helm = option('--helm', process.env.CORPUS_HELM);
const onlyKind = option('--kind', undefined);

/** Where a row lands in .corpus/: <kind>/<owner>+<name>/<path in the repository>. */
const placeOf = (row) => join(corpus, row.kind, mirrorName(row.repository), row.path);

function materialize() {
  const rows = readSources(sourcesFile);
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  const missing = [];
  const gitDirs = new Map();
  const gitDirFor = (repository) => {
    if (!gitDirs.has(repository)) gitDirs.set(repository, gitDirOf(join(mirror, mirrorName(repository))));
    return gitDirs.get(repository);
  };
  const done = [];
  for (const row of rows) {
    const gitDir = gitDirFor(row.repository);
    const miss = (reason) => missing.push({ ...row, reason });
    if (!gitDir) {
      miss(`no mirror at ${join(mirror, mirrorName(row.repository))}`);
      continue;
    }
    if (!hasCommit(gitDir, row.commit)) {
      miss(`the mirror lacks commit ${row.commit}`);
      continue;
    }
    try {
      if (row.kind === 'chart') {
        extractTree(gitDir, row.commit, row.path, placeOf(row));
      } else if (row.kind === 'subchart') {
        // `into owner/name:chart/path/charts/dep`: a dependency vendored into a listed chart.
        const [, parentRepository, target] = /^into ([^:]+):(.+)$/.exec(row.verdict) ?? [];
        extractTree(gitDir, row.commit, row.path, join(corpus, 'chart', mirrorName(parentRepository), target));
      } else {
        const dest = placeOf(row);
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, readBlob(gitDir, row.commit, row.path));
      }
      done.push(row);
    } catch (error) {
      miss(`not in that commit (${String(error.message ?? error).split('\n')[0]})`);
    }
  }
  writeFileSync(join(corpus, 'index.json'), JSON.stringify({ mirror, materialized: done, missing }, null, 2) + '\n');
  const count = (k) => done.filter((r) => r.kind === k).length;
  console.log(
    `corpus: materialized ${count('dockerfile')} dockerfiles, ${count('manifest')} manifests, ${count('chart')} charts (+${count('subchart')} vendored dependencies), ${count('compose')} compose files into ${relative(process.cwd(), corpus) || corpus}/`,
  );
  if (missing.length) {
    const repos = [...new Set(missing.map((m) => m.repository))];
    console.log(`corpus: ${missing.length} of ${rows.length} rows could not be materialized (${repos.length} repositories); see .corpus/index.json:`);
    for (const m of missing.slice(0, 10)) console.log(`  ${m.kind} ${m.repository} ${m.path}: ${m.reason}`);
    if (missing.length > 10) console.log(`  … and ${missing.length - 10} more`);
    console.log(
      `corpus: bring a missing repository with the search tool's fetch (github:owner/name); a newer snapshot needs sources.tsv remade by scripts/corpus-select.mjs`,
    );
  }
}

/**
 * The files under `dir`, sorted. With `helmignore`, each chart's (and subchart's) .helmignore
 * applies below it, so only what `helm package` and `helm template` read is listed.
 */
function filesUnder(dir, helmignore = false, ignores = []) {
  if (!existsSync(dir)) return [];
  const own = join(dir, '.helmignore');
  const here =
    helmignore && existsSync(join(dir, 'Chart.yaml')) && existsSync(own)
      ? [...ignores, { base: dir, rules: ignore().add(readFileSync(own, 'utf8')) }]
      : ignores;
  const ignored = (full, isDirectory) => here.some(({ base, rules }) => rules.ignores(relative(base, full).split(sep).join('/') + (isDirectory ? '/' : '')));
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (ignored(full, entry.isDirectory())) continue;
    if (entry.isDirectory()) out.push(...filesUnder(full, helmignore, here));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/**
 * The CLI's JSON report over the files, one run per repository: a repository is the workspace a
 * user would open, so cross-file checks (selectors, references) never mix two projects. Files are
 * named one by one because the CLI reads a named file whatever .gitignore says (.corpus/ is ignored).
 */
function lintFiles(files) {
  const byRepository = new Map();
  for (const file of files) {
    const repository = relative(corpus, file).split(sep).slice(0, 2).join('/');
    byRepository.set(repository, [...(byRepository.get(repository) ?? []), file]);
  }
  const merged = { tool: undefined, summary: { errors: 0, warnings: 0, infos: 0, hints: 0, files: 0, leftAlone: 0, skipped: 0 }, files: [], skipped: [] };
  for (const group of byRepository.values()) {
    const report = lintRepository(group);
    merged.tool ??= report.tool;
    for (const key of Object.keys(merged.summary)) merged.summary[key] += report.summary[key] ?? 0;
    merged.files.push(...report.files);
    merged.skipped.push(...report.skipped);
  }
  return merged;
}

function lintRepository(files) {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'lint', '--format', 'json', '--no-config', ...files.map((f) => relative(corpus, f))], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

const findingsOf = (report, severity) =>
  report.files.flatMap((f) =>
    f.diagnostics.filter((d) => d.severity === severity).map((d) => ({ file: f.path, line: d.line, rule: d.rule, message: d.message })),
  );

function tally(report) {
  const rules = {};
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const key = `${d.severity}\t${d.rule}`;
      rules[key] ??= { severity: d.severity, rule: d.rule, count: 0, files: new Set(), examples: [] };
      const entry = rules[key];
      entry.count++;
      entry.files.add(file.path);
      // Examples from different files first: one file repeating a finding says less.
      if (entry.examples.length < 3 && !entry.examples.some((e) => e.file === file.path))
        entry.examples.push({ file: file.path, line: d.line, message: d.message });
    }
  }
  return Object.values(rules)
    .map((r) => ({ ...r, files: r.files.size }))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count || a.rule.localeCompare(b.rule));
}

/** Which Compose features the files use (issue 15), beside what the checks report. */
function composeObservations(files) {
  const seen = {
    files: files.length,
    parsed: 0,
    services: 0,
    topLevelVersion: 0,
    build: 0,
    dependsOnLong: 0,
    extends: 0,
    profiles: 0,
    envFile: 0,
    healthcheck: 0,
    interpolation: 0,
    include: 0,
  };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let doc;
    try {
      doc = parseYaml(text, { merge: true, maxAliasCount: -1 });
      seen.parsed++;
    } catch {
      continue;
    }
    const services = Object.values(doc?.services ?? {}).filter((s) => s && typeof s === 'object');
    seen.services += services.length;
    if (doc?.version !== undefined) seen.topLevelVersion++;
    if (doc?.include !== undefined) seen.include++;
    if (/\$\{[^}]+\}/.test(text)) seen.interpolation++;
    if (services.some((s) => s.build !== undefined)) seen.build++;
    if (services.some((s) => s.depends_on && !Array.isArray(s.depends_on))) seen.dependsOnLong++;
    if (services.some((s) => s.extends !== undefined)) seen.extends++;
    if (services.some((s) => s.profiles !== undefined)) seen.profiles++;
    if (services.some((s) => s.env_file !== undefined)) seen.envFile++;
    if (services.some((s) => s.healthcheck !== undefined)) seen.healthcheck++;
  }
  return seen;
}

/**
 * What `helm template` with the chart's default values makes of each chart error: whether the
 * template holding it renders at all and, for a removed API, whether an object of that apiVersion
 * and kind comes out. An error in output helm never renders is a false alarm of the class "guarded
 * by a condition that is false by default" (values or .Capabilities).
 */
function crossCheckWithHelm(helm, errors, charts) {
  const renders = new Map();
  const render = (dir) => {
    if (!renders.has(dir)) {
      const r = spawnSync(helm, ['template', 'corpus', dir], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, HELM_CACHE_HOME: join(corpus, '.helm') },
      });
      const bySource = new Map();
      for (const part of (r.stdout ?? '').split(/^---$/m)) {
        const source = /^# Source: [^/]+\/(.+)$/m.exec(part)?.[1];
        if (source) bySource.set(source, [...(bySource.get(source) ?? []), part]);
      }
      renders.set(dir, bySource);
    }
    return renders.get(dir);
  };
  for (const error of errors) {
    const file = join(corpus, error.file);
    const top = charts.filter((dir) => file.startsWith(dir + sep)).sort((a, b) => b.length - a.length)[0];
    if (!top) continue;
    const output = render(top).get(relative(top, file).split(sep).join('/'));
    const removed = /^(\S+) (\S+) was removed/.exec(error.message);
    const objectRendered = (parts) =>
      parts.some((text) => parseAllDocuments(text).some((d) => d.get('apiVersion') === removed[1] && d.get('kind') === removed[2]));
    error.helmRenders = output === undefined ? false : removed ? objectRendered(output) : true;
  }
}

function run() {
  if (!existsSync(join(corpus, 'index.json'))) {
    console.log('corpus: .corpus/ is not there. Materialize it first: node scripts/corpus.mjs materialize');
    console.log(`corpus: that copies the files listed in test/realworld/sources.tsv out of the local mirrors (${mirror}, one git directory per`);
    console.log("corpus: repository, brought with the search tool's fetch github:owner/name); fetched files are never committed.");
    return;
  }
  if (!existsSync(join(root, 'dist/cli.js'))) {
    console.log('corpus: dist/cli.js is missing; run `npm run build` first.');
    process.exitCode = 1;
    return;
  }
  const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8'));
  if (index.missing.length)
    console.log(`corpus: ${index.missing.length} listed rows were not materialized (no mirror or no such commit); see .corpus/index.json`);
  const chartFile = /(\.ya?ml|\.tpl|(^|\/)NOTES\.txt)$/i;
  const kinds = {
    dockerfile: filesUnder(join(corpus, 'dockerfile')),
    manifest: filesUnder(join(corpus, 'manifest')),
    chart: filesUnder(join(corpus, 'chart'), true).filter((f) => chartFile.test(f)),
    compose: filesUnder(join(corpus, 'compose')),
  };
  const summary = { tool: undefined, materialized: index.materialized.length, missing: index.missing.length, kinds: {} };
  for (const [kind, files] of Object.entries(kinds)) {
    if (onlyKind && kind !== onlyKind) continue;
    const started = Date.now();
    const report = lintFiles(files);
    summary.tool ??= report.tool;
    const rules = tally(report);
    summary.kinds[kind] = {
      files: files.length,
      checked: report.summary.files,
      leftAlone: report.summary.leftAlone,
      skipped: report.skipped,
      counts: { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos, hints: report.summary.hints },
      seconds: (Date.now() - started) / 1000,
      rules,
      // Every error and warning, for the worklist (infos are counted per rule only).
      errors: findingsOf(report, 'error'),
      warnings: findingsOf(report, 'warning'),
      ...(kind === 'compose' ? { observations: composeObservations(files) } : {}),
    };
    const k = summary.kinds[kind];
    const unit = kind === 'chart' ? `files in ${index.materialized.filter((r) => r.kind === 'chart').length} charts` : 'files';
    console.log(
      `\n== ${kind}: ${files.length} ${unit}, ${k.checked} checked, ${k.leftAlone} left alone, ${report.skipped.length} skipped, ${k.seconds.toFixed(1)} s`,
    );
    console.log(`   ${k.counts.errors} errors, ${k.counts.warnings} warnings, ${k.counts.infos} infos, ${k.counts.hints} hints`);
    for (const r of rules) {
      console.log(`   ${r.severity.padEnd(7)} ${r.rule}  ${r.count} in ${r.files} files`);
      for (const e of r.examples) console.log(`            ${e.file}:${e.line} ${e.message.replace(/\s+/g, ' ').slice(0, 180)}`);
    }
    if (kind === 'compose') console.log(`   observations: ${JSON.stringify(k.observations)}`);
    if (kind === 'chart' && helm) {
      crossCheckWithHelm(
        helm,
        k.errors,
        index.materialized.filter((r) => r.kind === 'chart').map((r) => join(corpus, 'chart', mirrorName(r.repository), r.path)),
      );
      const silent = k.errors.filter((e) => e.helmRenders === false);
      console.log(`   helm template (default values): ${silent.length} of ${k.errors.length} errors sit in output helm does not render:`);
      for (const e of silent.slice(0, 10)) console.log(`            ${e.file}:${e.line} ${e.rule}`);
    }
  }
  writeFileSync(join(corpus, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log('\ncorpus: summary written to .corpus/summary.json');
}

if (command === 'materialize') materialize();
else if (command === 'run') run();
else {
  console.error(`corpus: unknown command ${command} (materialize | run)`);
  process.exitCode = 2;
}
