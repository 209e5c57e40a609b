import { basename, dirname, joinUri, PROJECT_CONFIG_FILE } from '../common';

/** All routing needs of the workspace: whether a file exists (the Workspace answers it, open documents included). */
export interface FileLookup {
  exists(uri: string): boolean;
}

/**
 * Routing by content and place, per document:
 * - `dockerfile`: language id `dockerfile` or a Dockerfile/Containerfile name;
 * - `helm-template`: a file under `templates/` of a folder holding `Chart.yaml`, any `.tpl` in a
 *   chart, or language id `helm`;
 * - `helm-chart`: `Chart.yaml`; `helm-values`: `values*.yaml` beside a `Chart.yaml`;
 * - `compose`: language id `dockercompose`, a Compose file name (`compose.yaml`, `compose.*.yaml`,
 *   `docker-compose*.yml`…), or YAML whose top-level `services:` maps names to service mappings;
 * - `kubernetes`: YAML with at least one document holding `apiVersion` and `kind`;
 * - `yaml`: any other YAML — left alone so we never fight other YAML tools;
 * - `notes`: Markdown or text under a notes path (`isNotesFile`), or any holding a `<!-- keys: -->` tag;
 * - `other`: everything else.
 */
export type DocumentKind = 'dockerfile' | 'helm-template' | 'helm-chart' | 'helm-values' | 'compose' | 'kubernetes' | 'yaml' | 'notes' | 'other';

const DOCKERFILE_NAME = /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/i;
const YAML_FILE = /\.ya?ml$/i;
/** Named-template helpers: templates of a chart wherever they sit in it. */
const HELPER_FILE = /\.tpl$/i;
/** What a chart's `templates/` folder renders: YAML, helpers, and text such as NOTES.txt. */
const TEMPLATE_FILE = /\.(ya?ml|tpl|txt)$/i;
/** The names `docker compose` looks for, and the variants projects keep beside them (overrides, per environment). */
const COMPOSE_NAME = /^(compose(\.[^/]+)?|docker-compose[^/]*)\.ya?ml$/i;
/**
 * A top-level `services:` whose first entry is a name with a mapping under it (block style), or a
 * flow mapping of mappings. GitLab CI's `services:` is a list, and a list or scalar here is not Compose.
 */
const COMPOSE_SERVICES =
  /^services:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*([ \t]+)["']?[\w.-]+["']?:[ \t]*(?:&[\w.-]+[ \t]*)?(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*\1[ \t]+\S|^services:[ \t]*\{[ \t]*["']?[\w.-]+["']?[ \t]*:[ \t]*\{/m;
const NOTES_FILE = /\.(md|markdown|txt)$/i;
const NOTES_TAG = /<!--\s*keys\s*:/i;

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name);
}

export function isComposeName(name: string): boolean {
  return COMPOSE_NAME.test(name);
}

/** Cheap check for a top-level `services:` mapping of service mappings. */
export function looksLikeCompose(text: string): boolean {
  return text.includes('services:') && COMPOSE_SERVICES.test(text);
}

/**
 * Whether a file may be one we analyse, judged by its name and place before it is read: the
 * question the workspace scan and the command-line walker ask, with the same rules as
 * classifyDocument, which decides once the text is there. A Dockerfile, any YAML (a manifest, or
 * a chart's Chart.yaml and values), a `.tpl` helper, or a text template under a `templates/`
 * folder — any such folder, since whether it belongs to a chart is not known yet. The project
 * config is settings, not input.
 */
export function isAnalysedFile(uri: string): boolean {
  // Called for every file a walk meets, so the name is cut out of the URI without parsing it; the
  // letters and dots the patterns look at are never percent-encoded.
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  if (name === PROJECT_CONFIG_FILE) return false;
  if (isDockerfileName(name) || YAML_FILE.test(name) || HELPER_FILE.test(name)) return true;
  return TEMPLATE_FILE.test(name) && uri.includes('/templates/');
}

/** The chart root (folder URI holding Chart.yaml) of a file inside a chart, if any. */
export function findChartRoot(workspace: FileLookup, uri: string): string | undefined {
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
export function chartPlacement(workspace: FileLookup, uri: string): { root: string; relative: string } | undefined {
  const root = findChartRoot(workspace, uri);
  if (!root) return undefined;
  return { root, relative: decodeURIComponent(uri.slice(root.length + 1)) };
}

/** Cheap check for `apiVersion` and `kind` keys, in block or flow style. */
export function looksLikeKubernetes(text: string): boolean {
  return /(^|[\s{,])["']?apiVersion["']?\s*:/m.test(text) && /(^|[\s{,])["']?kind["']?\s*:/m.test(text);
}

export function classifyDocument(workspace: FileLookup, uri: string, languageId: string, text: string, isNotesFile = false): DocumentKind {
  const name = basename(uri);
  if (languageId === 'dockerfile' || isDockerfileName(name)) return 'dockerfile';
  const placement = chartPlacement(workspace, uri);
  if (placement) {
    const rel = placement.relative;
    // Templates of this chart only: a subchart's files belong to the subchart's own Chart.yaml,
    // which findChartRoot finds first.
    if (rel.startsWith('templates/') && TEMPLATE_FILE.test(name)) return 'helm-template';
    if (HELPER_FILE.test(name)) return 'helm-template';
    if (rel === 'Chart.yaml') return 'helm-chart';
    if (/^values[^/]*\.ya?ml$/i.test(rel)) return 'helm-values';
    // Text with template actions elsewhere in a chart (outside templates/ and crds/) is rendered
    // through `tpl (.Files.Get …)`: a fragment of a template, never a manifest, so it is plain YAML
    // left alone (crds/ is applied as written, so it stays a manifest).
    if (!rel.startsWith('crds/') && text.includes('{{')) return 'yaml';
  }
  if (languageId === 'helm') return 'helm-template';
  if (languageId === 'dockercompose' || isComposeName(name)) return 'compose';
  if (languageId === 'markdown' || languageId === 'plaintext' || NOTES_FILE.test(name)) return isNotesFile || NOTES_TAG.test(text) ? 'notes' : 'other';
  const isYaml = languageId === 'yaml' || YAML_FILE.test(name);
  if (!isYaml) return 'other';
  if (looksLikeKubernetes(text)) return 'kubernetes';
  return looksLikeCompose(text) ? 'compose' : 'yaml';
}
