import { closestMatch } from '../common';
import { type NoteKeyForm, type NoteKeyItem, sentenceList, type ServiceContext } from '../workspace';
import { catalogKindsWithField } from './catalog';
import { bundledSchema, deref, itemSchema, type JsonSchema, type KubeSchema } from './schema';

/**
 * The notes keys manifest hovers produce — `k8s:kind/<Kind>`, `k8s:field/[<Kind>.]<path>` and
 * `k8s:value/[<Kind>.]<path>=<value>` — checked against the bundled schema. A tag may name the end
 * of a field path (`k8s:field/volumes.hostPath`), so besides walking a kind's schema exactly, the
 * schema's fields are indexed by name: which fields a field of that name has, in any type.
 * Custom resource kinds are not in the bundled schema; a kind it does not know counts as one
 * unless it is a near miss of a kind it does know. A field path it does not have may be one of a
 * custom resource of the bundled CRD catalog, which is read for that (only then).
 */
interface FieldIndex {
  version: string;
  definitions: Record<string, JsonSchema>;
  /** Kind names by lower case, with the schema of their objects. */
  kinds: Map<string, { kind: string; root: JsonSchema }>;
  /** Field names by lower case (tags match regardless of case). */
  names: Map<string, string>;
  /** Field name → the fields of its value (of list items, for a list), in any type that has it. */
  children: Map<string, Set<string>>;
  /** Field names whose value is a map with keys of the user's choosing (labels, annotations, data). */
  maps: Set<string>;
  /** Field name → its values, for fields that list them. */
  enums: Map<string, Set<string>>;
  /** Field name → the kinds (not lists) whose objects have such a field somewhere. */
  kindsOf: Map<string, Set<string>>;
}

/** A field's value with `$ref`s followed and list wrappers taken off. */
function valueSchema(definitions: Record<string, JsonSchema>, schema: JsonSchema | undefined): JsonSchema | undefined {
  let value = deref(definitions, schema);
  for (let depth = 0; value?.type === 'array' && depth < 4; depth++) value = itemSchema(definitions, value);
  return value;
}

function isMap(schema: JsonSchema): boolean {
  return typeof schema.additionalProperties === 'object' || !!schema['x-kubernetes-preserve-unknown-fields'];
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function buildIndex(schema: KubeSchema): FieldIndex {
  const { definitions } = schema;
  const index: FieldIndex = {
    version: schema.version,
    definitions,
    kinds: new Map(),
    names: new Map(),
    children: new Map(),
    maps: new Set(),
    enums: new Map(),
    kindsOf: new Map(),
  };
  const visited = new Set<JsonSchema>();
  const visit = (node: JsonSchema | undefined): void => {
    if (!node?.properties || visited.has(node)) return;
    visited.add(node);
    for (const [name, property] of Object.entries(node.properties)) {
      index.names.set(name.toLowerCase(), name);
      const value = valueSchema(definitions, property);
      if (!value) continue;
      for (const child of Object.keys(value.properties ?? {})) addTo(index.children, name, child);
      if (isMap(value)) index.maps.add(name);
      for (const option of value.enum ?? []) if (option !== '') addTo(index.enums, name, String(option));
      visit(value);
    }
  };
  for (const definition of Object.values(definitions)) visit(definition);
  for (const info of schema.kinds) {
    const root = valueSchema(definitions, { $ref: `#/definitions/${info.ref}` });
    if (!root) continue;
    index.kinds.set(info.kind.toLowerCase(), { kind: info.kind, root });
    if (info.kind.endsWith('List')) continue;
    // Every field name reachable from the kind's root, for "in Pod, Deployment and 3 more".
    const seen = new Set<JsonSchema>();
    const stack = [root];
    while (stack.length) {
      const node = stack.pop()!;
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        addTo(index.kindsOf, name, info.kind);
        const value = valueSchema(definitions, property);
        if (value?.properties && !seen.has(value)) {
          seen.add(value);
          stack.push(value);
        }
      }
    }
  }
  return index;
}

function fieldIndex(ctx: ServiceContext): FieldIndex | undefined {
  const schema = bundledSchema(ctx);
  if (!schema || !ctx.resources) return undefined;
  return ctx.resources.memo(`kubernetes/noteKeys/${schema.version}`, () => buildIndex(schema));
}

/** A field of a value: its own name (any case in the tag), the map key it is, or nothing. */
function fieldOf(index: FieldIndex, value: JsonSchema, step: string): { name: string; value: JsonSchema | undefined } | undefined {
  const lower = step.toLowerCase();
  const own = Object.keys(value.properties ?? {}).find((name) => name.toLowerCase() === lower);
  if (own) return { name: own, value: valueSchema(index.definitions, value.properties![own]) };
  if (isMap(value)) {
    const entry = typeof value.additionalProperties === 'object' ? valueSchema(index.definitions, value.additionalProperties) : undefined;
    return { name: step, value: entry };
  }
  return undefined;
}

