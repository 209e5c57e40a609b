import type { CompletionItem, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JSONSchema } from 'yaml-language-server/out/src/languageservice/jsonSchema.js';
import type { ASTNode } from 'yaml-language-server/out/src/languageservice/jsonLanguageTypes.js';
import type { YAMLDocument } from 'yaml-language-server/out/src/languageservice/parser/yamlParser07.js';
import type { ResolvedSchema } from 'yaml-language-server/out/src/languageservice/services/yamlSchemaService.js';
import {
  cutDeepFlowNesting,
  type Finding,
  finding,
  NESTED_TOO_DEEP,
  rangeOf,
  type Resources,
  type RuleMeta,
  sanitizeMarkdown,
  unlessNestedTooDeep,
  type VersionedCache,
} from '../common';
import { yamlLanguageServer, type YamlLanguageServer } from './engine';
import { keyCompletion, matches, type PropertyText } from './keys';
import { quickClone } from './quickClone';

export type { JSONSchema, YAMLDocument };

/** What the functions here need of the feature context (ServiceContext has both). */
export interface SchemaContext {
  cache: VersionedCache;
  resources?: Resources;
}

/** A JSON Schema bundled as a data file next to the server, e.g. `schemas/compose.json`. */
export interface BundledSchema {
  /** The data file, relative to the bundle folder (see common/resources.ts). */
  file: string;
}

/**
 * A JSON Schema given as a value: one the workspace holds (a chart's values.schema.json, parsed by
 * its owner) or one compiled into the server (Chart.yaml's). Its service is made once per `uri` and
 * `version`: the owner gives a new version when the text changes.
 */
export interface InlineSchema {
  uri: string;
  version: number | string;
  schema: JSONSchema;
}

/** Where a document's schema comes from. */
export type SchemaSource = BundledSchema | InlineSchema;

/** The classes built on yaml-language-server's, defined when it is first loaded (see engine.ts). */
function defineClasses() {
  const yls = yamlLanguageServer();

  /**
   * The schema service of one schema: always answers that schema, whatever the document's
   * URI, modeline (`# yaml-language-server: $schema=…`) or `$schema` key says. Real Compose files
   * often carry a modeline naming a schema on the web; following it would mean a download (refused:
   * we are offline) and then no schema at all.
   */
  class FixedSchemaService extends yls.YAMLSchemaService {
    /**
     * The resolved schema; `undefined` when it failed to load or resolve (schema features are then
     * off). A workspace schema is kept when only some of its references failed (a `$ref` to the web):
     * yaml-language-server accepts anything where a reference did not resolve, so the rest still checks.
     */
    readonly resolved: Promise<ResolvedSchema | undefined>;

    constructor(uri: string, schema: JSONSchema, tolerateErrors: boolean) {
      super(() => Promise.reject(new Error('Container Notes works offline: only bundled schemas are used.')));
      this.registerExternalSchema(uri, [], schema);
      this.resolved = this.getResolvedSchema(uri).then(
        (r) => (r && (tolerateErrors || r.errors.length === 0) ? r : undefined),
        () => undefined,
      );
    }

    override getSchemaForResource(): Promise<ResolvedSchema> {
      return this.resolved.then((r) => r ?? new yls.ResolvedSchema({}));
    }
  }

  /** The parse as yaml-language-server's completer asks for it: ours, so a version (or its focused part) is parsed once. */
  class SessionDocuments extends yls.YamlDocuments {
    constructor(
      private readonly ctx: SchemaContext,
      private readonly focus: Focus | undefined,
    ) {
      super();
    }

    override getYamlDocument(document: TextDocument, _options?: unknown, addRootObject = false): YAMLDocument {
      // An empty file is read as `{}` so the schema's top-level keys are offered, as the server does.
      if (addRootObject && !/\S/.test(document.getText())) return yls.parse(`{${document.getText()}}`, undefined, document);
      return withQuickClones(focusedParse(this.ctx, document, this.focus));
    }
  }

  return { FixedSchemaService, SessionDocuments };
}

