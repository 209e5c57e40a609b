import { basename, relativeUri, yamlData } from '../common';
import { servesApi, targetVersion } from '../kubernetes';
import type { ServiceContext } from '../workspace';
import { chartAt, type ChartModel, parsed, subchartKey } from './chart';
import { UNKNOWN } from './evaluate';

/**
 * What a template sees when Helm renders it with the chart's default values (`helm template` with
 * no overrides): `.Values` coalesced as Helm does (a parent's values for a subchart win over the
 * subchart's own defaults, `global` flows down), `.Chart` from Chart.yaml, a release named
 * `release-name`, and `.Capabilities` of the target Kubernetes version. `.Files`, `.Subcharts`
 * and the Helm version are unknown.
 */

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A values file's data, converted once per text, with `<<` merge keys resolved as Helm's YAML reader does. */
function valuesData(ctx: ServiceContext, chart: ChartModel): Tree {
  const file = chart.valuesFiles.find((f) => basename(f.uri) === 'values.yaml');
  if (!file) return {};
  const entry = parsed(ctx, file.uri, file.text);
  if (entry.data === undefined) {
    let data: unknown;
    try {
      data = yamlData((options) => file.doc.toJS(options), 1000);
    } catch {
      data = {};
    }
    entry.data = isTree(data) ? resolveMerges(data, 0) : {};
  }
  return entry.data as Tree;
}

function resolveMerges(node: unknown, depth: number): unknown {
  if (depth > 100) return node;
  if (Array.isArray(node)) return node.map((item) => resolveMerges(item, depth + 1));
  if (!isTree(node)) return node;
  const out: Tree = {};
  const merged = node['<<'];
  for (const source of Array.isArray(merged) ? merged : merged === undefined ? [] : [merged]) {
    if (isTree(source)) for (const [key, value] of Object.entries(resolveMerges(source, depth + 1) as Tree)) if (!(key in out)) out[key] = value;
  }
  for (const [key, value] of Object.entries(node)) if (key !== '<<') out[key] = resolveMerges(value, depth + 1);
  return out;
}

/** `high` over `low`, maps merged key by key; a null in `high` keeps nothing, as Helm deletes the key. */
function coalesce(high: unknown, low: unknown, depth = 0): unknown {
  if (!isTree(high) || !isTree(low) || depth > 50) return high === undefined ? low : high;
  const out: Tree = { ...low };
  for (const [key, value] of Object.entries(high)) {
    if (value === null) delete out[key];
    else out[key] = coalesce(value, low[key], depth + 1);
  }
  return out;
}

/** A chart's own defaults with its subcharts' defaults under their keys (the chart's values win). */
function ownTree(ctx: ServiceContext, chart: ChartModel, depth = 0): Tree {
  let tree = valuesData(ctx, chart);
  if (depth > 10) return tree;
  for (const root of chart.subchartRoots) {
    const sub = chartAt(ctx, root);
    const key = subchartKey(chart, sub);
    tree = { ...tree, [key]: coalesce(tree[key], ownTree(ctx, sub, depth + 1)) };
  }
  return tree;
}

/** The `.Values` a chart's templates see when the outermost chart is rendered with its defaults. */
function coalescedValues(ctx: ServiceContext, chart: ChartModel): Tree {
  if (!chart.parentRoot) return ownTree(ctx, chart);
  const parentChart = chartAt(ctx, chart.parentRoot);
  const parent = defaultValues(ctx, parentChart).values;
  const key = subchartKey(parentChart, chart);
  const mine = isTree(parent[key]) ? (parent[key] as Tree) : ownTree(ctx, chart);
  return { ...mine, global: coalesce(parent.global, mine.global) ?? {} };
}

export interface DefaultValues {
  values: Tree;
  /** Where each map and list of the values sits (`image`, `ingress.hosts[0]`). */
  paths: WeakMap<object, string>;
}

/**
 * A chart's default values, once per workspace generation and shared by every template the
 * chart renders, so they are frozen: a template's `set` into them is unknown.
 */
export function defaultValues(ctx: ServiceContext, chart: ChartModel): DefaultValues {
  return ctx.cache.get('helm-default-values', chart.root, ctx.workspace.generation, () => {
    const values = coalescedValues(ctx, chart);
    const paths = new WeakMap<object, string>();
    const work: Array<[unknown, string]> = [[values, '']];
    for (let budget = 100_000; work.length && budget > 0; budget--) {
      const [node, path] = work.pop() as [unknown, string];
      if (typeof node !== 'object' || node === null || paths.has(node)) continue;
      paths.set(node, path);
      Object.freeze(node);
      if (Array.isArray(node)) node.forEach((item, i) => work.push([item, `${path}[${i}]`]));
      else for (const [key, item] of Object.entries(node)) work.push([item, path ? `${path}.${key}` : key]);
    }
    return { values, paths };
  });
}

/** Chart.yaml as `.Chart` shows it: `name` → `Name`, `apiVersion` → `APIVersion` (once per generation). */
function chartObject(ctx: ServiceContext, chart: ChartModel): Tree {
  return ctx.cache.get('helm-chart-object', chart.root, ctx.workspace.generation, () => Object.freeze(readChartObject(chart)));
}

function readChartObject(chart: ChartModel): Tree {
  let data: unknown;
  try {
    const doc = chart.chart?.doc;
    data = doc && yamlData((options) => doc.toJS(options), 100);
  } catch {
    data = undefined;
  }
  const out: Tree = { Name: chart.name };
  if (isTree(data))
    for (const [key, value] of Object.entries(data)) out[key === 'apiVersion' ? 'APIVersion' : key.charAt(0).toUpperCase() + key.slice(1)] = value;
  return out;
}

export interface RenderRoot {
  /** The root context `.` of a template. */
  root: Tree;
  valuePaths: WeakMap<object, string>;
  capabilities: object;
  hasApi(api: string): boolean | undefined;
}

/** The root context for rendering one template (a fresh object: a template may `set` into it). */
export function renderRoot(ctx: ServiceContext, chart: ChartModel, templateUri: string): RenderRoot {
  const { values, paths } = defaultValues(ctx, chart);
  const version = targetVersion(ctx);
  const capabilities = {
    KubeVersion: { Version: `v${version}.0`, GitVersion: `v${version}.0`, Major: version.split('.')[0], Minor: version.split('.')[1] },
    APIVersions: {},
    HelmVersion: UNKNOWN,
  };
  const rel = relativeUri(chart.root, templateUri) ?? basename(templateUri);
  const root: Tree = {
    Values: values,
    Chart: chartObject(ctx, chart),
    // The namespace is the user's choice at install time; `helm template` says `default`, which
    // would read as a namespace the chart asks for.
    Release: { Name: 'release-name', Namespace: UNKNOWN, Service: 'Helm', IsInstall: true, IsUpgrade: false, Revision: 1 },
    Capabilities: capabilities,
    Template: { Name: `${chart.name}/${rel}`, BasePath: `${chart.name}/templates` },
    Files: UNKNOWN,
    Subcharts: UNKNOWN,
  };
  return { root, valuePaths: paths, capabilities, hasApi: (api) => servesApi(ctx, api) };
}
