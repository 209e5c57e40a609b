import { type Document, isMap, isScalar, type Pair, Scalar, type YAMLMap } from 'yaml';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JSONSchema } from 'yaml-language-server/out/src/languageservice/jsonSchema.js';
import { rangeOf } from '../common';

/**
 * The two helpers of yaml-language-server's completer that turn a schema property into an item.
 * They are private in its typings but plain methods; calling them keeps each item's insert text
 * and documentation exactly what the completer makes (a unit test compares the two).
 */
export interface PropertyText {
  getInsertTextForProperty(key: string, propertySchema: JSONSchema, separatorAfter: string, indent: string): string;
  fromMarkup(markdown: string | undefined): MarkupContent | undefined;
}

/** A key being typed or replaced: the mapping it belongs to, its pair, and the keys from the root to the mapping. */
interface KeyInMapping {
  map: YAMLMap;
  pair: Pair;
  path: string[];
  key: Scalar;
}

/** The plain key of a block mapping under `offset` (its first to just past its last character), on a path of block mappings only. */
function keyAt(document: Document, offset: number): KeyInMapping | undefined {
  let node: unknown = document.contents;
  const path: string[] = [];
  while (isMap(node) && !node.flow) {
    let next: unknown;
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) return undefined;
      if (key.range[0] <= offset && offset <= key.range[1]) {
        return key.type === Scalar.PLAIN && typeof key.value === 'string' && key.value !== '<<' ? { map: node, pair, path, key } : undefined;
      }
      const value = pair.value as { range?: [number, number, number] } | null;
      if (value?.range && value.range[0] <= offset && offset <= value.range[1]) {
        next = value;
        path.push(String(key.value));
        break;
      }
    }
    node = next;
  }
  return undefined;
}

/** Keywords that make the completer look at more than a schema's own properties. */
const CHOOSES = [
  'oneOf',
  'anyOf',
  'allOf',
  'if',
  'then',
  'else',
  'not',
  '$ref',
  'dependencies',
  'dependentSchemas',
  'propertyNames',
  'defaultSnippets',
] as const;

function plain(schema: JSONSchema): boolean {
  const type = schema.type;
  const object = type === undefined || type === 'object' || (Array.isArray(type) && type.includes('object'));
  return object && !CHOOSES.some((k) => (schema as Record<string, unknown>)[k] !== undefined);
}

/**
 * The one schema of the mapping at `path`, walked as the validator walks it: a property, else the
 * patterns that match, else the additional properties. Undefined where more than one schema could
 * apply, or where any schema on the way chooses between alternatives: there the completer's answer
 * depends on the document's content, and only it can give it.
 */
function schemaAt(root: JSONSchema, path: readonly string[]): JSONSchema | undefined {
  let schema = root;
  for (const key of path) {
    if (!plain(schema)) return undefined;
    const property = schema.properties?.[key];
    let members: unknown[];
    if (property !== undefined) members = [property];
    else {
      members = Object.entries(schema.patternProperties ?? {}).flatMap(([pattern, value]) => (matches(pattern, key) ? [value] : []));
      if (members.length === 0 && schema.additionalProperties !== undefined) members = [schema.additionalProperties];
    }
    if (members.length !== 1 || typeof members[0] !== 'object' || members[0] === null) return undefined;
    schema = members[0] as JSONSchema;
  }
  return plain(schema) && schema.properties && schema.maxProperties === undefined && !(schema.required?.length ?? 0) ? schema : undefined;
}

/** Whether a schema's pattern matches a key, read as the validator reads it; a pattern JavaScript cannot read matches nothing. */
export function matches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

/** A property's item before it is placed: what the completer would insert and show for it. */
interface PropertyItem {
  key: string;
  insertText: string;
  documentation: string | MarkupContent;
  /** The completer would change its label or insert text when adding it (a long or multi-line key, a one-character default). */
  rewritten: boolean;
}

/** The items of an object schema's properties, made once per schema and indentation. */
const itemsBySchema = new WeakMap<JSONSchema, Map<string, PropertyItem[]>>();

