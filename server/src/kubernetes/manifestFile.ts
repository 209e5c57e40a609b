import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from '../workspace';
import { catalogSchema } from './catalog';
import { hasPatchDirectives, type KustomizeRole, kustomizeRole } from './kustomize';
import { span } from './nodes';
import { objectSchema, type SchemaSources } from './objectSchema';
import type { KubeObject } from './parse';
import { bundledSchema, deref } from './schema';
import { type SchemaProblem, validateNode } from './validate';
import { parseCached, type WorkspaceIndex, workspaceIndex } from './workspaceIndex';
import { type PodSummary, podSummary } from './workload';

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
  /** What kustomize does to this file (a patch, labels added to selectors), from the workspace's kustomizations. */
  kustomize(): KustomizeRole;
  /** Whether an object is a kustomize patch: a fragment, so what it leaves out is no finding. */
  isPatch(obj: KubeObject): boolean;
  /**
   * Every pod in the workspace and in this file (which need not be a workspace file), except those
   * of documents with syntax errors, gathered once per manifest file.
   */
  pods(): PodSummary[];
}

/** The manifest file of a document, parsed once per text (ctx.cache); built per request. */
export function analyseManifest(ctx: ServiceContext, doc: TextDocument): ManifestFile {
  const problems = new Map<KubeObject, SchemaProblem[]>();
  const patches = new Map<KubeObject, boolean>();
  let index: WorkspaceIndex | undefined;
  let role: KustomizeRole | undefined;
  let pods: PodSummary[] | undefined;
  const file: ManifestFile = {
    ctx,
    doc,
    parsed: parseCached(ctx, doc.uri, doc.getText()),
    schema: bundledSchema(ctx),
    index: () => (index ??= workspaceIndex(ctx)),
    catalog: (apiVersion, kind) => catalogSchema(ctx, apiVersion, kind),
    // Every Service of the file asks; gathering them once keeps a file of many Services linear.
    // A document with a syntax error gives no pods: their labels and ports may be the ones being typed.
    pods: () =>
      (pods ??= [
        ...file.index().pods,
        ...file.parsed.objects
          .filter((obj) => !obj.broken)
          .map(podSummary)
          .filter((p): p is PodSummary => p !== undefined),
      ]),
    schemaProblems(obj) {
      let found = problems.get(obj);
      if (!found) {
        found = computeSchemaProblems(file, obj);
        problems.set(obj, found);
      }
      return found;
    },
    kustomize: () => (role ??= kustomizeRole(ctx, doc.uri)),
    isPatch(obj) {
      let patch = patches.get(obj);
      if (patch === undefined) {
        patch = file.kustomize().patch || hasPatchDirectives(obj, doc.getText());
        patches.set(obj, patch);
      }
      return patch;
    },
  };
  return file;
}

function computeSchemaProblems(file: ManifestFile, obj: KubeObject): SchemaProblem[] {
  const found = objectSchema(file, obj);
  if (!found) return [];
  const { definitions } = found;
  if (!deref(definitions, found.schema)) return [];
  const kindValue = span(obj.node.items.find((p) => String((p.key as { value?: unknown })?.value) === 'kind')?.value) ?? span(obj.node) ?? [0, 0];
  const problems = validateNode({ definitions, structural: found.structural, aliases: obj.aliases }, obj.node, found.schema, kindValue, '');
  const origin = found.origin;
  if (!origin) return problems;
  // The operator running in the cluster may be newer than the catalog's model of it.
  const hint = ` The schema is the bundled CRD catalog's (${origin}): if your operator is newer, add its CRD to the workspace.`;
  return problems.map((p) => (p.rule === 'unknown-field' || p.rule === 'bad-enum' ? { ...p, message: p.message + hint } : p));
}
