import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { basename, cutDeepFlowNesting, dirname, joinUri, NESTED_TOO_DEEP, relativeUri, unlessNestedTooDeep } from '../common';
import { parse, reparse, type Template, walk } from '../gotmpl';
import type { Analysis } from './analysis';
import { archiveMember, findChartRoot, type ServiceContext } from '../workspace';

/**
 * The chart model: Chart.yaml, values files, templates, subcharts and named templates, built
 * from ctx.workspace (no IO of its own) and cached per workspace generation, so file changes
 * show up on the next request without any invalidation code.
 */

export interface YamlFile {
  uri: string;
  text: string;
  doc: Document.Parsed;
  /** Syntax errors with offsets into `text`. */
  errors: Array<{ message: string; start: number; end: number }>;
}

export interface ChartModel {
  root: string;
  chartUri: string;
  chart: YamlFile | undefined;
  /** `name` from Chart.yaml, else the folder name. */
  name: string;
  type: 'application' | 'library';
  /** values.yaml first, then other values*.yaml in name order. */
  valuesFiles: YamlFile[];
  /** templates/** files (yaml, yml, tpl, txt). */
  templates: string[];
  /** Roots of the subcharts unpacked under charts/. */
  subchartRoots: string[];
  /** The chart that has this one under its charts/ folder. */
  parentRoot: string | undefined;
  /** A chart read out of a packed archive (`charts/x-1.0.0.tgz`): read-only, never diagnosed or edited. */
  packed: boolean;
}

export interface NamedTemplate {
  name: string;
  uri: string;
  /** Offsets of the quoted name and of the whole define … end block. */
  nameStart: number;
  nameEnd: number;
  start: number;
  end: number;
  /** The text between `{{ define }}` and `{{ end }}`. */
  body: string;
}

const TEMPLATE_FILE = /\.(ya?ml|tpl|txt)$/i;
/** values*.yaml beside Chart.yaml, and chart-testing's ci/*values*.yaml overrides. */
const VALUES_FILE = /^(ci\/[^/]*)?values[^/]*\.ya?ml$/i;

export function parseYamlFile(uri: string, text: string): YamlFile {
  const cut = cutDeepFlowNesting(text);
  const read = (source: string) => parseDocument(source, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false });
  let tooDeep = false;
  const doc = unlessNestedTooDeep(
    () => read(cut?.text ?? text),
    () => {
      tooDeep = true;
      return read('');
    },
  );
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }));
  if (cut) errors.unshift({ message: cut.message, start: cut.at, end: cut.at + 1 });
  if (tooDeep) errors.unshift({ message: NESTED_TOO_DEEP, start: 0, end: Math.min(1, text.length) });
  return { uri, text, doc, errors };
}

/** A file's text through the workspace (open documents win). */
function textOf(ctx: ServiceContext, uri: string): string | undefined {
  return ctx.workspace.read(uri);
}

export interface Parsed {
  text: string;
  template?: Template;
  /** The tree of the file's previous text, until this text's tree is made from it (see `treeOf`). */
  previous?: Template;
  /** Filled in by document.ts when a feature needs it (the chart index does not). */
  analysis?: Analysis;
  yaml?: YamlFile;
  /** A values file's data as plain objects, for rendering with the defaults (defaults.ts). */
  data?: unknown;
}

/**
 * Parse results of every chart file, kept across workspace generations and reused while a
 * file's text is unchanged: a disk document gets a new version on every workspace change, but
 * its text stays the same string, so an edit in one template re-parses that template only.
 */
export function parsed(ctx: ServiceContext, uri: string, text: string): Parsed {
  const all = ctx.cache.get('helm-parsed', '', 0, () => new Map<string, Parsed>());
  let entry = all.get(uri);
  if (!entry || entry.text !== text) {
    const previous = entry?.template ?? entry?.previous;
    entry = previous ? { text, previous } : { text };
    all.set(uri, entry);
  }
  return entry;
}

/** The entry's template tree, made once: re-parsed from the previous text's tree after an edit, which scans only what the edit touched. */
export function treeOf(entry: Parsed): Template {
  if (!entry.template) {
    entry.template = entry.previous ? reparse(entry.previous, entry.text) : parse(entry.text);
    entry.previous = undefined;
  }
  return entry.template;
}