function propertyItems(schema: JSONSchema, textOf: () => PropertyText, indentation: string): PropertyItem[] {
  let byIndentation = itemsBySchema.get(schema);
  if (!byIndentation) itemsBySchema.set(schema, (byIndentation = new Map()));
  let items = byIndentation.get(indentation);
  if (items) return items;
  items = [];
  const text = textOf();
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (typeof property !== 'object' || property.deprecationMessage || (property as { doNotSuggest?: boolean }).doNotSuggest) continue;
    const insertText = text.getInsertTextForProperty(key, property, '', indentation);
    items.push({
      key,
      insertText: insertText.endsWith('$1') ? insertText.slice(0, -2) : insertText,
      rewritten: key.length > 60 || /\n|\\n/.test(key) || ONE_CHARACTER_DEFAULT.test(placeholdersOut(insertText)),
      documentation: text.fromMarkup(property.markdownDescription) || property.description || '',
    });
  }
  byIndentation.set(indentation, items);
  return items;
}

/** An insert text the completer rewrites to quote its value: `key: '`, `key: "` or `key: \\` once placeholders are read as their text. */
const ONE_CHARACTER_DEFAULT = /^([^:"]+):\s*(['\\"\\])$/;
const placeholdersOut = (insertText: string) => insertText.replace(/\${[0-9]+[:|](.*)}/g, (_, text: string) => text).replace(/\$([0-9]+)/g, '');

/**
 * The completion yaml-language-server gives on a key of a block mapping, worked out from the
 * schema instead of by the completer: the schema's properties that the mapping does not hold yet
 * (the key under the cursor is offered again), each replacing that key. The completer copies the
 * document, checks all of it against the schema and builds every item on each request (about
 * 1.5 ms for a Compose service); here the items of a schema are made once and each request only
 * filters them. Undefined wherever its answer could differ from the completer's, which then
 * answers: off a plain key of a block mapping, in a list, with a YAML error off the cursor's line,
 * text after the cursor that is only spaces, a file of several documents, a label the completer
 * would shorten, or a schema that chooses between alternatives on the way (see `schemaAt`).
 */
export function keyCompletion(
  doc: TextDocument,
  document: Document,
  errorOffsets: readonly number[],
  schema: JSONSchema,
  text: () => PropertyText,
  indentation: string,
  offset: number,
): CompletionItem[] | undefined {
  const at = keyAt(document, offset);
  if (!at) return undefined;
  const source = doc.getText();
  if (source.charAt(offset - 1) === ':') return undefined;
  const position = doc.positionAt(offset);
  const lineStart = offset - position.character;
  // The line as the completer reads it: up to the next line's start, its line break included.
  const line = source.slice(lineStart, doc.offsetAt({ line: position.line + 1, character: 0 }));
  if (/^[ ]+\n?$/.test(line.slice(position.character))) return undefined;
  if (errorOffsets.some((e) => e < lineStart || e >= lineStart + line.length)) return undefined;
  const mapSchema = schemaAt(schema, at.path);
  if (!mapSchema) return undefined;
  const keyRange = at.key.range as [number, number, number];
  const range = rangeOf(doc, keyRange[0], keyRange[1]);
  const existingKey = source.slice(keyRange[0], keyRange[1]);
  const hasColon = line.includes(':');
  const present = new Set(at.map.items.filter((p) => p !== at.pair && isScalar(p.key)).map((p) => String((p.key as Scalar).value)));
  const items: CompletionItem[] = [];
  for (const item of propertyItems(mapSchema, text, indentation)) {
    if (present.has(item.key)) continue;
    if (item.rewritten) return undefined;
    const insertText = item.key.startsWith(existingKey) && hasColon ? item.key : item.insertText;
    items.push({
      kind: CompletionItemKind.Property,
      label: item.key,
      insertText,
      insertTextFormat: InsertTextFormat.Snippet,
      documentation: item.documentation,
      textEdit: { range, newText: insertText },
    });
  }
  return items;
}
