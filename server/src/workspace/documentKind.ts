import { basename, dirname, joinUri } from '../common';
import type { Workspace } from './model';

/**
 * Routing by content and place, per document:
 * - `dockerfile`: language id `dockerfile` or a Dockerfile/Containerfile name;
 * - `helm-template`: a file under `templates/` of a folder holding `Chart.yaml`, any `.tpl` in a
 *   chart, or language id `helm`;
 * - `helm-chart`: `Chart.yaml`; `helm-values`: `values*.yaml` beside a `Chart.yaml`;
 * - `kubernetes`: YAML with at least one document holding `apiVersion` and `kind`;
 * - `yaml`: any other YAML — left alone so we never fight other YAML tools;
 * - `other`: everything else.
 */
export type DocumentKind = 'dockerfile' | 'helm-template' | 'helm-chart' | 'helm-values' | 'kubernetes' | 'yaml' | 'other';

const DOCKERFILE_NAME = /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/i;

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name);
}

/** The chart root (folder URI holding Chart.yaml) of a file inside a chart, if any. */
export function findChartRoot(workspace: Workspace, uri: string): string | undefined {
  let dir = dirname(uri);
  for (let depth = 0; depth < 12; depth++) {
    if (workspace.exists(joinUri(dir, 'Chart.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Where a file sits in its chart: under `templates/`, `crds/`, or at the chart root. */
export function chartPlacement(workspace: Workspace, uri: string): { root: string; relative: string } | undefined {
  const root = findChartRoot(workspace, uri);
  if (!root) return undefined;
  return { root, relative: decodeURIComponent(uri.slice(root.length + 1)) };
}

/** Cheap check for `apiVersion` and `kind` keys, in block or flow style. */
export function looksLikeKubernetes(text: string): boolean {
  return /(^|[\s{,])["']?apiVersion["']?\s*:/m.test(text) && /(^|[\s{,])["']?kind["']?\s*:/m.test(text);
}

export function classifyDocument(workspace: Workspace, uri: string, languageId: string, text: string): DocumentKind {
  const name = basename(uri);
  if (languageId === 'dockerfile' || isDockerfileName(name)) return 'dockerfile';
  const placement = chartPlacement(workspace, uri);
  if (placement) {
    const rel = placement.relative;
    // Templates of this chart only: a subchart's files belong to the subchart's own Chart.yaml,
    // which findChartRoot finds first.
    if (rel.startsWith('templates/') && /\.(ya?ml|tpl|txt)$/i.test(name)) return 'helm-template';
    if (/\.tpl$/i.test(name)) return 'helm-template';
    if (rel === 'Chart.yaml') return 'helm-chart';
    if (/^values[^/]*\.ya?ml$/i.test(rel)) return 'helm-values';
  }
  if (languageId === 'helm') return 'helm-template';
  const isYaml = languageId === 'yaml' || /\.ya?ml$/i.test(name);
  if (!isYaml) return 'other';
  return looksLikeKubernetes(text) ? 'kubernetes' : 'yaml';
}