/** A file's template tree only (the chart index needs no analysis of every file). */
export function templateOf(ctx: ServiceContext, uri: string): Template | undefined {
  const text = ctx.workspace.read(uri);
  if (text === undefined) return undefined;
  return treeOf(parsed(ctx, uri, text));
}

export function yamlFileOf(ctx: ServiceContext, uri: string): YamlFile | undefined {
  const text = ctx.workspace.read(uri);
  if (text === undefined) return undefined;
  const entry = parsed(ctx, uri, text);
  return (entry.yaml ??= parseYamlFile(uri, text));
}

export function chartAt(ctx: ServiceContext, root: string): ChartModel {
  return ctx.cache.get('helm-chart', root, ctx.workspace.generation, () => loadChart(ctx, root));
}

/** The chart a file belongs to (the innermost Chart.yaml above it). */
export function chartOf(ctx: ServiceContext, uri: string): ChartModel | undefined {
  // Finding the root asks the file system about every parent folder: once per generation is enough.
  const root = ctx.cache.get('helm-root', uri, ctx.workspace.generation, () => findChartRoot(ctx.workspace, uri) ?? '');
  return root ? chartAt(ctx, root) : undefined;
}

function loadChart(ctx: ServiceContext, root: string): ChartModel {
  const chartUri = joinUri(root, 'Chart.yaml');
  const chartText = textOf(ctx, chartUri);
  const chart = chartText === undefined ? undefined : yamlFileOf(ctx, chartUri);
  // Read single fields: converting the whole document could throw on alias bombs.
  const field = (key: string) => {
    const node = chart ? mapGet(chart.doc.contents, key) : undefined;
    return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
  };
  const metaName = field('name');
  const valuesFiles: YamlFile[] = [];
  const templates: string[] = [];
  const subchartRoots: string[] = [];
  // The chart's own folder, not the workspace scan: a chart finds its files wherever it lies.
  for (const uri of ctx.workspace.filesUnder(root)) {
    const rel = relativeUri(root, uri);
    if (rel === undefined) continue;
    if (VALUES_FILE.test(rel)) {
      const file = yamlFileOf(ctx, uri);
      if (file) valuesFiles.push(file);
    } else if (rel.startsWith('templates/') && TEMPLATE_FILE.test(rel)) {
      templates.push(uri);
    } else if (/^charts\/[^/]+\/Chart\.yaml$/.test(rel)) {
      subchartRoots.push(dirname(uri));
    }
  }
  subchartRoots.push(...packedCharts(ctx, root));
  valuesFiles.sort((a, b) => (basename(a.uri) === 'values.yaml' ? -1 : basename(b.uri) === 'values.yaml' ? 1 : a.uri.localeCompare(b.uri)));
  const inArchive = archiveMember(root);
  // A packed chart's folder sits in its archive, and the archive stands in the parent's charts/.
  const chartsDir = dirname(inArchive && !inArchive.member.includes('/') ? dirname(root) : root);
  const parentRoot = basename(chartsDir) === 'charts' && ctx.workspace.exists(joinUri(dirname(chartsDir), 'Chart.yaml')) ? dirname(chartsDir) : undefined;
  return {
    root,
    chartUri,
    chart,
    name: metaName ?? basename(root),
    type: field('type') === 'library' ? 'library' : 'application',
    valuesFiles,
    templates,
    subchartRoots,
    parentRoot,
    packed: inArchive !== undefined,
  };
}

/**
 * The charts packed under charts/ (`postgresql-ha-10.0.7.tgz`, as `helm dependency build` leaves
 * them): each is the archive's top folder (`postgresql-ha/Chart.yaml`). The file list of a chart
 * holds only files we analyse, so charts/ is asked directly.
 */
function packedCharts(ctx: ServiceContext, root: string): string[] {
  if (archiveMember(root)) return [];
  const entries = ctx.workspace.fs.readDirectory(joinUri(root, 'charts'));
  if ('problem' in entries) return [];
  const roots: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile || !/\.tgz$/i.test(entry.name)) continue;
    const archive = joinUri(root, 'charts', entry.name);
    for (const member of ctx.workspace.archive(archive)?.keys() ?? []) {
      const top = /^([^/]+)\/Chart\.yaml$/.exec(member);
      if (top) roots.push(joinUri(archive, top[1]));
    }
  }
  return roots.sort();
}

