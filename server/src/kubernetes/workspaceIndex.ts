import { isMap } from 'yaml';
import type { ServiceContext } from '../workspace';
import { looksLikeKubernetes } from '../workspace';
import { get, items, str } from './nodes';
import { type KubeObject, parseManifests, type ParsedManifests } from './parse';
import { patchParse } from './reparse';
import { type JsonSchema, typeMetaKey } from './schema';
import { nameOf, type PodSummary, podSummary } from './workload';

/**
 * What the workspace's manifests define, for the cross-file rules and CRD schemas. Each file is
 * summarised once per text (an edit re-summarises one file); the index merges the summaries once
 * per workspace generation. CRD schemas are converted only when a custom resource asks for them.
 * Documents with syntax errors add nothing but their kinds: what they define is not known in full.
 */
export interface WorkspaceIndex {
  /** Names defined per kind (ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount, …). */
  names: Map<string, Set<string>>;
  /** Every Pod and pod template. */
  pods: PodSummary[];
  /** The kinds of the documents with syntax errors (see ParsedManifests.brokenKinds). */
  brokenKinds: Set<string | undefined>;
  /** The openAPIV3Schema a workspace CRD gives `group/version Kind`, if any. */
  crdSchema(typeMeta: string): JsonSchema | undefined;
}

interface FileSummary {
  names: Array<[string, string]>;
  pods: PodSummary[];
  brokenKinds: Array<string | undefined>;
  /** `group/version Kind` → the schema, converted to data on first use. */
  crds: Map<string, () => JsonSchema | undefined>;
}

/** How many files keep their last tree for in-place patching (the ones being edited). */
const PATCHABLE_FILES = 8;

export function parseCached(ctx: ServiceContext, uri: string, text: string): ParsedManifests {
  // The text itself is the version: disk files keep the same string object until they change.
  return ctx.cache.get('kubernetes/parse', uri, text, () => {
    // The last tree of this file is patched when the edit allows; ctx.cache keeps one version per
    // file, so the old tree has no other holder once this entry replaces it.
    const recent = ctx.resources?.memo('kubernetes/recent-parses', () => new Map<string, { text: string; parsed: ParsedManifests }>());
    const last = recent?.get(uri);
    const parsed = last?.text === text ? last.parsed : ((last && patchParse(last.text, last.parsed, text)) ?? parseManifests(text));
    if (recent) {
      recent.delete(uri);
      recent.set(uri, { text, parsed });
      if (recent.size > PATCHABLE_FILES) recent.delete(recent.keys().next().value as string);
    }
    return parsed;
  });
}

export function workspaceIndex(ctx: ServiceContext): WorkspaceIndex {
  return ctx.cache.get('kubernetes/index', 'workspace', ctx.workspace.generation, () => buildIndex(ctx));
}

/**
 * Summaries by file, kept for the session (ctx.cache is bounded and a large workspace would evict
 * and re-parse every file on each edit). Entries of files gone from the workspace are dropped.
 */
function summaryStore(ctx: ServiceContext): Map<string, { text: string; summary: FileSummary }> {
  return ctx.resources?.memo('kubernetes/summaries', () => new Map<string, { text: string; summary: FileSummary }>()) ?? new Map();
}

function buildIndex(ctx: ServiceContext): WorkspaceIndex {
  const names = new Map<string, Set<string>>();
  const pods: PodSummary[] = [];
  const brokenKinds = new Set<string | undefined>();
  const crds = new Map<string, () => JsonSchema | undefined>();
  const store = summaryStore(ctx);
  const present = new Set<string>();
  for (const uri of ctx.workspace.files()) {
    // Helm templates are not manifests until rendered; their objects would only add noise.
    if (!/\.ya?ml$/i.test(uri) || /\/templates\//.test(uri)) continue;
    const text = ctx.workspace.read(uri);
    if (!text) continue;
    present.add(uri);
    let entry = store.get(uri);
    if (entry?.text !== text) {
      entry = { text, summary: looksLikeKubernetes(text) ? summarize(parseCached(ctx, uri, text)) : { names: [], pods: [], brokenKinds: [], crds: new Map() } };
      store.set(uri, entry);
    }
    const summary = entry.summary;
    for (const [kind, name] of summary.names) {
      const set = names.get(kind) ?? new Set<string>();
      set.add(name);
      names.set(kind, set);
    }
    pods.push(...summary.pods);
    for (const kind of summary.brokenKinds) brokenKinds.add(kind);
    for (const [key, schema] of summary.crds) crds.set(key, schema);
  }
  for (const uri of [...store.keys()]) if (!present.has(uri)) store.delete(uri);
  return { names, pods, brokenKinds, crdSchema: (key) => crds.get(key)?.() };
}

function summarize(parsed: ParsedManifests): FileSummary {
  const summary: FileSummary = { names: [], pods: [], brokenKinds: parsed.brokenKinds, crds: new Map() };
  for (const obj of parsed.objects) {
    if (obj.broken) continue;
    const name = nameOf(obj);
    if (name !== undefined) summary.names.push([obj.kind, name]);
    const pod = podSummary(obj);
    if (pod) summary.pods.push(pod);
    if (obj.kind === 'CustomResourceDefinition') for (const [key, schema] of crdSchemas(obj)) summary.crds.set(key, schema);
  }
  return summary;
}

/** `group/version Kind` → a memoised converter of that version's openAPIV3Schema. */
export function crdSchemas(obj: KubeObject): Array<[string, () => JsonSchema | undefined]> {
  const group = str(get(obj.node, 'spec', 'group'));
  const kind = str(get(obj.node, 'spec', 'names', 'kind'));
  if (!group || !kind) return [];
  const out: Array<[string, () => JsonSchema | undefined]> = [];
  for (const version of items(get(obj.node, 'spec', 'versions'))) {
    const name = str(get(version, 'name'));
    const schemaNode = get(version, 'schema', 'openAPIV3Schema');
    if (!name || !isMap(schemaNode)) continue;
    let converted: { value: JsonSchema | undefined } | undefined;
    out.push([
      typeMetaKey(`${group}/${name}`, kind),
      () => {
        if (!converted) {
          try {
            converted = { value: schemaNode.toJS(obj.document, { maxAliasCount: 100 }) as JsonSchema };
          } catch {
            // A schema that cannot be read as data gives no checks rather than wrong ones.
            converted = { value: undefined };
          }
        }
        return converted.value;
      },
    ]);
  }
  return out;
}
