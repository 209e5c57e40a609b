import { type Alias, type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Node, parseAllDocuments, type YAMLMap } from 'yaml';
import { cutDeepFlowNesting, NESTED_TOO_DEEP, unlessNestedTooDeep } from '../common';
import { get, items, str } from './nodes';
import { describeError, PARSE_OPTIONS, recover } from './syntax';

/** One Kubernetes object: a YAML document's root map, or an item of a `kind: List`. */
export interface KubeObject {
  node: YAMLMap<unknown, unknown>;
  apiVersion: string;
  kind: string;
  /** The YAML document holding it. */
  document: Document.Parsed;
  /** What each alias of that document stands for (see `resolveAliases`). */
  aliases: AliasTargets;
  /**
   * Its document has a syntax error: this is what was recovered around it (see syntax.ts). Good
   * for hovers, completion and the object's own checks; never evidence about other objects.
   */
  broken: boolean;
}

/** The node each alias of a document refers to; unresolved aliases are missing. */
export type AliasTargets = ReadonlyMap<Alias, Node>;

/** A problem with the text itself, found while parsing. */
export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** `duplicate-key` for repeated map keys; everything else is a syntax error. */
  code: 'yaml-syntax' | 'duplicate-key';
}

export interface ParsedManifests {
  documents: Document.Parsed[];
  objects: KubeObject[];
  problems: SyntaxProblem[];
  /**
   * The kinds of the documents with syntax errors, `undefined` for one whose kind cannot be
   * read: they may define more than was recovered, so no rule may conclude that an object of
   * such a kind is absent.
   */
  brokenKinds: Array<string | undefined>;
}

/** Files above this size are not parsed: the answer would come too late to help while typing. */
export const MAX_MANIFEST_CHARS = 4 * 1024 * 1024;
/**
 * Nodes that aliases may add to a document when expanded (an alias of a scalar adds none); a
 * "billion laughs" document adds hundreds of millions. Rules that follow aliases read this many
 * nodes more at most.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Parses every `---` document. Never throws: oversized, binary and alias-bomb input yield a
 * single problem and no objects; syntax errors yield the first error of each document, and the
 * objects of that document as recovered without the broken text (see syntax.ts).
 */
export function parseManifests(text: string): ParsedManifests {
  if (text.length > MAX_MANIFEST_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    const message = `This file is ${mb} MB; Kubernetes checks stop at ${MAX_MANIFEST_CHARS / (1024 * 1024)} MB. Split it into smaller manifests to have it checked.`;
    return unread(0, 0, message, []);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return unread(nul, nul + 1, 'This file holds binary data (a NUL character), so it is not checked as YAML.', []);
  // Unreadable text may have held objects of any kind (see brokenKinds).
  return unlessNestedTooDeep(
    () => parseReadable(text),
    () => unread(0, Math.min(1, text.length), NESTED_TOO_DEEP, [undefined]),
  );
}

/** A file that is not read: one problem, no objects. */
function unread(start: number, end: number, message: string, brokenKinds: Array<string | undefined>): ParsedManifests {
  return { documents: [], objects: [], brokenKinds, problems: [{ start, end, code: 'yaml-syntax', message }] };
}

function parseReadable(text: string): ParsedManifests {
  const parsed: ParsedManifests = { documents: [], objects: [], problems: [], brokenKinds: [] };
  const cut = cutDeepFlowNesting(text);
  const source = cut?.text ?? text;
  for (const document of parseAllDocuments(source, PARSE_OPTIONS)) {
    const error = document.errors[0];
    // The document that lost its deepest brackets is read as one with a syntax error: broken.
    const lostText = cut && document.range[0] <= cut.at && cut.at < document.range[2];
    if (!error && !lostText) {
      read(parsed, document, false);
      continue;
    }
    parsed.problems.push(
      lostText ? { start: cut.at, end: cut.at + 1, code: 'yaml-syntax', message: cut.message } : { ...describeError(source, error!), code: 'yaml-syntax' },
    );
    const recovered = error && recover(source, document);
    const kinds: Array<string | undefined> = [];
    for (const part of recovered?.documents ?? []) {
      const [start, , end] = part.range;
      const broken = !!recovered?.blanked.some(([at]) => at >= start && at < end);
      const objects = read(parsed, part, broken);
      if (broken) kinds.push(...objects.map((o) => o.kind));
    }
    if (!recovered) parsed.documents.push(document);
    // A List, or a document whose kind did not survive, may hold objects of any kind.
    parsed.brokenKinds.push(...(kinds.length === 0 || kinds.includes('List') ? [undefined] : kinds));
  }
  return parsed;
}

/** Adds a parsed document, its duplicate keys and its objects (none for an alias bomb); returns the objects. */
function read(parsed: ParsedManifests, document: Document.Parsed, broken: boolean): KubeObject[] {
  parsed.documents.push(document);
  const { duplicates, hasAlias } = scan(document);
  parsed.problems.push(...duplicates);
  const aliases = hasAlias ? resolveAliases(document) : NO_ALIASES;
  if (hasAlias && aliasBomb(document, aliases)) {
    const [start, end] = document.range;
    parsed.problems.push({
      start,
      end: Math.min(end, start + 1),
      code: 'yaml-syntax',
      message: `Aliases in this document expand it by more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?); it is not checked.`,
    });
    return [];
  }
  const objects = objectsOf(document, aliases, broken);
  parsed.objects.push(...objects);
  return objects;
}

const NO_ALIASES: AliasTargets = new Map();

/**
 * Objects and duplicate keys again, for documents that parsed cleanly and were patched in place;
 * given `duplicates` (a patch that changed no key and found no alias), only the objects.
 */
export function rescan(documents: Document.Parsed[], duplicates?: SyntaxProblem[]): ParsedManifests {
  if (duplicates) return { documents, objects: documents.flatMap((d) => objectsOf(d, NO_ALIASES, false)), problems: duplicates, brokenKinds: [] };
  const problems: SyntaxProblem[] = [];
  const objects: KubeObject[] = [];
  for (const document of documents) {
    const { duplicates, hasAlias } = scan(document);
    problems.push(...duplicates);
    objects.push(...objectsOf(document, hasAlias ? resolveAliases(document) : NO_ALIASES, false));
  }
  return { documents, objects, problems, brokenKinds: [] };
}

/**
 * One pass over the tree: repeated map keys, and whether any alias occurs (only then is the
 * expansion counted). Iterative, so deep nesting cannot overflow the stack here.
 */
function scan(document: Document.Parsed): { duplicates: SyntaxProblem[]; hasAlias: boolean } {
  const duplicates: SyntaxProblem[] = [];
  let hasAlias = false;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      hasAlias = true;
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = pair.key.value;
          if (seen.has(key) && key !== '<<') {
            const [start, end] = pair.key.range ?? [0, 0];
            duplicates.push({
              start,
              end,
              code: 'duplicate-key',
              message: 'This key appears twice in the same map; Kubernetes keeps only the last one. Remove or merge the duplicate.',
            });
          }
          seen.add(key);
        } else if (pair.key) {
          stack.push(pair.key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return { duplicates, hasAlias };
}

/**
 * Every alias of a document with the node it refers to: the last node before it (in document
 * order) anchored with its name, as YAML and the `yaml` package define it. One pass per document;
 * `Alias.resolve` searches the whole document for each alias, which made many aliases quadratic.
 */
export function resolveAliases(document: Document.Parsed): AliasTargets {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      continue;
    }
    if (!isNode(node)) continue;
    // A node's anchor counts from the node itself on, before its children (as in `yaml`'s visit).
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i].value, node.items[i].key);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return targets;
}

