import type { CompletionItem, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JSONSchema } from 'yaml-language-server/out/src/languageservice/jsonSchema.js';
import type { ASTNode } from 'yaml-language-server/out/src/languageservice/jsonLanguageTypes.js';
import { parse, type YAMLDocument } from 'yaml-language-server/out/src/languageservice/parser/yamlParser07.js';
import { YamlDocuments } from 'yaml-language-server/out/src/languageservice/parser/yaml-documents.js';
import { YamlCompletion } from 'yaml-language-server/out/src/languageservice/services/yamlCompletion.js';
import { ResolvedSchema, YAMLSchemaService } from 'yaml-language-server/out/src/languageservice/services/yamlSchemaService.js';
import { rangeOf, type Resources, type VersionedCache } from '../common';

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
 * The schema service of one bundled schema: always answers that schema, whatever the document's
 * URI, modeline (`# yaml-language-server: $schema=…`) or `$schema` key says. Real Compose files
 * often carry a modeline naming a schema on the web; following it would mean a download (refused:
 * we are offline) and then no schema at all.
 */
class BundledSchemaService extends YAMLSchemaService {
  /** The resolved schema; `undefined` when it failed to load or resolve (schema features are then off). */
  readonly resolved: Promise<ResolvedSchema | undefined>;

  constructor(uri: string, schema: JSONSchema) {
    super(() => Promise.reject(new Error('Container Notes works offline: only bundled schemas are used.')));
    this.registerExternalSchema(uri, [], schema);
    this.resolved = this.getResolvedSchema(uri).then(
      (r) => (r && r.errors.length === 0 ? r : undefined),
      () => undefined,
    );
  }

  override getSchemaForResource(): Promise<ResolvedSchema> {
    return this.resolved.then((r) => r ?? new ResolvedSchema({}));
  }
}

/** One service per bundled schema and session, or `undefined` when the schema is not bundled. */
function serviceFor(ctx: SchemaContext, bundled: BundledSchema): BundledSchemaService | undefined {
  const resources = ctx.resources;
  if (!resources) return undefined;
  return resources.memo(`yaml-ls/${bundled.file}`, () => {
    const text = resources.text(bundled.file);
    if (text === undefined) return undefined;
    return new BundledSchemaService(`container-notes:/${bundled.file}`, JSON.parse(text) as JSONSchema);
  });
}

/**
 * yaml-language-server's parse of a document (one `SingleYAMLDocument` per `---` document, each
 * with the `yaml` Document it was built from as `internalDocument`), once per document version.
 */
export function parseYaml(ctx: SchemaContext, doc: TextDocument): YAMLDocument {
  return ctx.cache.get('yaml-ls', doc.uri, doc.version, () => parse(doc.getText(), undefined, doc));
}

/** The parse as yaml-language-server's completer asks for it: ours, so a version is parsed once. */
class SessionDocuments extends YamlDocuments {
  constructor(private readonly ctx: SchemaContext) {
    super();
  }

  override getYamlDocument(document: TextDocument, _options?: unknown, addRootObject = false): YAMLDocument {
    // An empty file is read as `{}` so the schema's top-level keys are offered, as the server does.
    if (addRootObject && !/\S/.test(document.getText())) return parse(`{${document.getText()}}`, undefined, document);
    return parseYaml(this.ctx, document);
  }
}

/** A problem yaml-language-server found: YAML syntax, or the document against the schema. */
export interface SchemaProblem {
  kind: 'syntax' | 'schema';
  range: Range;
  message: string;
  /** Set when the schema marks the field deprecated (a hint, not a violation). */
  deprecated?: boolean;
}

/** Where a syntax error's range should end: YAML reports some (a repeated key) as one character; show the whole word. */
function wordEnd(text: string, location: { start: number; end: number }): number {
  if (location.end - location.start > 1) return location.end;
  const word = /^[^\s:,[\]{}]+/.exec(text.slice(location.start));
  return word ? location.start + word[0].length : location.end;
}

/** Syntax errors and schema violations of every document in the file. */
export async function validate(ctx: SchemaContext, bundled: BundledSchema, doc: TextDocument): Promise<SchemaProblem[]> {
  const parsed = parseYaml(ctx, doc);
  const text = doc.getText();
  const problems: SchemaProblem[] = [];
  for (const single of parsed.documents) {
    for (const e of single.errors) problems.push({ kind: 'syntax', range: rangeOf(doc, e.location.start, wordEnd(text, e.location)), message: e.message });
  }
  const resolved = await serviceFor(ctx, bundled)?.resolved;
  if (!resolved) return problems;
  for (const single of parsed.documents) {
    const found: Diagnostic[] = single.validate(doc, resolved.schema) ?? [];
    for (const d of found) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      problems.push({ kind: 'schema', range: d.range, message, ...(d.tags?.includes(2) ? { deprecated: true } : {}) });
    }
  }
  return problems;
}

/** Completion from the schema at a position (keys with their snippets, enum values, defaults). */
export async function complete(ctx: SchemaContext, bundled: BundledSchema, doc: TextDocument, pos: Position): Promise<CompletionItem[]> {
  const service = serviceFor(ctx, bundled);
  if (!service || !(await service.resolved)) return [];
  const completer = new YamlCompletion(service, {}, new SessionDocuments(ctx));
  completer.configure({ completion: true }, undefined);
  const list = await completer.doComplete(doc, pos, false);
  return list.items;
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

/** The schema's facts about the node at `offset`, or null where the schema has none. */
export async function describe(ctx: SchemaContext, bundled: BundledSchema, doc: TextDocument, offset: number): Promise<SchemaFacts | null> {
  const parsed = parseYaml(ctx, doc);
  const single = parsed.documents.find((d) => {
    const range = d.internalDocument.range;
    return !!range && range[0] <= offset && offset <= range[2];
  });
  const resolved = await serviceFor(ctx, bundled)?.resolved;
  if (!single || !resolved) return null;
  let node: ASTNode | undefined = single.getNodeFromOffset(offset, true);
  if (!node) return null;
  // On a key, the property's value schema describes it.
  if (node.type === 'string' && node.parent?.type === 'property' && node.parent.keyNode === node) node = node.parent.valueNode;
  if (!node) return null;
  const target = node;
  const facts: SchemaFacts = { types: [], enumValues: [], deprecated: false };
  for (const match of single.getMatchingSchemas(resolved.schema, target.offset)) {
    if (match.inverted || match.node !== target) continue;
    const s = match.schema;
    facts.title ??= s.title;
    facts.description ??= s.markdownDescription ?? s.description;
    for (const t of typesOf(s)) if (!facts.types.includes(t)) facts.types.push(t);
    for (const v of s.enum ?? []) if (!facts.enumValues.includes(v)) facts.enumValues.push(v);
    if (s.deprecated) facts.deprecated = true;
  }
  return facts.description || facts.types.length || facts.title ? facts : null;
}
