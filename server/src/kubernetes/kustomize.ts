import { isMap, isSeq, parseDocument } from 'yaml';
import { basename, cutDeepFlowNesting, dirname, joinUri, yamlData } from '../common';
import type { ServiceContext } from '../workspace';
import type { KubeObject } from './parse';

/**
 * What kustomize does to a manifest file before the API server sees it, as far as the rules need
 * to know: whether the file is a patch (a partial object merged into a base, so what it leaves out
 * is no error), which labels kustomize adds to its selectors and pod templates (commonLabels, or
 * labels with includeSelectors, so a base may leave the selector out) and which images it gives a
 * tag or digest (images with newTag or digest, so the base may name them bare). Read from the
 * kustomization files of the workspace and of the file's own folder; resources that name a folder
 * follow that folder's kustomization, so an overlay's commonLabels reach its base.
 */

export interface KustomizeRole {
  /** Listed under patches, patchesStrategicMerge or patchesJson6902 of a kustomization. */
  patch: boolean;
  /** Label keys a kustomization listing the file (directly or through folders) adds to selectors and templates. */
  selectorLabels: ReadonlySet<string>;
  /** Image names such a kustomization pins with a tag or digest. */
  pinnedImages: ReadonlySet<string>;
}

const NONE: KustomizeRole = { patch: false, selectorLabels: new Set(), pinnedImages: new Set() };
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** Overlays rarely stack deeper than a few levels; the bound keeps a cycle of folders finite. */
const MAX_DEPTH = 8;

/**
 * Keys of a strategic-merge patch: directives to kustomize and the API server's patch code, never
 * fields of an object (`$patch: delete`, `$setElementOrder/containers`, `$retainKeys`, …).
 */
export function isPatchDirective(key: string): boolean {
  return /^\$(patch|retainKeys|setElementOrder\/.+|deleteFromPrimitiveList\/.+)$/.test(key);
}

/**
 * Where a patch directive key could be written in an object's text: `$` and a directive's name,
 * or an escaped `$` in a quoted key. Most objects have none, and a look at the text is much
 * cheaper than a walk of a large object's tree (15 ms per edit of a 1 MB CRD).
 */
const MAYBE_DIRECTIVE = /\$(?:patch|retainKeys|setElementOrder\/|deleteFromPrimitiveList\/)|\\(?:x24|u0024|U00000024)/;

/** Whether any map in the object carries a patch directive key; `text` is the document's. */
export function hasPatchDirectives(obj: KubeObject, text: string): boolean {
  const range = obj.node.range;
  if (range && !MAYBE_DIRECTIVE.test(text.slice(range[0], range[2]))) return false;
  const stack: unknown[] = [obj.node];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        if (typeof key === 'string' && isPatchDirective(key)) return true;
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return false;
}

interface Kustomization {
  /** Folder URI of the kustomization. */
  dir: string;
  patches: string[];
  resources: string[];
  selectorLabels: string[];
  pinnedImages: string[];
}

/** What the kustomizations known to the workspace, plus the one beside `uri`, say about `uri`. */
export function kustomizeRole(ctx: ServiceContext, uri: string): KustomizeRole {
  const roles = ctx.cache.get('kubernetes/kustomize', 'workspace', ctx.workspace.generation, () => workspaceRoles(ctx));
  const known = roles.get(uri);
  if (known) return known;
  // A kustomization beside the file that the workspace does not list (a file linted on its own).
  return ctx.cache.get('kubernetes/kustomize-beside', uri, ctx.workspace.generation, () => {
    const own = KUSTOMIZATION_NAMES.map((name) => joinUri(dirname(uri), name)).find((k) => !roles.has(k) && ctx.workspace.exists(k));
    return own ? (rolesOf(ctx, [own]).get(uri) ?? NONE) : NONE;
  });
}

