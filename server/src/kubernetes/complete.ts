import { type CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, type Position } from 'vscode-languageserver-types';
import { sanitizeMarkdown } from '../common';
import type { ServiceContext, SourceDocument } from '../workspace';
import skeletonTable from './data/skeletons.json';
import { catalogKinds } from './catalog';
import { analyseManifest } from './manifestFile';
import { removal } from './reference';
import { bundledSchema, deref, isDeprecated, itemSchema, type JsonSchema, type KubeSchema, typeMetaKey, typeName } from './schema';
import { schemaAt } from './schemaPath';
import { skeleton } from './skeleton';

/**
 * Completion works on the text around the cursor (indentation, `- ` items, `key:`), not on the
 * parse tree, because the line being typed is rarely valid YAML yet. The parse only supplies
 * the workspace CRDs; the schema path comes from the lines above the cursor.
 *
 * Whole-manifest skeletons are offered only where a new document starts (an empty document, or
 * right after `---`), in manifests and in plain YAML files with nothing else in that document;
 * editor snippets cannot be scoped that way, so they live here as data (data/skeletons.json, in
 * VS Code's snippet format: curated manifests that pass every check) next to a skeleton of the
 * required fields for every other kind.
 */

/** A curated skeleton: a snippet whose body is a whole manifest (one or more documents). */
interface Skeleton {
  prefix: string[];
  description: string;
  body: string[];
}

const SKELETONS = skeletonTable as Record<string, Skeleton>;

interface Line {
  indent: number;
  dash: boolean;
  /** Column where the content after any `- ` starts. */
  content: number;
  key?: string;
  /** The text after `key:`, trimmed. */
  rest: string;
}

const KEY_LINE = /^([\w./-]+|"[^"]*"|'[^']*')\s*:(?:\s+|$)(.*)$/;

