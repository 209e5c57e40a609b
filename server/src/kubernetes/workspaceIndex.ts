import { isMap } from 'yaml';
import type { ServiceContext } from '../workspace';
import { looksLikeKubernetes } from '../workspace';
import { get, items, str } from './nodes';
import { type KubeObject, parseManifests, type ParsedManifests } from './parse';
import type { JsonSchema } from './schema';
import { nameOf, type PodSummary, podSummary } from './workload';

/**
 * What the workspace's manifests define, for the cross-file rules and CRD schemas. Built once per
 * workspace generation; each file's parse is cached by its text, so an edit re-parses one file.
 */
export interface WorkspaceIndex {
  /** Names defined per kind (ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount, …). */
  names: Map<string, Set<string>>;
  /** Every Pod and pod template. */
  pods: PodSummary[];
  /** CRD schemas by `group/version Kind`. */
  crdSchemas: Map<string, JsonSchema>;
}

export function parseCached(ctx: ServiceContext, uri: string, text: string): ParsedManifests {
  // The text itself is the version: disk files keep the same string object until they change.
  return ctx.cache.get('kubernetes/parse', uri, text, () => parseManifests(text));
}

export function workspaceIndex(ctx: ServiceContext): WorkspaceIndex {
  return ctx.cache.get('kubernetes/index', 'workspace', ctx.workspace.generation, () => buildIndex(ctx));
}

function buildIndex(ctx: ServiceContext): WorkspaceIndex {
  const index: WorkspaceIndex = { names: new Map(), pods: [], crdSchemas: new Map() };
  for (const uri of ctx.workspace.files()) {
    if (!/\.ya?ml$/i.test(uri)) continue;
    const text = ctx.workspace.read(uri);
    if (!text || !looksLikeKubernetes(text)) continue;
    // Helm templates are not manifests until rendered; their objects would only add noise.
    if (/\/templates\//.test(uri)) continue;
    for (const obj of parseCached(ctx, uri, text).objects) addObject(index, obj);
  }
  return index;
}

export function addObject(index: WorkspaceIndex, obj: KubeObject): void {
  const name = nameOf(obj);
  if (name !== undefined) {
    const set = index.names.get(obj.kind) ?? new Set<string>();
    set.add(name);
    index.names.set(obj.kind, set);
  }
  const pod = podSummary(obj);
  if (pod) index.pods.push(pod);
  if (obj.kind === 'CustomResourceDefinition') {
    for (const [key, schema] of crdSchemas(obj)) index.crdSchemas.set(key, schema);
  }
}

/** `group/version Kind` → openAPIV3Schema for each served version of a CRD. */
export function crdSchemas(obj: KubeObject): Array<[string, JsonSchema]> {
  const group = str(get(obj.node, 'spec', 'group'));
  const kind = str(get(obj.node, 'spec', 'names', 'kind'));
  if (!group || !kind) return [];
  const out: Array<[string, JsonSchema]> = [];
  for (const version of items(get(obj.node, 'spec', 'versions'))) {
    const name = str(get(version, 'name'));
    const schemaNode = get(version, 'schema', 'openAPIV3Schema');
    if (!name || !isMap(schemaNode)) continue;
    try {
      out.push([`${group}/${name} ${kind}`, schemaNode.toJS(obj.document, { maxAliasCount: 100 }) as JsonSchema]);
    } catch {
      // A schema that cannot be read as data gives no checks rather than wrong ones.
    }
  }
  return out;
}
