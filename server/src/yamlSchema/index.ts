/**
 * yaml-language-server in-process, for YAML that a bundled JSON Schema describes and that is not a
 * Kubernetes object (Compose files; chart values with a schema and Chart.yaml can use it the same
 * way). One schema service per bundled schema and session (kept in ctx.resources), offline: the
 * schema request service refuses every URI, there is no schema store, and modelines or `$schema`
 * keys in a document never replace the bundled schema. A document is parsed once per version
 * (ctx.cache): the parse is yaml-language-server's, and its `internalDocument` is the `yaml`
 * Document the language modules read too. Completion can be given a `Focus`, the part of the
 * document that answers as the whole would (the rest blanked, offsets kept), parsed once per
 * version and part; hover reads the schemas matching each node, kept per version. Answers that
 * need the schema are promises (schema resolution is asynchronous in yaml-language-server);
 * docs/decisions.md, "yaml-language-server in-process", says how they fit the module contract.
 * No LSP connection imports, no IO. Never throws on input.
 */
export * from './service';
