import type * as YamlDocumentsModule from 'yaml-language-server/out/src/languageservice/parser/yaml-documents.js';
import type * as YamlParserModule from 'yaml-language-server/out/src/languageservice/parser/yamlParser07.js';
import type * as YamlCompletionModule from 'yaml-language-server/out/src/languageservice/services/yamlCompletion.js';
import type * as YamlSchemaServiceModule from 'yaml-language-server/out/src/languageservice/services/yamlSchemaService.js';
import type * as IndentationModule from 'yaml-language-server/out/src/languageservice/utils/indentationGuesser.js';
import type * as TextBufferModule from 'yaml-language-server/out/src/languageservice/utils/textBuffer.js';

/** The parts of yaml-language-server the schema service uses. */
export interface YamlLanguageServer {
  parse: typeof YamlParserModule.parse;
  YamlDocuments: typeof YamlDocumentsModule.YamlDocuments;
  YamlCompletion: typeof YamlCompletionModule.YamlCompletion;
  YAMLSchemaService: typeof YamlSchemaServiceModule.YAMLSchemaService;
  ResolvedSchema: typeof YamlSchemaServiceModule.ResolvedSchema;
  guessIndentation: typeof IndentationModule.guessIndentation;
  TextBuffer: typeof TextBufferModule.TextBuffer;
}

let loaded: YamlLanguageServer | undefined;

/**
 * yaml-language-server, loaded when a document first needs it. Loading it compiles the JSON Schema
 * meta-schemas of four drafts with ajv, a quarter of a second at start-up and several MB held for
 * the session, which a session of Dockerfiles and Kubernetes manifests never uses (they have
 * checks of their own). Only the types are imported statically, so nothing loads before this runs.
 */
export function yamlLanguageServer(): YamlLanguageServer {
  if (loaded) return loaded;
  /* eslint-disable @typescript-eslint/no-require-imports -- required on first use, see above */
  loaded = {
    parse: require('yaml-language-server/out/src/languageservice/parser/yamlParser07.js').parse,
    YamlDocuments: require('yaml-language-server/out/src/languageservice/parser/yaml-documents.js').YamlDocuments,
    YamlCompletion: require('yaml-language-server/out/src/languageservice/services/yamlCompletion.js').YamlCompletion,
    YAMLSchemaService: require('yaml-language-server/out/src/languageservice/services/yamlSchemaService.js').YAMLSchemaService,
    ResolvedSchema: require('yaml-language-server/out/src/languageservice/services/yamlSchemaService.js').ResolvedSchema,
    guessIndentation: require('yaml-language-server/out/src/languageservice/utils/indentationGuesser.js').guessIndentation,
    TextBuffer: require('yaml-language-server/out/src/languageservice/utils/textBuffer.js').TextBuffer,
  };
  withDistinctItemsPassed(
    require('yaml-language-server/out/src/languageservice/parser/schemaValidation/baseValidator.js').BaseValidator.prototype,
    require('yaml-language-server/out/src/languageservice/utils/astNodeUtils.js').getNodeValue,
  );
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loaded;
}

interface UniqueItemsCheck {
  applyUniqueItems(node: unknown, schema: { uniqueItems?: unknown }, ...rest: unknown[]): void;
}

/**
 * yaml-language-server checks `uniqueItems` by comparing each item with `lastIndexOf`: a Compose
 * service with 8,000 `environment` entries took 1.6 s per validation, completion and hover. Items
 * that are all distinct (no NaN, which `lastIndexOf` never finds) cannot fail the check, and a set
 * tells so in linear time; only arrays with a repeat go to its own check, which words the problem.
 */
export function withDistinctItemsPassed(validator: UniqueItemsCheck, nodeValue: (node: unknown) => unknown): void {
  const check = validator.applyUniqueItems;
  if (typeof check !== 'function') return;
  validator.applyUniqueItems = function (this: UniqueItemsCheck, node, schema, ...rest) {
    if (schema.uniqueItems === true) {
      const values = nodeValue(node);
      if (Array.isArray(values) && new Set(values).size === values.length && !values.some(Number.isNaN)) return;
    }
    check.call(this, node, schema, ...rest);
  };
}