function readLine(text: string): Line | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const indent = text.length - text.trimStart().length;
  const dashMatch = /^(\s*)(-\s+)/.exec(text);
  const content = dashMatch ? dashMatch[0].length : indent;
  const m = KEY_LINE.exec(text.slice(content));
  return { indent, dash: !!dashMatch, content, key: m?.[1].replace(/^["']|["']$/g, ''), rest: m?.[2].trim() ?? text.slice(content).trim() };
}

/** The YAML document (between `---` lines) holding `line`, as [first, last] line numbers. */
function documentLines(lines: readonly string[], line: number): [number, number] {
  let first = line;
  while (first > 0 && !lines[first - 1].startsWith('---')) first--;
  let last = line;
  while (last + 1 < lines.length && !lines[last + 1].startsWith('---')) last++;
  return [first, last];
}

/** Leading spaces of a line, without building any string (large files scan many lines). */
function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

/** Keys from the document root to the map at column `column` above `line`; `[]` marks a list item. */
export function parentPath(lines: readonly string[], first: number, line: number, column: number, inItem: boolean): string[] | undefined {
  const path: string[] = inItem ? ['[]'] : [];
  let cur = column;
  let sameColumnParent = inItem;
  for (let i = line - 1; i >= first && cur > 0; i--) {
    const l = readLine(lines[i]);
    if (!l) continue;
    if (l.dash && l.content <= cur && l.indent < cur && cur === l.content) {
      // A sibling key inside the same list item: the item itself is the parent level.
      path.unshift('[]');
      cur = l.indent;
      sameColumnParent = true;
      continue;
    }
    if (l.dash && l.indent < cur && l.content < cur) {
      if (l.key !== undefined && l.rest === '') {
        path.unshift(l.key, '[]');
        cur = l.indent;
        sameColumnParent = true;
      }
      continue;
    }
    if (l.indent < cur || (sameColumnParent && l.indent === cur && !l.dash)) {
      if (l.key === undefined || l.rest !== '') return undefined;
      path.unshift(l.key);
      cur = l.indent;
      sameColumnParent = false;
    }
  }
  return path;
}

function siblingKeys(lines: readonly string[], first: number, last: number, line: number, column: number): Set<string> {
  const keys = new Set<string>();
  for (const step of [-1, 1]) {
    for (let i = line + step; i >= first && i <= last; i += step) {
      // Deeper lines belong to children, never siblings; skip them without parsing.
      if (indentOf(lines[i]) > column) continue;
      const l = readLine(lines[i]);
      if (!l) continue;
      if (l.content < column || (l.dash && l.content === column && step > 0)) break;
      if (l.content === column && l.key) keys.add(l.key);
      if (l.dash && l.content === column) break;
    }
  }
  return keys;
}

function typeMeta(lines: readonly string[], first: number, last: number): { apiVersion?: string; kind?: string } {
  const out: { apiVersion?: string; kind?: string } = {};
  for (let i = first; i <= last; i++) {
    const c = lines[i].charCodeAt(0);
    if (c !== 97 && c !== 107) continue; // 'a' or 'k' at column 0
    const m = /^(apiVersion|kind)\s*:\s*["']?([^"'\s#]+)/.exec(lines[i]);
    if (m) out[m[1] as 'apiVersion' | 'kind'] = m[2];
  }
  return out;
}

/** Whether every line of the document other than `line` is blank or a comment: where a new manifest can start. */
function startsDocument(lines: readonly string[], first: number, last: number, line: number): boolean {
  for (let i = first; i <= last; i++) if (i !== line && !/^\s*(#.*)?$/.test(lines[i])) return false;
  return true;
}

export function complete(ctx: ServiceContext, src: SourceDocument, pos: Position): CompletionItem[] {
  const schema = bundledSchema(ctx);
  if (!schema) return [];
  const text = src.doc.getText();
  const lines = ctx.cache.get('kubernetes/lines', src.doc.uri, text, () => text.split(/\r?\n/));
  const lineText = lines[pos.line] ?? '';
  const before = lineText.slice(0, pos.character);
  const [first, last] = documentLines(lines, pos.line);
  // Plain YAML (no document with apiVersion and kind yet): only a new manifest, where one can start.
  if (src.kind !== 'kubernetes') return /^[\w-]*$/.test(before) && startsDocument(lines, first, last, pos.line) ? newDocumentItems(schema) : [];
  const meta = typeMeta(lines, first, last);
  const file = analyseManifest(ctx, src.doc);

  const valueMatch = /^(\s*)(-\s+)?([\w./-]+)\s*:\s+(\S*)$/.exec(before);
  if (valueMatch) {
    const column = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    const key = valueMatch[3];
    if (column === 0 && key === 'kind') return [...kindValues(schema, meta.apiVersion), ...catalogValues(ctx, schema, 'kind', meta.apiVersion)];
    if (column === 0 && key === 'apiVersion') return [...apiVersionValues(schema, meta.kind), ...catalogValues(ctx, schema, 'apiVersion', meta.kind)];
    const parents = parentPath(lines, first, pos.line, column, !!valueMatch[2]);
    if (!parents || !meta.apiVersion || !meta.kind) return [];
    const found = schemaAt(file, { apiVersion: meta.apiVersion, kind: meta.kind }, [...parents, key]);
    return found ? valueItems(found.schema) : [];
  }
  const keyMatch = /^(\s*)(-\s+)?([\w./-]*)$/.exec(before);
  if (!keyMatch) return [];
  const column = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
  if (column === 0 && !meta.kind) {
    if (startsDocument(lines, first, last, pos.line)) return newDocumentItems(schema);
    const present = siblingKeys(lines, first, last, pos.line, 0);
    return TYPE_META_ITEMS.filter((i) => !present.has(i.label));
  }
  if (!meta.apiVersion || !meta.kind) return [];
  const parents = parentPath(lines, first, pos.line, column, !!keyMatch[2]);
  if (!parents) return [];
  const found = schemaAt(file, { apiVersion: meta.apiVersion, kind: meta.kind }, parents);
  if (!found) return [];
  let target = deref(found.definitions, found.schema);
  if (target?.type === 'array') target = itemSchema(found.definitions, target);
  const present = siblingKeys(lines, first, last, pos.line, column);
  return keyItems(target, found.definitions, present, column);
}

function keyItems(schema: JsonSchema | undefined, definitions: Record<string, JsonSchema>, present: Set<string>, column: number): CompletionItem[] {
  const required = new Set(schema?.required ?? []);
  const items: CompletionItem[] = [];
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    if (present.has(name)) continue;
    const prop = deref(definitions, raw);
    const isObject = prop?.type === 'object' || !!prop?.properties;
    const isList = prop?.type === 'array';
    const inner = ' '.repeat(column + 2);
    const insertText = isObject ? `${name}:\n${inner}` : isList ? `${name}:\n${inner}- ` : `${name}: `;
    const description = raw.description ?? prop?.description;
    // A deprecated field sorts after every other, so after the field that replaces it.
    const deprecated = isDeprecated(raw) || isDeprecated(prop);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `${typeName(definitions, raw)}${required.has(name) ? ' (required)' : ''}${deprecated ? ' (deprecated)' : ''}`,
      documentation: description ? { kind: 'markdown', value: sanitizeMarkdown(description.split('\n\nPossible enum values:')[0]) } : undefined,
      insertText,
      sortText: `${required.has(name) ? '0' : deprecated ? '2' : '1'}${name}`,
      ...(deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    });
  }
  return items;
}

function valueItems(schema: JsonSchema): CompletionItem[] {
  if (schema.enum) return schema.enum.map((v) => ({ label: String(v), kind: CompletionItemKind.EnumMember }));
  if (schema.type === 'boolean') return ['true', 'false'].map((label) => ({ label, kind: CompletionItemKind.Value }));
  return [];
}

/** Sort key: stable before alpha/beta, newer major version first (`autoscaling/v2` before `v1`). */
function rank(apiVersion: string): string {
  const m = /v(\d+)((?:alpha|beta)\d*)?$/.exec(apiVersion);
  const major = Number(m?.[1] ?? 0);
  return `${m?.[2] ? 1 : 0}${String(99 - major).padStart(2, '0')}${apiVersion}`;
}

/** Kinds worth offering: no `…List` kinds and nothing the target version no longer serves. */
function usableKinds(schema: KubeSchema): KubeSchema['kinds'] {
  return schema.kinds.filter((k) => !k.kind.endsWith('List') && !removal(k.apiVersion, k.kind));
}

function kindValues(schema: KubeSchema, apiVersion: string | undefined): CompletionItem[] {
  const seen = new Map<string, string>();
  for (const k of usableKinds(schema)) {
    if (apiVersion && k.apiVersion !== apiVersion) continue;
    const best = seen.get(k.kind);
    if (!best || rank(k.apiVersion) < rank(best)) seen.set(k.kind, k.apiVersion);
  }
  return [...seen].map(([kind, version]) => ({ label: kind, kind: CompletionItemKind.Class, detail: version }));
}

function apiVersionValues(schema: KubeSchema, kind: string | undefined): CompletionItem[] {
  const versions = new Set(
    usableKinds(schema)
      .filter((k) => !kind || k.kind === kind)
      .map((k) => k.apiVersion),
  );
  return [...versions].map((v) => ({ label: v, kind: CompletionItemKind.Module, sortText: rank(v) }));
}

/**
 * The CRD catalog's kinds of a custom apiVersion, or apiVersions of a kind Kubernetes does not have
 * (`kind: Certificate` → `cert-manager.io/v1`, …). Only once the other half is written: offered
 * for every manifest, the catalog's hundred groups would crowd out the built-in ones.
 */
function catalogValues(ctx: ServiceContext, schema: KubeSchema, field: 'kind' | 'apiVersion', other: string | undefined): CompletionItem[] {
  if (!other) return [];
  const known = field === 'kind' ? schema.kinds.some((k) => k.apiVersion === other) : schema.kinds.some((k) => k.kind === other);
  if (known || (field === 'kind' && !other.includes('.'))) return [];
  return catalogKinds(ctx)
    .filter((k) => (field === 'kind' ? k.apiVersion === other : k.kind === other))
    .map((k) =>
      field === 'kind'
        ? { label: k.kind, kind: CompletionItemKind.Class, detail: `${k.apiVersion} (CRD catalog: ${k.origin})` }
        : { label: k.apiVersion, kind: CompletionItemKind.Module, detail: `CRD catalog: ${k.origin}`, sortText: rank(k.apiVersion) },
    );
}

/** The keys every manifest starts with. */
const TYPE_META_ITEMS: readonly CompletionItem[] = [
  { label: 'apiVersion', kind: CompletionItemKind.Property, insertText: 'apiVersion: ', sortText: '0apiVersion' },
  { label: 'kind', kind: CompletionItemKind.Property, insertText: 'kind: ', sortText: '0kind' },
];

/**
 * At the start of a new document: apiVersion, kind, the curated skeletons the target version
 * serves, and a skeleton of the required fields for every other kind (stable versions).
 */
function newDocumentItems(schema: KubeSchema): CompletionItem[] {
  const items: CompletionItem[] = [...TYPE_META_ITEMS];
  const curated = new Set<string>();
  for (const [name, s] of Object.entries(SKELETONS)) {
    const text = s.body.join('\n');
    const apiVersion = /^apiVersion: (\S+)$/m.exec(text)?.[1];
    const kind = /^kind: (\S+)$/m.exec(text)?.[1];
    if (!apiVersion || !kind || !schema.byTypeMeta.has(typeMetaKey(apiVersion, kind))) continue;
    curated.add(kind);
    items.push({
      label: name.replace(/^Kubernetes /, ''),
      kind: CompletionItemKind.Snippet,
      detail: `${apiVersion} — ${s.description}`,
      insertText: `${text}\n`,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `1${name}`,
    });
  }
  for (const [kind, apiVersion] of kindValues(schema, undefined).map((i) => [i.label, i.detail as string])) {
    if (/(alpha|beta)\d*$/.test(apiVersion) || curated.has(kind)) continue;
    const info = schema.byTypeMeta.get(typeMetaKey(apiVersion, kind));
    if (!info) continue;
    items.push({
      label: kind,
      kind: CompletionItemKind.Snippet,
      detail: `${apiVersion} — skeleton with the required fields`,
      insertText: skeleton(schema, info),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `2${kind}`,
    });
  }
  return items;
}
