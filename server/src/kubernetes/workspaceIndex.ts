import { isMap } from 'yaml';
import { yamlData } from '../common';
import type { OffThreadIndex, ServiceContext } from '../workspace';
import { looksLikeKubernetes } from '../workspace';
import { get, items, str } from './nodes';
import { type KubeObject, parseManifests, type ParsedManifests } from './parse';
import { parsePiecewise, type PiecewiseParse } from './reparse';
import { type JsonSchema, typeMetaKey } from './schema';
import { nameOf, type PodSummary, podSummary } from './workload';

/**
 * What the workspace's manifests define, for the cross-file rules and CRD schemas. Each file is
 * summarised once per change (workspace.fileStamp; an edit re-summarises one file); the index
 * merges the summaries once per workspace generation. CRD schemas are converted only when a
 * custom resource asks for them.
 *
 * Two ways to build it. By default the first request that needs the index reads and summarises
 * every file (the command line, tests). With `ctx.stepwiseIndex` (the editor) requests never read
 * a file for it: they get what `indexStep`, called in slices between requests, has summarised so
 * far (open documents are always summarised), with `complete` false until every file is; the
 * editor re-checks open documents when it is. Documents with syntax errors add nothing but their
 * kinds: what they define is not known in full.
 */
export interface WorkspaceIndex {
  /** Every manifest file of the workspace is summarised as it is now; rules that report something missing wait for this. */
  complete: boolean;
  /**
   * Every manifest file was summarised at least once, if maybe before its latest change on disk.
   * The CRD catalog waits only for this: closing or saving a file must not take catalog findings
   * away from every other document until the index catches up (found by `npm run fuzz`).
   */
  everyFileRead: boolean;
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

/**
 * The last piecewise parse of each file, per workspace: parsePiecewise modifies the previous
 * parse in place, so two workspaces (two sessions in one process, as in tests) must never share one.
 */
function recentParses(ctx: ServiceContext): Map<string, PiecewiseParse> | undefined {
  const byWorkspace = ctx.resources?.memo('kubernetes/recent-parses', () => new WeakMap<object, Map<string, PiecewiseParse>>());
  if (!byWorkspace) return undefined;
  let recent = byWorkspace.get(ctx.workspace);
  if (!recent) byWorkspace.set(ctx.workspace, (recent = new Map()));
  return recent;
}

/** How many files keep their last tree for in-place patching (the ones being edited). */
const PATCHABLE_FILES = 8;

export function parseCached(ctx: ServiceContext, uri: string, text: string): ParsedManifests {
  // The text itself is the version: disk files keep the same string object until they change.
  return ctx.cache.get('kubernetes/parse', uri, text, () => {
    // The last parse of this file gives the pieces an edit left alone (see parsePiecewise);
    // ctx.cache keeps one version per file, so the old trees have no other holder once this entry
    // replaces it.
    const recent = recentParses(ctx);
    const last = recent?.get(uri);
    const next = last?.text === text ? last : parsePiecewise(text, last);
    if (recent) {
      recent.delete(uri);
      recent.set(uri, next);
      if (recent.size > PATCHABLE_FILES) recent.delete(recent.keys().next().value as string);
    }
    return next.parsed;
  });
}

/**
 * While a pass is under way the merged index is rebuilt once per this many new summaries, not per
 * summary: merging reads every file's summary, and a request between two slices paid for that
 * again each time (several milliseconds with 5,000 manifests). Requests meanwhile see an index a
 * little behind the slices, which is what an incomplete index promises anyway.
 */
const REBUILD_EVERY = 200;

export function workspaceIndex(ctx: ServiceContext): WorkspaceIndex {
  const store = summaryStore(ctx);
  const progress = store.queue.length > 0 ? `pass:${Math.floor(store.stepped / REBUILD_EVERY)}` : `${store.stepped}`;
  return ctx.cache.get('kubernetes/index', 'workspace', `${ctx.workspace.generation}:${progress}`, () => buildIndex(ctx, store));
}

/**
 * Summarises the files whose summary is missing or out of date until `stop()` says so; true when
 * every file is summarised. For building the index between requests (see WorkspaceIndex).
 */
export function indexStep(ctx: ServiceContext, stop: () => boolean): boolean {
  const store = summaryStore(ctx);
  startPass(ctx, store);
  while (store.queue.length > 0) {
    if (stop()) return false;
    const uri = store.queue.pop() as string;
    if (upToDate(ctx, store, uri)) continue;
    summariseInto(ctx, store, uri);
    store.stepped++;
  }
  // Files that changed while this pass ran are taken by the next one.
  return manifestFiles(ctx).every((uri) => upToDate(ctx, store, uri));
}

/** A pass takes the files whose summary is missing or out of date; one under way goes on. */
function startPass(ctx: ServiceContext, store: SummaryStore): void {
  if (store.queue.length === 0) store.queue = manifestFiles(ctx).filter((uri) => !upToDate(ctx, store, uri));
}

/** FileSummary as data that crosses threads: CRD schemas converted. */
interface PlainSummary {
  names: Array<[string, string]>;
  pods: PodSummary[];
  brokenKinds: Array<string | undefined>;
  crds: Array<[string, JsonSchema | undefined]>;
}

/**
 * Summaries of files that are not open, made on the editor's index worker. The pass stays in
 * `store.queue` while the worker runs, so requests meanwhile rebuild the merged index as seldom as
 * during an indexStep pass; indexStep then finds those files up to date.
 */
export const indexOffThread: OffThreadIndex = {
  queue(ctx) {
    const store = summaryStore(ctx);
    startPass(ctx, store);
    return store.queue.filter((uri) => !ctx.workspace.isOpen(uri));
  },
  summarise(text): PlainSummary {
    const summary = summaryOfText(text, parseManifests);
    return { ...summary, crds: [...summary.crds].map(([key, schema]) => [key, schema()]) };
  },
  accept(ctx, uri, stamp, data) {
    const store = summaryStore(ctx);
    // Never over a summary of a later text (the file was opened meanwhile and summarised here).
    if ((store.entries.get(uri)?.stamp ?? -1) > stamp) return;
    const plain = data as PlainSummary;
    const crds = new Map(plain.crds.map(([key, schema]) => [key, () => schema]));
    store.entries.set(uri, { stamp, summary: { names: plain.names, pods: plain.pods, brokenKinds: plain.brokenKinds, crds } });
    store.stepped++;
  },
};

interface SummaryEntry {
  /** workspace.fileStamp when it was made. */
  stamp: number;
  summary: FileSummary;
}

interface SummaryStore {
  entries: Map<string, SummaryEntry>;
  /** How many summaries indexStep made so far: the merged index is rebuilt when it grows. */
  stepped: number;
  /** The files the current indexStep pass has still to summarise. */
  queue: string[];
}

/**
 * Summaries by file, kept for the session (ctx.cache is bounded and a large workspace would evict
 * and re-parse every file on each edit). Entries of files gone from the workspace are dropped.
 */
function summaryStore(ctx: ServiceContext): SummaryStore {
  const create = (): SummaryStore => ({ entries: new Map(), stepped: 0, queue: [] });
  // Per workspace: file stamps are numbered by their workspace, and resources may be shared by several (tests).
  const stores = ctx.resources?.memo('kubernetes/summaries', () => new WeakMap<object, SummaryStore>());
  if (!stores) return create();
  let store = stores.get(ctx.workspace);
  if (!store) stores.set(ctx.workspace, (store = create()));
  return store;
}

/** Helm templates are not manifests until rendered; their objects would only add noise. */
function manifestFiles(ctx: ServiceContext): string[] {
  return ctx.workspace.files().filter((uri) => /\.ya?ml$/i.test(uri) && !/\/templates\//.test(uri));
}

function upToDate(ctx: ServiceContext, store: SummaryStore, uri: string): boolean {
  return store.entries.get(uri)?.stamp === ctx.workspace.fileStamp(uri);
}

const NOTHING: FileSummary = { names: [], pods: [], brokenKinds: [], crds: new Map() };

function summariseInto(ctx: ServiceContext, store: SummaryStore, uri: string): SummaryEntry {
  const stamp = ctx.workspace.fileStamp(uri);
  const text = ctx.workspace.read(uri);
  // Open documents (and every file of a command-line run) are parsed through the shared cache,
  // since diagnostics parse them too; a file summarised in the background is parsed once, not kept.
  const parse = !ctx.stepwiseIndex || ctx.workspace.isOpen(uri) ? (t: string) => parseCached(ctx, uri, t) : parseManifests;
  const entry = { stamp, summary: summaryOfText(text, parse) };
  store.entries.set(uri, entry);
  return entry;
}

function summaryOfText(text: string | undefined, parse: (text: string) => ParsedManifests): FileSummary {
  return text && looksLikeKubernetes(text) ? summarize(parse(text)) : NOTHING;
}

function buildIndex(ctx: ServiceContext, store: SummaryStore): WorkspaceIndex {
  const names = new Map<string, Set<string>>();
  const pods: PodSummary[] = [];
  const brokenKinds = new Set<string | undefined>();
  const crds = new Map<string, () => JsonSchema | undefined>();
  const present = new Set<string>();
  let complete = true;
  let everyFileRead = true;
  for (const uri of manifestFiles(ctx)) {
    present.add(uri);
    let entry = store.entries.get(uri);
    if (!upToDate(ctx, store, uri)) {
      // While the index is built in steps only open documents are summarised here: their text is
      // in memory and likely parsed already. Other files keep their last summary until their turn.
      if (!ctx.stepwiseIndex || ctx.workspace.isOpen(uri)) entry = summariseInto(ctx, store, uri);
      else complete = false;
    }
    if (!entry) {
      everyFileRead = false;
      continue;
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
  for (const uri of [...store.entries.keys()]) if (!present.has(uri)) store.entries.delete(uri);
  return { complete, everyFileRead, names, pods, brokenKinds, crdSchema: (key) => crds.get(key)?.() };
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
            converted = { value: yamlData((options) => schemaNode.toJS(obj.document, options), 100) as JsonSchema };
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