type Classes = ReturnType<typeof defineClasses>;
type FixedSchemaService = InstanceType<Classes['FixedSchemaService']>;
let classes: Classes | undefined;
const yamlClasses = (): Classes => (classes ??= defineClasses());

/**
 * The service of a schema: one per bundled schema and session (`undefined` when it is not bundled),
 * one per version of a workspace schema.
 */
function serviceFor(ctx: SchemaContext, source: SchemaSource): FixedSchemaService | undefined {
  if (!('file' in source))
    return ctx.cache.get('yaml-ls-schema', source.uri, source.version, () => new (yamlClasses().FixedSchemaService)(source.uri, source.schema, true));
  const resources = ctx.resources;
  if (!resources) return undefined;
  return resources.memo(`yaml-ls/${source.file}`, () => {
    const text = resources.text(source.file);
    if (text === undefined) return undefined;
    return new (yamlClasses().FixedSchemaService)(`container-notes:/${source.file}`, JSON.parse(text) as JSONSchema, false);
  });
}

/**
 * yaml-language-server's parse of a document (one `SingleYAMLDocument` per `---` document, each
 * with the `yaml` Document it was built from as `internalDocument`), once per document version.
 */
export function parseYaml(ctx: SchemaContext, doc: TextDocument): YAMLDocument {
  return ctx.cache.get('yaml-ls', doc.uri, doc.version, () => {
    const text = doc.getText();
    const cut = cutDeepFlowNesting(text);
    const parsed = unlessNestedTooDeep<YAMLDocument | undefined>(
      () => yamlLanguageServer().parse(cut?.text ?? text, undefined, doc),
      () => undefined,
    );
    const result = parsed ?? yamlLanguageServer().parse('', undefined, doc);
    const problems = [...(cut ? [{ at: cut.at, message: cut.message }] : []), ...(parsed ? [] : [{ at: 0, message: NESTED_TOO_DEEP }])];
    if (problems.length > 0) readingProblems.set(result, problems);
    return result;
  });
}

/** What kept part of a text from the parse (too-deep brackets blanked, or the whole text given up), for validate to report. */
const readingProblems = new WeakMap<YAMLDocument, Array<{ at: number; message: string }>>();

/**
 * The part of a document that answers a request as the whole document would, chosen by the
 * language module that knows the file's shape and the schema (compose/focus.ts says when that
 * holds). yaml-language-server's completer clones, converts and checks against the schema the
 * whole document on every request; given the document with `blank` turned into spaces, it does
 * that work for the part that matters only. Line breaks stay, so every offset, line and column is the
 * same as in the document, and the requests still read the document's own text.
 */
export interface Focus {
  /** Names the part within a version of the document: its parse is kept per version and key. */
  key: string;
  /** The offset ranges [start, end) to blank. */
  blank: ReadonlyArray<readonly [number, number]>;
}

/** `text` with every character but line breaks in `ranges` turned into a space. */
function blanked(text: string, ranges: Focus['blank']): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/**
 * The parse of the focused part, once per version and key. The whole document's parse is used
 * instead where a part cannot stand for it: no focus, several `---` documents, or a text the
 * reader had to cut.
 */
function focusedParse(ctx: SchemaContext, doc: TextDocument, focus: Focus | undefined): YAMLDocument {
  const whole = parseYaml(ctx, doc);
  if (!focus || whole.documents.length !== 1 || readingProblems.has(whole)) return whole;
  const parses = ctx.cache.get('yaml-ls-focus', doc.uri, doc.version, () => new Map<string, YAMLDocument>());
  let parsed = parses.get(focus.key);
  if (!parsed) {
    parsed = yamlLanguageServer().parse(blanked(doc.getText(), focus.blank), undefined, doc);
    parses.set(focus.key, parsed);
  }
  return parsed;
}

/**
 * The parse with each yaml Document copied by quickClone: the completer copies the document it
 * completes in on every request (SingleYAMLDocument.clone calls the yaml Document's `clone`).
 */