/** The outermost chart of a chart tree (the one `helm install` renders). */
export function topChart(ctx: ServiceContext, chart: ChartModel): ChartModel {
  let current = chart;
  for (let depth = 0; current.parentRoot && depth < 20; depth++) current = chartAt(ctx, current.parentRoot);
  return current;
}

/** The chart and every chart below it, depth first. */
export function chartTree(ctx: ServiceContext, chart: ChartModel): ChartModel[] {
  const out: ChartModel[] = [];
  const seen = new Set<string>();
  const work = [chart];
  while (work.length) {
    const c = work.pop() as ChartModel;
    if (seen.has(c.root)) continue;
    seen.add(c.root);
    out.push(c);
    for (const sub of c.subchartRoots) work.push(chartAt(ctx, sub));
  }
  return out;
}

/**
 * Named templates visible from a chart: Helm renders a chart with all its subcharts in one
 * namespace, so defines anywhere in the tree (library charts included) count.
 */
export function namedTemplates(ctx: ServiceContext, chart: ChartModel): Map<string, NamedTemplate[]> {
  const top = topChart(ctx, chart);
  return ctx.cache.get('helm-defines', top.root, ctx.workspace.generation, () => {
    const byName = new Map<string, NamedTemplate[]>();
    for (const c of chartTree(ctx, top)) {
      for (const uri of c.templates) {
        const template = templateOf(ctx, uri);
        if (!template) continue;
        walk(template.nodes, (node) => {
          if ((node.type !== 'define' && node.type !== 'block') || !node.name) return;
          const bodyStart = node.action.end;
          const bodyEnd = node.endAction?.start ?? node.end;
          const entry: NamedTemplate = {
            name: node.name,
            uri,
            nameStart: node.nameSpan.start,
            nameEnd: node.nameSpan.end,
            start: node.start,
            end: node.end,
            body: template.text.slice(bodyStart, Math.max(bodyStart, bodyEnd)),
          };
          byName.set(node.name, [...(byName.get(node.name) ?? []), entry]);
        });
      }
    }
    return byName;
  });
}

/** A values file seen from a chart: `prefix` is where the chart's `.Values` sit inside the file. */
export interface ValuesSource {
  file: YamlFile;
  prefix: string[];
  /** True for the chart's own files; false for a parent's overrides or a subchart's defaults. */
  own: boolean;
  /** For a parent's files: only `global` is shared apart from the prefix. */
  globalOnly?: boolean;
  /** For a subchart's defaults: the path under this chart's values where they apply. */
  mountedAt?: string[];
}

/**
 * Every values file that can give a chart's `.Values` a value: its own (values.yaml first), its
 * parents' (under the subchart's name, plus `global`), and its subcharts' defaults (under their names).
 */
export function valueSources(ctx: ServiceContext, chart: ChartModel): ValuesSource[] {
  return ctx.cache.get('helm-sources', chart.root, ctx.workspace.generation, () => {
    const out: ValuesSource[] = chart.valuesFiles.map((file) => ({ file, prefix: [], own: true }));
    let child = chart;
    let prefix: string[] = [];
    for (let depth = 0; child.parentRoot && depth < 20; depth++) {
      const parent = chartAt(ctx, child.parentRoot);
      prefix = [subchartKey(parent, child), ...prefix];
      for (const file of parent.valuesFiles) {
        out.push({ file, prefix, own: false });
        out.push({ file, prefix: [], own: false, globalOnly: true });
      }
      child = parent;
    }
    for (const subRoot of chart.subchartRoots) {
      const sub = chartAt(ctx, subRoot);
      for (const file of sub.valuesFiles) out.push({ file, prefix: [], own: false, mountedAt: [subchartKey(chart, sub)] });
    }
    return out;
  });
}

/** The key a subchart's values sit under in its parent: the dependency alias, else its name. */
export function subchartKey(parent: ChartModel, sub: ChartModel): string {
  for (const dep of dependencies(parent)) {
    if (dep.name === sub.name && dep.alias) return dep.alias;
  }
  return sub.name;
}

