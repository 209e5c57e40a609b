import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, visit, YAMLMap } from 'yaml';
import { basename, dirname, joinUri, pathToUri, rangeOf } from '../common';
import { isComposeName, type ServiceContext } from '../workspace';
import { parseYaml } from '../yamlSchema';

/** The top-level sections that define things services refer to by name. */
export const RESOURCE_SECTIONS = ['networks', 'volumes', 'secrets', 'configs'] as const;
export type ResourceSection = (typeof RESOURCE_SECTIONS)[number];

export interface Service {
  name: string;
  /** The service's key under `services:`. */
  key: Scalar;
  /**
   * The service's mapping as Compose reads it: its own keys, then those its `<<` merge keys bring
   * (shared settings under an `x-` anchor), whose nodes stay where they are written.
   * `undefined` while it is still being typed (`web:` with nothing under it).
   */
  node: YAMLMap | undefined;
}

/** A Compose file as the features read it: the `yaml` tree of its first document, and its services. */
export interface ComposeFile {
  doc: TextDocument;
  document: Document | undefined;
  root: YAMLMap | undefined;
  services: Service[];
  /** The names each top-level section defines, with their keys. */
  defined: Record<ResourceSection, Map<string, Scalar>>;
}

/** A scalar's string value, or `undefined` for anything else (numbers and booleans as written). */
export function text(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

/** The value under `key` in a mapping node. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => text(p.key) === key);
  return (pair?.value ?? undefined) as Node | undefined;
}

/** The pair of `key` in a mapping node. */
export function pairOf(node: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => text(p.key) === key) as Pair<Scalar, Node | null> | undefined;
}

export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items.filter((i) => i !== null && typeof i === 'object') as Node[]) : [];
}

/** The range of a node in the document. */
export function nodeRange(file: Pick<ComposeFile, 'doc'>, node: Node): Range {
  const [start, end] = node.range ?? [0, 0];
  return rangeOf(file.doc, start, end);
}

/** Whether a value is (partly) interpolated from the environment: then only `docker compose` knows it. */
export function isInterpolated(value: string): boolean {
  return /\$\{|\$[A-Za-z_]/.test(value.replace(/\$\$/g, ''));
}

function definedNames(root: YAMLMap | undefined, section: string): Map<string, Scalar> {
  const names = new Map<string, Scalar>();
  const node = get(root, section);
  if (!isMap(node)) return names;
  for (const pair of node.items) {
    const name = text(pair.key);
    if (name !== undefined && name !== '<<' && isScalar(pair.key)) names.set(name, pair.key);
  }
  return names;
}

/** The nodes each anchor names, for resolving the aliases of merge keys. */
function anchorsOf(document: Document | undefined): Map<string, Node> {
  const anchors = new Map<string, Node>();
  if (document) {
    visit(document, (_, node) => {
      if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) anchors.set(node.anchor, node);
    });
  }
  return anchors;
}

/** A mapping with its `<<` merges applied (YAML merge keys, which Compose reads): own keys first and winning. */
function withMerges(map: YAMLMap, anchors: ReadonlyMap<string, Node>, depth = 0): YAMLMap {
  const merge = map.items.find((p) => text(p.key) === '<<');
  if (!merge || depth > 10) return map;
  const sources = (isSeq(merge.value) ? merge.value.items : [merge.value]).flatMap((s) => {
    const target = isAlias(s) ? anchors.get(s.source) : s;
    return isMap(target) ? [withMerges(target, anchors, depth + 1)] : [];
  });
  const merged = new YAMLMap<unknown, unknown>();
  merged.range = map.range;
  merged.items = map.items.filter((p) => p !== merge);
  for (const source of sources) {
    for (const pair of source.items) if (!merged.items.some((p) => text(p.key) === text(pair.key))) merged.items.push(pair);
  }
  return merged;
}

function build(ctx: ServiceContext, doc: TextDocument): ComposeFile {
  const document = parseYaml(ctx, doc).documents[0]?.internalDocument;
  const root = isMap(document?.contents) ? document.contents : undefined;
  const services: Service[] = [];
  const section = get(root, 'services');
  if (isMap(section)) {
    const anchors = anchorsOf(document);
    for (const pair of section.items) {
      const name = text(pair.key);
      if (name === undefined || !isScalar(pair.key) || name.startsWith('x-') || name === '<<') continue;
      services.push({ name, key: pair.key, node: isMap(pair.value) ? withMerges(pair.value, anchors) : undefined });
    }
  }
  const defined = Object.fromEntries(RESOURCE_SECTIONS.map((s) => [s, definedNames(root, s)])) as ComposeFile['defined'];
  return { doc, document, root, services, defined };
}