function withQuickClones(parsed: YAMLDocument): YAMLDocument {
  for (const single of parsed.documents) {
    const document = single.internalDocument;
    if (!Object.hasOwn(document, 'clone')) Object.defineProperty(document, 'clone', { value: () => quickClone(document) });
  }
  return parsed;
}

/** A problem yaml-language-server found: YAML syntax, or the document against the schema. */
export interface SchemaProblem {
  kind: 'syntax' | 'schema';
  range: Range;
  message: string;
  /** Set when the schema marks the field deprecated (a hint, not a violation). */
  deprecated?: boolean;
}

/** The schema violations among `problems` as findings of one rule: a deprecated field is a hint, not a violation. */
export function schemaViolations(meta: RuleMeta, problems: readonly SchemaProblem[]): Finding[] {
  return problems.filter((p) => p.kind === 'schema' && !p.deprecated).map((p) => finding(meta, p.range, p.message));
}

/** Where a syntax error's range should end: YAML reports some (a repeated key) as one character; show the whole word. */
function wordEnd(text: string, location: { start: number; end: number }): number {
  if (location.end - location.start > 1) return location.end;
  const word = /^[^\s:,[\]{}]+/.exec(text.slice(location.start));
  return word ? location.start + word[0].length : location.end;
}

/**
 * yaml-language-server throws on some half-typed documents: a mapping with an empty key (`:` at
 * the start of a line) makes its additionalProperties check format a message with a null
 * argument, which @vscode/l10n cannot (found by test/tools/fuzz.ts). That document loses this one
 * answer of the schema for this version; our own rules and the other documents keep theirs, and
 * the server does not log a library's known failure as its own. Awaited, so a rejected answer
 * (completion is asynchronous) counts as a failure too.
 */
async function unlessTheLibraryFails<T>(work: () => T | Promise<T>, fallback: T): Promise<T> {
  try {
    return await work();
  } catch {
    return fallback;
  }
}

/** Syntax errors and schema violations of every document in the file. */
export async function validate(ctx: SchemaContext, source: SchemaSource, doc: TextDocument): Promise<SchemaProblem[]> {
  const parsed = parseYaml(ctx, doc);
  const text = doc.getText();
  const problems: SchemaProblem[] = [];
  for (const { at, message } of readingProblems.get(parsed) ?? [])
    problems.push({ kind: 'syntax', range: rangeOf(doc, at, Math.min(at + 1, text.length)), message });
  for (const single of parsed.documents) {
    for (const e of single.errors) problems.push({ kind: 'syntax', range: rangeOf(doc, e.location.start, wordEnd(text, e.location)), message: e.message });
  }
  const resolved = await serviceFor(ctx, source)?.resolved;
  if (!resolved) return problems;
  for (const single of parsed.documents) {
    const found: Diagnostic[] = await unlessTheLibraryFails(() => single.validate(doc, resolved.schema) ?? [], []);
    for (const d of found) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      problems.push({ kind: 'schema', range: d.range, message, ...(d.tags?.includes(2) ? { deprecated: true } : {}) });
    }
  }
  return problems;
}

/**
 * The indentation yaml-language-server's completer would guess from the document on every request
 * (it reads every line), guessed the same way once per version.
 */
function indentationOf(ctx: SchemaContext, doc: TextDocument): string {
  return ctx.cache.get('yaml-ls-indentation', doc.uri, doc.version, () => {
    const { guessIndentation, TextBuffer } = yamlLanguageServer();
    const guessed = guessIndentation(new TextBuffer(doc), 2, true);
    return guessed.insertSpaces ? ' '.repeat(guessed.tabSize) : '\t';
  });
}

/**
 * Completion from the schema at a position (keys with their snippets, enum values, defaults); with
 * a focus, yaml-language-server reads only that part of the document.
 */