function workspaceRoles(ctx: ServiceContext): Map<string, KustomizeRole> {
  const files = ctx.workspace.files().filter((uri) => KUSTOMIZATION_NAMES.includes(basename(uri)));
  const roles = rolesOf(ctx, files);
  // The kustomization files themselves are marked so kustomizeRole does not look for them again.
  for (const file of files) if (!roles.has(file)) roles.set(file, NONE);
  return roles;
}

function rolesOf(ctx: ServiceContext, kustomizationFiles: readonly string[]): Map<string, KustomizeRole> {
  const roles = new Map<string, { patch: boolean; selectorLabels: Set<string>; pinnedImages: Set<string> }>();
  const role = (uri: string) => {
    let found = roles.get(uri);
    if (!found) roles.set(uri, (found = { patch: false, selectorLabels: new Set(), pinnedImages: new Set() }));
    return found;
  };
  for (const file of kustomizationFiles) {
    const k = readKustomization(ctx, file);
    if (!k) continue;
    for (const patch of k.patches) role(joinUri(k.dir, patch)).patch = true;
    if (k.selectorLabels.length === 0 && k.pinnedImages.length === 0) continue;
    for (const resource of resourceFiles(ctx, k, 0, new Set())) {
      const r = role(resource);
      for (const key of k.selectorLabels) r.selectorLabels.add(key);
      for (const image of k.pinnedImages) r.pinnedImages.add(image);
    }
  }
  return roles;
}

/** The files a kustomization's resources name, following folders to their own kustomization. */
function resourceFiles(ctx: ServiceContext, k: Kustomization, depth: number, seen: Set<string>): string[] {
  if (depth > MAX_DEPTH || seen.has(k.dir)) return [];
  seen.add(k.dir);
  const out: string[] = [];
  for (const resource of k.resources) {
    const target = joinUri(k.dir, resource);
    const nested = KUSTOMIZATION_NAMES.map((name) => joinUri(target, name)).find((uri) => ctx.workspace.exists(uri));
    const base = nested && readKustomization(ctx, nested);
    if (base) out.push(...resourceFiles(ctx, base, depth + 1, seen));
    else out.push(target);
  }
  return out;
}

function readKustomization(ctx: ServiceContext, uri: string): Kustomization | undefined {
  const text = ctx.workspace.read(uri);
  if (text === undefined) return undefined;
  return ctx.cache.get('kubernetes/kustomization', uri, text, () => parseKustomization(dirname(uri), text));
}

function parseKustomization(dir: string, text: string): Kustomization | undefined {
  let data: unknown;
  try {
    const doc = parseDocument(cutDeepFlowNesting(text)?.text ?? text, { uniqueKeys: false });
    data = yamlData((options) => doc.toJS(options), 100);
  } catch {
    // A kustomization that cannot be read tells us nothing; the files it lists are checked as they are.
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const k = data as Record<string, unknown>;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const paths = (value: unknown): string[] =>
    list(value)
      .map((item) => (typeof item === 'string' ? item : (item as { path?: unknown } | null)?.path))
      .filter((p): p is string => typeof p === 'string' && !p.includes('://'));
  const keys = (map: unknown): string[] => (map && typeof map === 'object' && !Array.isArray(map) ? Object.keys(map) : []);
  const labels = list(k.labels) as Array<{ pairs?: unknown; includeSelectors?: unknown } | null>;
  const images = list(k.images) as Array<{ name?: unknown; newTag?: unknown; digest?: unknown } | null>;
  return {
    dir,
    patches: [...paths(k.patches), ...paths(k.patchesStrategicMerge), ...paths(k.patchesJson6902)],
    resources: [...paths(k.resources), ...paths(k.bases), ...paths(k.components)],
    selectorLabels: [...keys(k.commonLabels), ...labels.filter((l) => l?.includeSelectors === true).flatMap((l) => keys(l?.pairs))],
    pinnedImages: images.filter((i) => typeof i?.name === 'string' && (i.newTag !== undefined || i.digest !== undefined)).map((i) => i?.name as string),
  };
}
