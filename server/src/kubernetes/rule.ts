import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, type Fix, rangeOf, type RuleMeta } from '../common';
import type { ServiceContext } from '../workspace';
import { span } from './nodes';
import type { KubeObject, ParsedManifests } from './parse';
import { deref, type JsonSchema, type KubeSchema, typeMetaKey } from './schema';
import { type SchemaProblem, validateNode } from './validate';
import { crdSchemas, type WorkspaceIndex, workspaceIndex } from './workspaceIndex';

/** What a rule sees: the document, its objects, the schema and (lazily) the workspace index. */
export interface RuleContext {
  ctx: ServiceContext;
  doc: TextDocument;
  parsed: ParsedManifests;
  schema: KubeSchema | undefined;
  /** The workspace's manifests; built on first use, once per workspace generation. */
  index(): WorkspaceIndex;
  /** Schema problems of an object, computed once per diagnose run. */
  schemaProblems(obj: KubeObject): SchemaProblem[];
}

/** A rule checks one object at a time; `checkFile` rules look at the text as a whole. */
export interface Rule {
  meta: RuleMeta;
  check?(rc: RuleContext, obj: KubeObject): Finding[];
  checkFile?(rc: RuleContext): Finding[];
}

/** A finding on a node (or a [start, end) span), for rule `meta`. */
export function findingAt(rc: RuleContext, meta: RuleMeta, at: unknown, message: string, fixes?: Fix[]): Finding {
  const where = Array.isArray(at) ? (at as [number, number]) : (span(at) ?? [0, 0]);
  return { rule: meta.id, range: rangeOf(rc.doc, where[0], where[1]), message, ...(fixes ? { fixes } : {}) };
}

export function createRuleContext(ctx: ServiceContext, doc: TextDocument, parsed: ParsedManifests, schema: KubeSchema | undefined): RuleContext {
  const problems = new Map<KubeObject, SchemaProblem[]>();
  let index: WorkspaceIndex | undefined;
  const rc: RuleContext = {
    ctx,
    doc,
    parsed,
    schema,
    index: () => (index ??= workspaceIndex(ctx)),
    schemaProblems(obj) {
      let found = problems.get(obj);
      if (!found) {
        found = computeSchemaProblems(rc, obj);
        problems.set(obj, found);
      }
      return found;
    },
  };
  return rc;
}

/** The schema an object is checked against: bundled kinds first, then CRDs in this file or the workspace. */
export function objectSchema(rc: Pick<RuleContext, 'schema' | 'parsed' | 'index'>, obj: KubeObject): { schema: JsonSchema; structural: boolean } | undefined {
  const bundled = rc.schema?.byTypeMeta.get(typeMetaKey(obj.apiVersion, obj.kind));
  if (bundled && rc.schema) return { schema: { $ref: `#/definitions/${bundled.ref}` }, structural: false };
  // Core groups never come from CRDs; only look further for custom groups.
  if (!obj.apiVersion.includes('.')) return undefined;
  const key = typeMetaKey(obj.apiVersion, obj.kind);
  // A CRD in the same document wins, so a synthetic (Helm) document can carry its own CRDs.
  const local = rc.parsed.objects
    .filter((o) => o.kind === 'CustomResourceDefinition')
    .flatMap(crdSchemas)
    .find(([k]) => k === key)?.[1]();
  const crd = local ?? rc.index().crdSchema(key);
  return crd ? { schema: withObjectMeta(crd, rc.schema), structural: true } : undefined;
}

/** CRD schemas leave apiVersion, kind and metadata implicit; the API server checks them itself. */
function withObjectMeta(crd: JsonSchema, schema: KubeSchema | undefined): JsonSchema {
  const meta: JsonSchema = schema ? { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } : { type: 'object' };
  return { ...crd, type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: meta, ...(crd.properties ?? {}) } };
}

function computeSchemaProblems(rc: RuleContext, obj: KubeObject): SchemaProblem[] {
  const found = objectSchema(rc, obj);
  if (!found) return [];
  const definitions = rc.schema?.definitions ?? {};
  if (!deref(definitions, found.schema)) return [];
  const kindValue = span(obj.node.items.find((p) => String((p.key as { value?: unknown })?.value) === 'kind')?.value) ?? span(obj.node) ?? [0, 0];
  return validateNode({ definitions, structural: found.structural, document: obj.document }, obj.node, found.schema, kindValue, '');
}

/** The check of a schema rule: this object's schema problems of one kind, as findings. */
export function schemaCheck(meta: RuleMeta, kind: SchemaProblem['rule']): (rc: RuleContext, obj: KubeObject) => Finding[] {
  return (rc, obj) =>
    rc
      .schemaProblems(obj)
      .filter((p) => p.rule === kind)
      .map((p) => findingAt(rc, meta, [p.start, p.end], p.message));
}