export async function complete(ctx: SchemaContext, source: SchemaSource, doc: TextDocument, pos: Position, focus?: Focus): Promise<CompletionItem[]> {
  const service = serviceFor(ctx, source);
  const resolved = await service?.resolved;
  if (!service || !resolved) return [];
  // Made only when asked for: the keys from the schema need it only to build a schema's items once.
  let completer: Completer | undefined;
  const theCompleter = () => (completer ??= completerFor(ctx, service, doc, focus));
  return (resolved.errors.length === 0 && keysFromSchema(ctx, doc, resolved.schema, theCompleter, pos)) || (await completeBy(theCompleter(), doc, pos));
}

/** yaml-language-server's completer alone: what `complete` answers too, where its keys come from the schema directly. */
export async function completeWithLibrary(
  ctx: SchemaContext,
  source: SchemaSource,
  doc: TextDocument,
  pos: Position,
  focus?: Focus,
): Promise<CompletionItem[]> {
  const service = serviceFor(ctx, source);
  if (!service || !(await service.resolved)) return [];
  return completeBy(completerFor(ctx, service, doc, focus), doc, pos);
}

type Completer = InstanceType<YamlLanguageServer['YamlCompletion']>;

function completerFor(ctx: SchemaContext, service: FixedSchemaService, doc: TextDocument, focus: Focus | undefined): Completer {
  const completer = new (yamlLanguageServer().YamlCompletion)(service, {}, new (yamlClasses().SessionDocuments)(ctx, focus));
  completer.configure({ completion: true, indentation: indentationOf(ctx, doc) }, undefined);
  return completer;
}

async function completeBy(completer: Completer, doc: TextDocument, pos: Position): Promise<CompletionItem[]> {
  const list = await unlessTheLibraryFails(() => completer.doComplete(doc, pos, false), undefined);
  return list?.items ?? [];
}

/** The completer's answer on a key of a block mapping, from the schema alone where that is sure to be the same (keys.ts). */
function keysFromSchema(ctx: SchemaContext, doc: TextDocument, schema: JSONSchema, completer: () => object, pos: Position): CompletionItem[] | undefined {
  const parsed = parseYaml(ctx, doc);
  if (parsed.documents.length !== 1 || readingProblems.has(parsed)) return undefined;
  const single = parsed.documents[0];
  const errorOffsets = single.errors.flatMap((e) => [e.location.start, e.location.end]);
  return keyCompletion(doc, single.internalDocument, errorOffsets, schema, completer as () => PropertyText, indentationOf(ctx, doc), doc.offsetAt(pos));
}

type SingleDocument = YAMLDocument['documents'][number];
type MatchingSchemas = ReturnType<SingleDocument['getMatchingSchemas']>;

/**
 * Every schema that applies to each node of a document, once per version. yaml-language-server
 * checks the whole document against the schema to find them and collects them for every node
 * whatever offset it is given, so one run answers every hover on that version.
 */
function matchingSchemas(ctx: SchemaContext, doc: TextDocument, single: SingleDocument, schema: JSONSchema): Promise<MatchingSchemas> {
  const memo = ctx.cache.get(
    'yaml-ls-matches',
    doc.uri,
    doc.version,
    () => new Map<SingleDocument, { schema: JSONSchema; matches: Promise<MatchingSchemas> }>(),
  );
  const hit = memo.get(single);
  if (hit?.schema === schema) return hit.matches;
  const matches = unlessTheLibraryFails(() => single.getMatchingSchemas(schema), []);
  memo.set(single, { schema, matches });
  return matches;
}

/** What the schema says about the node at an offset: for a key, about its value. */
export interface SchemaFacts {
  title?: string;
  description?: string;
  /** JSON types the schema allows, in schema order, without repeats. */
  types: string[];
  enumValues: unknown[];
  deprecated: boolean;
}

function typesOf(schema: JSONSchema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.properties || schema.patternProperties) return ['object'];
  return [];
}

/** Only strings are taken: a workspace schema is any JSON, and a title of `{}` is no title. */
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

function addFacts(facts: SchemaFacts, s: JSONSchema): void {
  facts.title ??= textOf(s.title);
  facts.description ??= textOf(s.markdownDescription) ?? textOf(s.description);
  for (const t of typesOf(s)) if (typeof t === 'string' && !facts.types.includes(t)) facts.types.push(t);
  for (const v of Array.isArray(s.enum) ? s.enum : []) if (!facts.enumValues.includes(v)) facts.enumValues.push(v);
  if (s.deprecated) facts.deprecated = true;
}

