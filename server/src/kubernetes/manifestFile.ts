import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from '../workspace';
import { span } from './nodes';
import { objectSchema, type SchemaSources } from './objectSchema';
import type { KubeObject } from './parse';
import { bundledSchema, deref } from './schema';
import { type SchemaProblem, validateNode } from './validate';
import { parseCached, type WorkspaceIndex, workspaceIndex } from './workspaceIndex';

/**
 * A manifest file as the Kubernetes features see it: the document, its parsed objects, the
 * bundled schema, the workspace index (built on first use) and each object's schema problems
 * (computed once). Diagnose hands it to every rule; hover and completion read schemas through it.
 * The document need not be a workspace file (Helm passes a synthetic one).
 */
export interface ManifestFile extends SchemaSources {
  ctx: ServiceContext;
  doc: TextDocument;
  /** Schema problems of an object, computed once per manifest file. */
  schemaProblems(obj: KubeObject): SchemaProblem[];
}

/** The manifest file of a document, parsed once per text (ctx.cache); built per request. */
export function analyseManifest(ctx: ServiceContext, doc: TextDocument): ManifestFile {
  const problems = new Map<KubeObject, SchemaProblem[]>();
  let index: WorkspaceIndex | undefined;
  const file: ManifestFile = {
    ctx,
    doc,
    parsed: parseCached(ctx, doc.uri, doc.getText()),
    schema: bundledSchema(ctx),
    index: () => (index ??= workspaceIndex(ctx)),
    schemaProblems(obj) {
      let found = problems.get(obj);
      if (!found) {
        found = computeSchemaProblems(file, obj);
        problems.set(obj, found);
      }
      return found;
    },
  };
  return file;
}

function computeSchemaProblems(file: ManifestFile, obj: KubeObject): SchemaProblem[] {
  const found = objectSchema(file, obj);
  if (!found) return [];
  const definitions = file.schema?.definitions ?? {};
  if (!deref(definitions, found.schema)) return [];
  const kindValue = span(obj.node.items.find((p) => String((p.key as { value?: unknown })?.value) === 'kind')?.value) ?? span(obj.node) ?? [0, 0];
  return validateNode({ definitions, structural: found.structural, aliases: obj.aliases }, obj.node, found.schema, kindValue, '');
}
