import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { basename, codeSpan, sanitizeMarkdown } from '../common';
import type { ServiceContext } from '../workspace';
import { type ChartModel, deref, mapEntries, mapPair, unreadableDependencies, type ValuesSource, valueSources } from './chart';
import { shownPath } from './document';
import { ANY } from './scope';

/**
 * Values lookup over every values file that can set a chart's `.Values`. Paths are lists of
 * keys; ANY (`*`) stands for "any element" (what `range` gives).
 */

export interface ValueHit {
  source: ValuesSource;
  /** The key/value pair, when the path ends at a key (not at a file root). */
  pair?: Pair<Scalar, YamlNode>;
  /** The map holding the pair, to find comments written above the first key. */
  parent?: YAMLMap;
  value: YamlNode | null | undefined;
}

/** Where `path` (a chart's `.Values` path) lands inside a source file, or undefined when it cannot. */
function filePath(source: ValuesSource, path: readonly string[]): string[] | undefined {
  if (source.globalOnly && path[0] !== 'global') return undefined;
  if (source.mountedAt) {
    const at = source.mountedAt;
    if (path.length < at.length || at.some((k, i) => path[i] !== k)) return undefined;
    return path.slice(at.length);
  }
  return [...source.prefix, ...path];
}

/** The value node at a path in every source that defines it, the chart's own values first. */
export function lookupValue(ctx: ServiceContext, chart: ChartModel, path: readonly string[]): ValueHit[] {
  const hits: ValueHit[] = [];
  if (path.includes(ANY)) return hits;
  for (const source of valueSources(ctx, chart)) {
    const keys = filePath(source, path);
    if (!keys) continue;
    let node: YamlNode | null | undefined = source.file.doc.contents as YamlNode | null;
    let pair: Pair<Scalar, YamlNode> | undefined;
    let parent: YAMLMap | undefined;
    let found = true;
    const doc = source.file.doc;
    for (const key of keys) {
      pair = mapPair(node, key, doc);
      if (!pair) {
        found = false;
        break;
      }
      parent = deref(node, doc) as YAMLMap;
      node = deref(pair.value, doc) as YamlNode | null;
    }
    if (found) hits.push({ source, pair, parent, value: node });
  }
  return hits;
}

export type Definedness = 'defined' | 'open' | 'undefined';

/**
 * Whether some values file gives the path a value. `open` means a prefix of the path is null,
 * an empty map, `global`, or a range element: any key may be meant, so it is not reported.
 */
export function definedness(ctx: ServiceContext, chart: ChartModel, path: readonly string[]): Definedness {
  if (path.length === 0) return 'defined';
  if (path[0] === 'global' || path.includes(ANY)) return 'open';
  // A dependency that is only packed (charts/x.tgz) or not fetched yet has defaults we cannot read.
  if (unreadableDependencies(ctx, chart).some((d) => (d.alias ?? d.name) === path[0])) return 'open';
  let result: Definedness = 'undefined';
  for (const source of valueSources(ctx, chart)) {
    const keys = filePath(source, path);
    if (!keys) {
      // A subchart mounted at `path`'s start with no file matched: a shorter path lands on its root.
      if (source.mountedAt && source.mountedAt.length > path.length && path.every((k, i) => source.mountedAt?.[i] === k)) return 'defined';
      continue;
    }
    const doc = source.file.doc;
    let node: unknown = doc.contents;
    let complete = true;
    for (const key of keys) {
      const pair = mapPair(node, key, doc);
      if (!pair) {
        const open =
          node === null ||
          node === undefined ||
          (isScalar(node) && (node.value === null || node.value === undefined)) ||
          (isMap(node) && node.items.length === 0);
        if (open) result = 'open';
        complete = false;
        break;
      }
      node = deref(pair.value, doc);
    }
    if (complete) return 'defined';
  }
  return result;
}

export interface ChildKey {
  key: string;
  /** The value in the first file that has it. */
  value: YamlNode | null | undefined;
}