/** The children of a node as a reader following aliases sees them. */
function childrenOf(node: unknown, aliases: AliasTargets): unknown[] {
  if (isAlias(node)) return [aliases.get(node)];
  if (isMap(node)) return node.items.flatMap((pair) => (isPair(pair) ? [pair.key, pair.value] : []));
  if (isSeq(node)) return node.items;
  return [];
}

/**
 * Whether following the aliases adds more than MAX_ALIAS_EXPANSION nodes to the document, or never
 * ends (an alias inside the node it names). Each node's expanded size is computed once, so this is
 * linear in the written document however far the aliases would expand it. Aliases of scalars, the
 * common use, add nothing, so a document with no alias of a collection is not walked at all.
 */
function aliasBomb(document: Document.Parsed, aliases: AliasTargets): boolean {
  if (![...aliases.values()].some((target) => isMap(target) || isSeq(target))) return false;
  const VISITING = -1;
  const size = new Map<unknown, number>();
  let written = 0;
  const stack: Array<{ node: unknown; children?: unknown[] }> = [{ node: document.contents }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top.children) {
      const known = size.get(top.node);
      if (known === VISITING) return true;
      if (known !== undefined || top.node === null || top.node === undefined) {
        stack.pop();
        continue;
      }
      written++;
      size.set(top.node, VISITING);
      top.children = childrenOf(top.node, aliases);
      for (const child of top.children) stack.push({ node: child });
      continue;
    }
    stack.pop();
    // An alias stands for its target; everything else counts itself and its children.
    let total = isAlias(top.node) ? 0 : 1;
    for (const child of top.children) total += size.get(child) ?? 0;
    size.set(top.node, total);
  }
  return (size.get(document.contents) ?? 0) > written + MAX_ALIAS_EXPANSION;
}

function objectsOf(document: Document.Parsed, aliases: AliasTargets, broken: boolean): KubeObject[] {
  const root = document.contents;
  if (!isMap(root)) return [];
  const apiVersion = str(get(root, 'apiVersion'));
  const kind = str(get(root, 'kind'));
  if (apiVersion === undefined || kind === undefined) return [];
  const self: KubeObject = { node: root, apiVersion, kind, document, aliases, broken };
  if (kind !== 'List') return [self];
  const listed: KubeObject[] = [];
  for (const item of items(get(root, 'items'))) {
    const itemVersion = str(get(item, 'apiVersion'));
    const itemKind = str(get(item, 'kind'));
    if (isMap(item) && itemVersion !== undefined && itemKind !== undefined)
      listed.push({ node: item, apiVersion: itemVersion, kind: itemKind, document, aliases, broken });
  }
  return [self, ...listed];
}