/**
 * The schema's facts about the node at `offset`, or null where the schema has none. The whole
 * document is read (its parse is shared with diagnostics, and the schemas matching its nodes are
 * kept for the version), so hovers on an unchanged document only look up.
 */
export async function describe(ctx: SchemaContext, source: SchemaSource, doc: TextDocument, offset: number): Promise<SchemaFacts | null> {
  const parsed = parseYaml(ctx, doc);
  const single = parsed.documents.find((d) => {
    const range = d.internalDocument.range;
    return !!range && range[0] <= offset && offset <= range[2];
  });
  const resolved = await serviceFor(ctx, source)?.resolved;
  if (!single || !resolved) return null;
  let node: ASTNode | undefined = single.getNodeFromOffset(offset, true);
  if (!node) return null;
  // On a key, the property's value schema describes it.
  if (node.type === 'string' && node.parent?.type === 'property' && node.parent.keyNode === node) node = node.parent.valueNode;
  if (!node) return null;
  const target = node;
  const facts: SchemaFacts = { types: [], enumValues: [], deprecated: false };
  for (const match of await matchingSchemas(ctx, doc, single, resolved.schema)) {
    if (match.inverted || match.node !== target) continue;
    addFacts(facts, match.schema);
  }
  return facts.description || facts.types.length || facts.title ? facts : null;
}

/** Where a schema gives its members: itself and the schemas it combines (allOf, anyOf, oneOf). */
function alternatives(schema: JSONSchema, seen = new Set<JSONSchema>()): JSONSchema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const parts = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter((s): s is JSONSchema => typeof s === 'object' && s !== null);
  return [schema, ...parts.flatMap((s) => alternatives(s, seen))];
}

/** The schemas of a key under an object schema: its property, a matching pattern, or the additional properties. */
function memberSchemas(schema: JSONSchema, key: string): JSONSchema[] {
  const found: JSONSchema[] = [];
  for (const s of alternatives(schema)) {
    const property = s.properties?.[key];
    if (typeof property === 'object') found.push(property);
    for (const [pattern, value] of Object.entries(s.patternProperties ?? {})) {
      if (typeof value === 'object' && matches(pattern, key)) found.push(value);
    }
    if (!property && typeof s.additionalProperties === 'object') found.push(s.additionalProperties);
  }
  return found;
}

/**
 * What the schema says about the value at a path of keys (`image.tag`), without a document: for
 * a place that only names the value, like `.Values.image.tag` in a chart's template.
 */
export async function describePath(ctx: SchemaContext, source: SchemaSource, path: readonly string[]): Promise<SchemaFacts | null> {
  const resolved = await serviceFor(ctx, source)?.resolved;
  if (!resolved) return null;
  let schemas: JSONSchema[] = [resolved.schema];
  for (const key of path) schemas = schemas.flatMap((s) => memberSchemas(s, key));
  const facts: SchemaFacts = { types: [], enumValues: [], deprecated: false };
  for (const s of schemas.flatMap((s) => alternatives(s))) addFacts(facts, s);
  return facts.description || facts.types.length || facts.title ? facts : null;
}

/**
 * Schema facts as hover Markdown under a bold heading: types, deprecation, description, allowed
 * values. The schema may be workspace text, so the whole is sanitised.
 */
export function factsMarkdown(heading: string, facts: SchemaFacts): string {
  const types = facts.types.length ? ` · \`${facts.types.join(' | ')}\`` : '';
  const deprecated = facts.deprecated ? ' · deprecated' : '';
  const description = facts.description ? `\n\n${facts.description}` : '';
  const values = facts.enumValues.length ? `\n\nValues: ${facts.enumValues.map((v) => `\`${String(v)}\``).join(', ')}` : '';
  return sanitizeMarkdown(`**${heading}**${types}${deprecated}${description}${values}`);
}