/** The Compose file of a document, once per version (on the same parse yaml-language-server uses). */
export function composeFile(ctx: ServiceContext, doc: TextDocument): ComposeFile {
  return ctx.cache.get('compose', doc.uri, doc.version, () => build(ctx, doc));
}

/** The files `docker compose` merges with this one: what the top-level `include` names, and the other Compose files beside it. */
function companions(ctx: ServiceContext, file: ComposeFile): string[] {
  const folder = dirname(file.doc.uri);
  const beside = ctx.workspace.fs.readDirectory(folder);
  const names = Array.isArray(beside) ? beside.filter((e) => !e.isDirectory && isComposeName(e.name)).map((e) => joinUri(folder, e.name)) : [];
  const open = ctx.workspace.files().filter((uri) => dirname(uri) === folder && isComposeName(basename(uri)));
  const included = includedFiles(file).map((path) => resolvePath(folder, path));
  return [...new Set([...names, ...open, ...included])].filter((uri): uri is string => !!uri && uri !== file.doc.uri);
}

/** The paths the top-level `include` names (short form, `path:` strings and lists). */
export function includedFiles(file: ComposeFile): string[] {
  const paths: string[] = [];
  for (const entry of items(get(file.root, 'include'))) {
    const path = isMap(entry) ? get(entry, 'path') : entry;
    if (isSeq(path)) paths.push(...items(path).flatMap((p) => text(p) ?? []));
    else if (text(path) !== undefined) paths.push(text(path) as string);
  }
  return paths.filter((p) => !isInterpolated(p));
}

/**
 * What every file `docker compose` may merge with this one defines: service names and resource
 * names. An override file names services its base file defines, so a name is unknown only when no
 * Compose file beside it (nor an included one) defines it either.
 */
export interface KnownNames {
  /**
   * False for an override file with no base file beside it: it is merged onto a base that is
   * elsewhere, so a name it uses may be defined there.
   */
  complete: boolean;
  services: Set<string>;
  resources: Record<ResourceSection, Set<string>>;
}

/** This file, then the Compose files `docker compose` may merge with it, once per version and workspace generation. */
export function mergedFiles(ctx: ServiceContext, file: ComposeFile): ComposeFile[] {
  return ctx.cache.get('compose-merged', file.doc.uri, `${file.doc.version}@${ctx.workspace.generation}`, () => {
    const files = [file];
    for (const uri of companions(ctx, file)) {
      const doc = ctx.workspace.document(uri, 'yaml');
      if (doc) files.push(composeFile(ctx, doc));
    }
    return files;
  });
}

export function knownNames(ctx: ServiceContext, file: ComposeFile): KnownNames {
  const files = mergedFiles(ctx, file);
  return {
    complete: files.length > 1 || !/override/i.test(basename(file.doc.uri)),
    services: new Set(files.flatMap((f) => f.services.map((s) => s.name))),
    resources: Object.fromEntries(RESOURCE_SECTIONS.map((s) => [s, new Set(files.flatMap((f) => [...f.defined[s].keys()]))])) as KnownNames['resources'],
  };
}

/**
 * A path written in a Compose file, as a URI: relative to the file's folder, or absolute. `~`,
 * Windows paths and interpolated paths cannot be resolved here (`undefined`).
 */
export function resolvePath(folder: string, path: string): string | undefined {
  if (!path || isInterpolated(path) || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path) || path.includes('\\')) return undefined;
  return (path.startsWith('/') ? pathToUri(path) : joinUri(folder, path)).replace(/\/$/, '');
}

/** A URI as a path relative to the Compose file's folder, for messages (`../app`, `docker/Dockerfile`). */
export function relativeTo(file: Pick<ComposeFile, 'doc'>, uri: string): string {
  const from = dirname(file.doc.uri).split('/');
  const to = uri.split('/');
  let same = 0;
  while (same < from.length && same < to.length && from[same] === to[same]) same++;
  return decodeURIComponent([...Array<string>(from.length - same).fill('..'), ...to.slice(same)].join('/')) || '.';
}