/** The keys one level below `path`, over every source, in file order without repeats. */
export function childKeys(ctx: ServiceContext, chart: ChartModel, path: readonly string[]): ChildKey[] {
  const out = new Map<string, ChildKey>();
  const add = (key: string, value: YamlNode | null | undefined) => {
    if (!out.has(key)) out.set(key, { key, value });
  };
  for (const source of valueSources(ctx, chart)) {
    if (source.mountedAt && path.length < source.mountedAt.length) {
      if (path.every((k, i) => source.mountedAt?.[i] === k)) add(source.mountedAt[path.length], source.file.doc.contents as YamlNode);
      continue;
    }
    if (source.globalOnly && path.length === 0) {
      const global = mapPair(source.file.doc.contents, 'global');
      if (global) add('global', global.value as YamlNode | null);
      continue;
    }
    const keys = filePath(source, path);
    if (!keys) continue;
    const doc = source.file.doc;
    let nodes: unknown[] = [doc.contents];
    for (const key of keys) {
      const next: unknown[] = [];
      for (const n of nodes.map((x) => deref(x, doc))) {
        if (key === ANY) {
          if (isSeq(n)) next.push(...n.items);
          else next.push(...mapEntries(n, doc).map((e) => e.value));
        } else {
          const pair = mapPair(n, key, doc);
          if (pair) next.push(pair.value);
        }
      }
      nodes = next;
    }
    for (const n of nodes) {
      for (const entry of mapEntries(n, doc)) add(entry.key, deref(entry.value, doc) as YamlNode | null);
    }
  }
  return [...out.values()];
}

/** A short text for a value: scalars as written, maps and lists summarised. */
export function previewValue(node: YamlNode | null | undefined, max = 60): string {
  if (node === null || node === undefined) return 'null';
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return 'null';
    const text = typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }
  if (isMap(node)) {
    if (node.items.length === 0) return '{}';
    const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
    const text = `{ ${keys.join(', ')} }`;
    return text.length > max ? `{ ${keys.length} keys }` : text;
  }
  if (isSeq(node)) return node.items.length === 0 ? '[]' : `[ ${node.items.length} item${node.items.length === 1 ? '' : 's'} ]`;
  return String(node);
}

/** The comment written for a key: the lines above it (helm-docs `# --` style included) and a trailing one. */
export function commentOf(hit: ValueHit): string | undefined {
  if (!hit.pair) return undefined;
  const first = hit.parent && hit.parent.items[0] === hit.pair;
  const above = (hit.pair.key as Scalar | null)?.commentBefore ?? (first ? hit.parent?.commentBefore : undefined);
  const trailing = (hit.pair.value as Scalar | null)?.comment;
  const lines = [above, trailing]
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    .flatMap((c) => c.split('\n'))
    .map((l) => l.replace(/^\s*--\s?/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('@'));
  return lines.length ? lines.join(' ') : undefined;
}

/** The value of a path in each values file (the chart's own values.yaml first), then its comment. */
export function valuesMarkdown(ctx: ServiceContext, chart: ChartModel, path: readonly string[]): string {
  const hits = lookupValue(ctx, chart, path);
  const lines = [`\`\`\`helm\n.Values.${shownPath(path)}\n\`\`\``];
  if (hits.length === 0) {
    lines.push('Not set in any values file of this chart.');
    return lines.join('\n\n');
  }
  const rows = hits.map((h) => {
    const origin = h.source.own ? basename(h.source.file.uri) : `${basename(h.source.file.uri)} (${h.source.mountedAt ? 'subchart default' : 'parent chart'})`;
    return `| ${sanitizeMarkdown(origin)} | ${codeSpan(previewValue(h.value)).replace(/\|/g, '\\|')} |`;
  });
  lines.push(['| file | value |', '| --- | --- |', ...rows].join('\n'));
  const comment = hits.map(commentOf).find((c) => c);
  if (comment) lines.push(sanitizeMarkdown(comment));
  return lines.join('\n\n');
}
