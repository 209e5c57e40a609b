import { type Alias, type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Node, parseAllDocuments, type YAMLMap } from 'yaml';
import { get, items, str } from './nodes';

/** One Kubernetes object: a YAML document's root map, or an item of a `kind: List`. */
export interface KubeObject {
  node: YAMLMap<unknown, unknown>;
  apiVersion: string;
  kind: string;
  /** The YAML document holding it. */
  document: Document.Parsed;
  /** What each alias of that document stands for (see `resolveAliases`). */
  aliases: AliasTargets;
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
 * single problem and no objects; syntax errors yield the first error of each document.
 */
export function parseManifests(text: string): ParsedManifests {
  if (text.length > MAX_MANIFEST_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return {
      documents: [],
      objects: [],
      problems: [
        {
          start: 0,
          end: 0,
          code: 'yaml-syntax',
          message: `This file is ${mb} MB; Kubernetes checks stop at ${MAX_MANIFEST_CHARS / (1024 * 1024)} MB. Split it into smaller manifests to have it checked.`,
        },
      ],
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      documents: [],
      objects: [],
      problems: [{ start: nul, end: nul + 1, code: 'yaml-syntax', message: 'This file holds binary data (a NUL character), so it is not checked as YAML.' }],
    };
  }
  // Duplicate keys are found below in one pass; the parser's own check is quadratic per map.
  const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, merge: true });
  const docs: Document.Parsed[] = Array.isArray(documents) ? documents : [];
  const problems: SyntaxProblem[] = [];
  const objects: KubeObject[] = [];
  for (const document of docs) {
    const syntax = document.errors[0];
    if (syntax) {
      problems.push(
        unclosedAt(text, syntax.pos[0], syntax.message) ?? {
          start: syntax.pos[0],
          end: Math.max(syntax.pos[1], syntax.pos[0] + 1),
          code: 'yaml-syntax',
          message: syntaxMessage(syntax.code, syntax.message),
        },
      );
      continue;
    }
    const { duplicates, hasAlias } = scan(document);
    problems.push(...duplicates);
    const aliases = hasAlias ? resolveAliases(document) : NO_ALIASES;
    if (hasAlias && aliasBomb(document, aliases)) {
      const [start, end] = document.range;
      problems.push({
        start,
        end: Math.min(end, start + 1),
        code: 'yaml-syntax',
        message: `Aliases in this document expand it by more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?); it is not checked.`,
      });
      continue;
    }
    objects.push(...objectsOf(document, aliases));
  }
  return { documents: docs, objects, problems };
}

const NO_ALIASES: AliasTargets = new Map();

/** Objects and duplicate keys again, for documents that parsed cleanly and were patched in place. */
export function rescan(documents: Document.Parsed[]): ParsedManifests {
  const problems: SyntaxProblem[] = [];
  const objects: KubeObject[] = [];
  for (const document of documents) {
    const { duplicates, hasAlias } = scan(document);
    problems.push(...duplicates);
    objects.push(...objectsOf(document, hasAlias ? resolveAliases(document) : NO_ALIASES));
  }
  return { documents, objects, problems };
}

/**
 * The parser notices an unclosed `[`, `{` or quote only where the next line starts; the useful
 * place is the opener itself, found by scanning back from there.
 */
function unclosedAt(text: string, at: number, message: string): SyntaxProblem | undefined {
  const flow = /end with a ([\]}])/.exec(message);
  const quote = /Missing closing (["'])quote/.exec(message);
  let opener = -1;
  if (flow) {
    const [open, close] = flow[1] === ']' ? ['[', ']'] : ['{', '}'];
    let depth = 0;
    for (let i = at - 1; i >= 0 && i > at - 100000; i--) {
      if (text[i] === close) depth++;
      else if (text[i] === open && depth-- === 0) {
        opener = i;
        break;
      }
    }
  } else if (quote) {
    opener = text.lastIndexOf(quote[1], at - 1);
  }
  if (opener < 0) return undefined;
  const char = text[opener];
  const closer = char === '[' ? ']' : char === '{' ? '}' : char;
  return {
    start: opener,
    end: opener + 1,
    code: 'yaml-syntax',
    message: `YAML syntax error: this "${char}" is never closed; add "${closer}" where the value ends.`,
  };
}

function syntaxMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'TAB_AS_INDENT') return 'YAML does not allow tabs for indentation; indent with spaces.';
  if (message.includes('call stack')) return 'This document nests too deeply to be checked; flatten it.';
  return `YAML syntax error: ${first}.`.replace(/\.\.$/, '.');
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
 * linear in the written document however far the aliases would expand it.
 */
function aliasBomb(document: Document.Parsed, aliases: AliasTargets): boolean {
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

function objectsOf(document: Document.Parsed, aliases: AliasTargets): KubeObject[] {
  const root = document.contents;
  if (!isMap(root)) return [];
  const apiVersion = str(get(root, 'apiVersion'));
  const kind = str(get(root, 'kind'));
  if (apiVersion === undefined || kind === undefined) return [];
  const self: KubeObject = { node: root, apiVersion, kind, document, aliases };
  if (kind !== 'List') return [self];
  const listed: KubeObject[] = [];
  for (const item of items(get(root, 'items'))) {
    const itemVersion = str(get(item, 'apiVersion'));
    const itemKind = str(get(item, 'kind'));
    if (isMap(item) && itemVersion !== undefined && itemKind !== undefined)
      listed.push({ node: item, apiVersion: itemVersion, kind: itemKind, document, aliases });
  }
  return [self, ...listed];
}