export interface Dependency {
  name: string;
  alias?: string;
  version?: string;
  repository?: string;
  /** Offsets of the dependency's `name` value in Chart.yaml. */
  start: number;
  end: number;
}

export function dependencies(chart: ChartModel): Dependency[] {
  const deps = chart.chart ? mapGet(chart.chart.doc.contents, 'dependencies') : undefined;
  if (!isSeq(deps)) return [];
  const out: Dependency[] = [];
  for (const item of deps.items) {
    if (!isMap(item)) continue;
    const name = mapGet(item, 'name');
    if (!isScalar(name) || typeof name.value !== 'string') continue;
    const str = (key: string) => {
      const v = mapGet(item, key);
      return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : undefined;
    };
    const range = name.range ?? [0, 0];
    out.push({ name: name.value, alias: str('alias'), version: str('version'), repository: str('repository'), start: range[0], end: range[1] });
  }
  return out;
}

/** Dependencies listed in Chart.yaml with no unpacked chart under charts/ (packed or not fetched): we cannot read them. */
export function unreadableDependencies(ctx: ServiceContext, chart: ChartModel): Dependency[] {
  const unpacked = new Set(chart.subchartRoots.map((root) => chartAt(ctx, root).name));
  return dependencies(chart).filter((d) => !unpacked.has(d.name));
}

/** The value node of `key` in a YAML map, or undefined. */
export function mapGet(node: unknown, key: string, doc?: Document): YamlNode | undefined {
  const pair = mapPair(node, key, doc);
  return pair ? ((pair.value ?? undefined) as YamlNode | undefined) : undefined;
}

/** Follows aliases (`*name`) to their anchored node when the document is given. */
export function deref(node: unknown, doc?: Document): unknown {
  for (let i = 0; i < 10 && doc && isAlias(node); i++) node = node.resolve(doc);
  return node;
}

/** The pair for `key` in a map, looking through merge keys (`<<: *defaults`) too. */
export function mapPair(node: unknown, key: string, doc?: Document, depth = 0): Pair<Scalar, YamlNode> | undefined {
  const map = deref(node, doc);
  if (!isMap(map) || depth > 10) return undefined;
  for (const item of (map as YAMLMap).items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Scalar, YamlNode>;
  }
  for (const merged of mergeSources(map as YAMLMap, doc)) {
    const pair = mapPair(merged, key, doc, depth + 1);
    if (pair) return pair;
  }
  return undefined;
}

/** The maps a `<<` merge key brings in. */
function mergeSources(map: YAMLMap, doc?: Document): unknown[] {
  const out: unknown[] = [];
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key) || item.key.value !== '<<') continue;
    const value = deref(item.value, doc);
    out.push(...(isSeq(value) ? value.items : [value]));
  }
  return out;
}

/** The key/value entries of a map, merged ones included (own keys first), without `<<`. */
export function mapEntries(node: unknown, doc?: Document, depth = 0): Array<{ key: string; value: YamlNode | null }> {
  const map = deref(node, doc);
  if (!isMap(map) || depth > 10) return [];
  const out: Array<{ key: string; value: YamlNode | null }> = [];
  for (const item of (map as YAMLMap).items) {
    if (isPair(item) && isScalar(item.key) && item.key.value !== '<<') out.push({ key: String(item.key.value), value: item.value as YamlNode | null });
  }
  for (const merged of mergeSources(map as YAMLMap, doc)) out.push(...mapEntries(merged, doc, depth + 1));
  return out;
}

/** The key under an offset in a YAML file, with its path from the root and its offsets. */
export function keyPathAt(file: YamlFile, offset: number): { path: string[]; start: number; end: number } | undefined {
  const path: string[] = [];
  let node: unknown = file.doc.contents;
  while (isMap(node)) {
    const pair = node.items.find(
      (p) => isScalar(p.key) && p.key.range && p.key.range[0] <= offset && offset <= ((p.value as { range?: number[] } | null)?.range?.[1] ?? p.key.range[1]),
    );
    if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
    path.push(String(pair.key.value));
    if (offset <= pair.key.range[1]) return { path, start: pair.key.range[0], end: pair.key.range[1] };
    node = pair.value;
  }
  return undefined;
}
