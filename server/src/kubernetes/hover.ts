import type { Position } from 'vscode-languageserver-types';
import { codeSpan, offsetOf, rangeOf, sanitizeMarkdown } from '../common';
import type { HoverTarget, ServiceContext, SourceDocument } from '../workspace';
import { locate } from './locate';
import { analyseManifest } from './manifestFile';
import { span } from './nodes';
import { isDeprecated, typeName } from './schema';
import { defaultOf, schemaAt } from './schemaPath';

/** A kind that can start a key path (not empty, no dots or spaces). */
const KIND_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** Fields that only wrap others: no note is about them, so they are no field's parent for notes. */
const WRAPPERS = new Set(['spec', 'template', 'metadata']);

/**
 * Hover keys and reference text: `k8s:kind/<Kind>` on apiVersion/kind; on a key
 * `k8s:field/<Kind>.<path>`, `k8s:field/<path>`, then its parents (the enclosing field, the
 * object's `k8s:kind/<Kind>`); on an enum value `k8s:value/<Kind>.<path>=<value>` first.
 */
export function hoverTarget(ctx: ServiceContext, src: SourceDocument, pos: Position): HoverTarget | null {
  const file = analyseManifest(ctx, src.doc);
  const at = locate(file.parsed, offsetOf(src.doc, pos));
  if (!at) return null;
  const s = span(at.node) ?? [0, 0];
  const range = rangeOf(src.doc, s[0], s[1]);
  const { obj, path } = at;
  const fieldPath = path.join('.');
  if (path.length === 1 && (path[0] === 'kind' || path[0] === 'apiVersion') && !at.isKey) {
    const root = schemaAt(file, obj, []);
    const doc = root?.schema.description ? `\n\n${root.schema.description}` : '';
    return {
      range,
      keys: [`k8s:kind/${obj.kind}`],
      reference: sanitizeMarkdown(`**${obj.kind}** · ${codeSpan(String(obj.apiVersion))}${doc}${catalogLine(root?.origin)}`),
    };
  }
  const found = schemaAt(file, obj, path);
  // The kind-qualified key first: a field can mean something else per kind (a Deployment's
  // spec.selector is immutable, a Service's is not), and a tag naming the path end
  // (`k8s:field/spec.selector`) matches it as well. Then its parents, whose notes show when none
  // names the field: the field it is in (`resources` for `resources.limits`; not the API's
  // spec/template/metadata wrappers) and the object's kind.
  const kind = KIND_NAME.test(obj.kind) ? obj.kind : undefined;
  const qualified = (p: string) => (kind ? `${kind}.${p}` : p);
  const parent = path.slice(0, -1);
  const parentKeys = parent.length && !WRAPPERS.has(parent[parent.length - 1]) ? [`k8s:field/${qualified(parent.join('.'))}`] : [];
  const keys = [...(kind ? [`k8s:field/${qualified(fieldPath)}`] : []), `k8s:field/${fieldPath}`, ...parentKeys, ...(kind ? [`k8s:kind/${kind}`] : [])];
  if (!at.isKey && found?.schema.enum) keys.unshift(`k8s:value/${obj.kind}.${fieldPath}=${String(at.node.value)}`);
  if (!found) return { range, keys };
  const name = path[path.length - 1];
  // The catalog's schemas list no required fields (see scripts/crdCatalog.mjs): they cannot say "optional".
  const required = found.parent?.required?.includes(name) ? ['required'] : found.origin ? [] : ['optional'];
  const fallback = defaultOf(found.schema);
  // The property's own description says whether it is deprecated; a $ref'd type's may not.
  const deprecated = isDeprecated(found.parent?.properties?.[name]) || isDeprecated(found.schema);
  const facts = [
    codeSpan(typeName(found.definitions, found.schema)),
    ...required,
    ...(fallback ? [`default ${codeSpan(fallback)}`] : []),
    ...(deprecated ? ['**deprecated**'] : []),
  ];
  const values = found.schema.enum ? `\n\nValues: ${found.schema.enum.map((v) => codeSpan(String(v))).join(', ')}` : '';
  const description = found.schema.description ? `\n\n${found.schema.description.split('\n\nPossible enum values:')[0]}` : '';
  // Descriptions, enums and keys may come from the workspace (CRDs, the manifest itself): sanitised whole.
  return { range, keys, reference: sanitizeMarkdown(`**${fieldPath}** · ${facts.join(' · ')}${description}${values}${catalogLine(found.origin)}`) };
}

/** Says a schema is the bundled catalog's, not the cluster's: the operator installed may be another version. */
function catalogLine(origin: string | undefined): string {
  return origin ? `\n\n*Schema from the bundled CRD catalog (${codeSpan(origin)}); a CRD in the workspace takes precedence.*` : '';
}