/**
 * Where a dotted path leads. With a known kind first (`Deployment.spec.selector`) it is walked in
 * that kind's schema; otherwise it is the end of some path, checked field by field in the index.
 * `failed` is the index of the first segment nothing has; `children` are the fields after the
 * last segment, with the values of the last one when it lists them.
 */
interface Walk {
  kind?: string;
  /** The field names as the schema spells them. */
  names: string[];
  failed?: number;
  children: string[];
  values: string[];
}

/**
 * The kind a path starts with, if it does. Tags match regardless of case, so a segment that is
 * also a field name (`binding`) names the kind only when written with a capital.
 */
function kindAt(index: FieldIndex, segment: string): { kind: string; root: JsonSchema } | undefined {
  const kind = index.kinds.get(segment.toLowerCase());
  return kind && (/^[A-Z]/.test(segment) || !index.names.has(segment.toLowerCase())) ? kind : undefined;
}

function walk(index: FieldIndex, segments: readonly string[]): Walk {
  const kind = kindAt(index, segments[0] ?? '');
  if (kind) {
    const names = [kind.kind];
    let value: JsonSchema | undefined = kind.root;
    for (let i = 1; i < segments.length; i++) {
      const field: { name: string; value: JsonSchema | undefined } | undefined = value && fieldOf(index, value, segments[i]);
      if (!field) return { kind: kind.kind, names, failed: i, children: Object.keys(value?.properties ?? {}), values: [] };
      names.push(field.name);
      value = field.value;
    }
    return { kind: kind.kind, names, children: Object.keys(value?.properties ?? {}), values: (value?.enum ?? []).map(String).filter(Boolean) };
  }
  const names: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const previous = names[i - 1];
    if (previous !== undefined && index.maps.has(previous)) {
      // A key of a map (a label name, a ConfigMap key) is the user's own; whatever follows is too.
      names.push(...segments.slice(i));
      return { names, children: [], values: [] };
    }
    const candidates = previous === undefined ? [...index.names.values()] : [...(index.children.get(previous) ?? [])];
    const name = candidates.find((c) => c.toLowerCase() === segments[i].toLowerCase());
    if (!name) return { names, failed: i, children: candidates, values: [] };
    names.push(name);
  }
  const last = names[names.length - 1];
  return { names, children: [...(index.children.get(last) ?? [])], values: [...(index.enums.get(last) ?? [])] };
}

/** The path with its failing segment replaced by the nearest name there, if there is one near enough. */
function nearestPath(segments: readonly string[], result: Walk, kinds: Iterable<string>): string | undefined {
  if (result.failed === undefined) return undefined;
  const at = result.failed;
  const candidates = at === 0 ? [...result.children, ...kinds] : result.children;
  const near = closestMatch(segments[at], candidates);
  return near === undefined ? undefined : [...segments.slice(0, at), near, ...segments.slice(at + 1)].join('.');
}

/** Every kind the schema has, sorted. */
function kindNames(index: FieldIndex): string[] {
  return [...index.kinds.values()].map((k) => k.kind).sort();
}

/** The kinds completion offers: lists (`ConfigMapList`) are valid in a tag but never what a note is about. */
function offeredKinds(index: FieldIndex): string[] {
  return kindNames(index).filter((kind) => !kind.endsWith('List'));
}

/** " (in Pod, Deployment and 12 more)" for a field name. */
function whereFound(index: FieldIndex, name: string | undefined): string {
  const kinds = [...(index.kindsOf.get(name ?? '') ?? [])].sort();
  return kinds.length ? ` (in ${sentenceList(kinds)})` : '';
}

/** A kind the bundled schema does not know: a custom resource, unless it is a typo of one it does. */
function customKind(index: FieldIndex, kind: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(kind) && closestMatch(kind, kindNames(index)) === undefined;
}

function kindForm(index: FieldIndex): NoteKeyForm {
  const items = offeredKinds(index).map((kind) => ({ path: kind, detail: 'Kubernetes kind' }));
  return {
    form: 'k8s:kind/',
    title: 'Kubernetes kind',
    complete: () => items,
    describe(path) {
      const known = index.kinds.get(path.toLowerCase());
      if (known) return `hovers on \`kind: ${known.kind}\` (and its \`apiVersion\`) in manifests and chart templates`;
      if (customKind(index, path))
        return `hovers on \`kind: ${path}\` — a custom resource kind (the bundled Kubernetes ${index.version} schema does not have it)`;
      return undefined;
    },
    closest: (path) => closestMatch(path, kindNames(index)),
  };
}

/** Completion after a dotted head: the fields one level further (or the kinds and every field name at the start). */
function nextFields(index: FieldIndex, partial: string): { head: string; result?: Walk } {
  const dot = partial.lastIndexOf('.');
  if (dot < 0) return { head: '' };
  const head = partial.slice(0, dot);
  return { head, result: walk(index, head.split('.')) };
}

function fieldForm(ctx: ServiceContext, index: FieldIndex): NoteKeyForm {
  const top: NoteKeyItem[] = [
    ...offeredKinds(index).map((kind) => ({ path: `${kind}.`, detail: `fields of ${kind}` })),
    ...[...index.names.values()].sort().map((name) => ({ path: name, detail: `field${whereFound(index, name)}` })),
  ];
  return {
    form: 'k8s:field/',
    title: 'Kubernetes field',
    open: true,
    complete(partial) {
      const { head, result } = nextFields(index, partial);
      if (!result) return top;
      if (result.failed !== undefined) return [];
      return result.children.map((child) => ({
        path: `${head}.${child}`,
        detail: result.kind ? `field of ${result.kind}` : `field${whereFound(index, child)}`,
      }));
    },
    describe(path) {
      const segments = path.split('.');
      const result = walk(index, segments);
      if (result.failed === undefined) {
        if (result.kind) return `hovers on the field \`${result.names.slice(1).join('.')}\` of ${result.kind} objects`;
        const owner = result.names.find((name) => index.maps.has(name)) ?? result.names[result.names.length - 1];
        return `hovers on fields whose path ends in \`${result.names.join('.')}\`${whereFound(index, owner)}`;
      }
      // A path after a kind the schema does not know: a custom resource's field, which the bundled schema cannot check.
      if (!result.kind && segments.length > 1 && /^[A-Z]/.test(segments[0]) && customKind(index, segments[0])) {
        return `hovers on the field \`${segments.slice(1).join('.')}\` of ${segments[0]} objects (a custom resource kind)`;
      }
      // A custom resource's field the bundled CRD catalog describes (their hovers give this key too).
      const custom = catalogKindsWithField(ctx, segments);
      if (custom.length) return `hovers on the field \`${path}\` of ${sentenceList(custom)} objects (custom resources of the bundled CRD catalog)`;
      return undefined;
    },
    closest: (path) => nearestPath(path.split('.'), walk(index, path.split('.')), kindNames(index)),
  };
}

function valueForm(index: FieldIndex): NoteKeyForm {
  const split = (path: string) => {
    const at = path.indexOf('=');
    return at < 0 ? { field: path, value: undefined } : { field: path.slice(0, at), value: path.slice(at + 1) };
  };
  return {
    form: 'k8s:value/',
    title: 'Kubernetes field value',
    open: true,
    complete(partial) {
      const { field, value } = split(partial);
      if (value !== undefined) return walk(index, field.split('.')).values.map((v) => ({ path: `${field}=${v}`, detail: `a value of ${field}` }));
      const { head, result } = nextFields(index, field);
      if (!result) return offeredKinds(index).map((kind) => ({ path: `${kind}.`, detail: `fields of ${kind}` }));
      if (result.failed !== undefined) return [];
      const prefix = `${head}.`;
      return result.children.flatMap((child) => {
        const next = walk(index, `${head}.${child}`.split('.'));
        if (next.values.length) return [{ path: `${prefix}${child}=`, detail: `values: ${sentenceList(next.values, 6)}` }];
        return next.children.length ? [{ path: `${prefix}${child}.`, detail: 'fields' }] : [];
      });
    },
    describe(path) {
      const { field, value } = split(path);
      if (value === undefined) return undefined;
      const result = walk(index, field.split('.'));
      const match = result.values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (result.failed !== undefined || match === undefined) return undefined;
      const where = result.kind
        ? `\`${result.names.slice(1).join('.')}\` of ${result.kind} objects`
        : `a field whose path ends in \`${result.names.join('.')}\``;
      return `hovers on the value \`${match}\` of ${where}`;
    },
    closest(path) {
      const { field, value } = split(path);
      const segments = field.split('.');
      const result = walk(index, segments);
      if (result.failed !== undefined) {
        const near = nearestPath(segments, result, kindNames(index));
        return near && value !== undefined ? `${near}=${value}` : near;
      }
      const near = value === undefined ? undefined : closestMatch(value, result.values);
      return near === undefined ? undefined : `${field}=${near}`;
    },
  };
}

/** Without the bundled schema (not built) nothing can be checked: every key of the forms is taken as it is. */
function uncheckedForm(form: string, title: string): NoteKeyForm {
  return {
    form,
    title,
    open: true,
    complete: () => [],
    describe: (path) => `hovers on Kubernetes ${title.toLowerCase()}s named \`${path}\``,
    closest: () => undefined,
  };
}

export function noteKeys(ctx: ServiceContext): NoteKeyForm[] {
  const index = fieldIndex(ctx);
  if (!index) return [uncheckedForm('k8s:kind/', 'kind'), uncheckedForm('k8s:field/', 'field'), uncheckedForm('k8s:value/', 'field value')];
  return [kindForm(index), fieldForm(ctx, index), valueForm(index)];
}
