import { isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { closestMatch } from '../common';
import { isPatchDirective } from './kustomize';
import { entries, span } from './nodes';
import type { AliasTargets } from './parse';
import { deref, type JsonSchema, typeName } from './schema';

/**
 * Validates one object's YAML nodes against a JSON Schema, reporting at node level so each
 * finding points at the key or value at fault. Written on the `yaml` AST rather than through
 * yaml-language-server (whose validation is asynchronous and cannot serve our synchronous
 * diagnose) or ajv (whose instance paths would need mapping back to nodes). Covers the
 * vocabulary the generated schema and CRD schemas use: $ref, type, properties, required,
 * additionalProperties, items, enum, anyOf/oneOf/allOf and the x-kubernetes extensions.
 *
 * Combinators follow the structural-schema rules the API server applies to CRDs: the branches of
 * anyOf/oneOf/allOf only add constraints to properties declared beside them, so which fields are
 * known comes from those declared properties alone, and a branch's `required` binds only that
 * branch (anyOf/oneOf fail only when no branch holds).
 */

export type SchemaRule = 'unknown-field' | 'wrong-type' | 'missing-required' | 'bad-enum';

export interface SchemaProblem {
  rule: SchemaRule;
  start: number;
  end: number;
  message: string;
  /** For a missing required field: its name and the path of the map that lacks it (`spec`). */
  missing?: { field: string; path: string };
}

export interface ValidationOptions {
  definitions: Record<string, JsonSchema>;
  /** CRD schemas are structural: properties not listed are unknown even without `additionalProperties: false`. */
  structural: boolean;
  /** The aliases of the object's document, resolved once (see parse.ts). */
  aliases: AliasTargets;
}

const MAX_DEPTH = 64;
const YAML11_BOOLEANS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);

export function validateNode(options: ValidationOptions, node: unknown, schema: JsonSchema, owner: [number, number], path: string): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  walk(options, node, schema, { owner, path, inBranch: false }, out, 0);
  // A branch may restate a constraint of its declared property; report such a problem once.
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.rule} ${p.start} ${p.end} ${p.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** Where the walk is: the span findings about a missing key point at, the field path, and whether inside a combinator branch. */
interface Place {
  owner: [number, number];
  path: string;
  /** Inside an anyOf/oneOf/allOf branch, which never decides which fields exist. */
  inBranch: boolean;
}

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

function jsonType(node: unknown): JsonType | undefined {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

function allowedTypes(s: JsonSchema): string[] {
  if (s['x-kubernetes-int-or-string']) return ['string', 'integer'];
  if (s.type === undefined) return [];
  return Array.isArray(s.type) ? s.type : [s.type];
}

function typeMatches(actual: JsonType, allowed: string[], node: unknown): boolean {
  if (allowed.length === 0 || allowed.includes(actual)) return true;
  if (actual === 'integer' && allowed.includes('number')) return true;
  // Kubernetes reads YAML 1.1, where `yes`/`no`/`on`/`off` are booleans.
  return actual === 'string' && allowed.includes('boolean') && isScalar(node) && YAML11_BOOLEANS.has(String(node.value));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeType(actual: JsonType): string {
  return actual === 'object'
    ? 'a map'
    : actual === 'array'
      ? 'a list'
      : actual === 'integer' || actual === 'number'
        ? 'a number'
        : actual === 'null'
          ? 'empty'
          : article(actual);
}

function walk(o: ValidationOptions, raw: unknown, schema: JsonSchema, at: Place, out: SchemaProblem[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const node = isAlias(raw) ? o.aliases.get(raw) : raw;
  const s = deref(o.definitions, schema);
  if (!s || node === undefined) return;
  const { owner, path } = at;
  const branch: Place = { ...at, inBranch: true };
  if (s.allOf) for (const part of s.allOf) walk(o, node, part, branch, out, depth + 1);
  const actual = jsonType(node);
  // An empty value means "not set" to the API server (and is what a half-typed line looks like).
  if (actual === undefined || actual === 'null') return;
  const where = span(node) ?? owner;
  const choices = s.anyOf ?? s.oneOf;
  if (choices) {
    const typed = choices.filter((c) => typeMatches(actual, allowedTypes(deref(o.definitions, c) ?? {}), node));
    if (typed.length === 0) {
      out.push({
        rule: 'wrong-type',
        start: where[0],
        end: where[1],
        message: `"${leaf(path)}" should be ${choices.map((c) => article(typeName(o.definitions, c))).join(' or ')}, not ${describeType(actual)}.`,
      });
      return;
    }
    const holding = typed.find((c) => requiredHold(deref(o.definitions, c), node));
    if (!holding) {
      out.push({
        rule: 'missing-required',
        start: owner[0],
        end: owner[1],
        message: `Set ${typed.map((c) => (deref(o.definitions, c)?.required ?? []).map((r) => `"${r}"`).join(' and ')).join(' or ')}${path ? ` in ${path}` : ''}; the schema needs one of these alternatives.`,
      });
    } else {
      walk(o, node, holding, branch, out, depth + 1);
    }
  }
  const allowed = allowedTypes(s);
  if (!typeMatches(actual, allowed, node)) {
    const quoted =
      actual === 'string' && (allowed.includes('number') || allowed.includes('integer')) && isScalar(node) && /^-?\d+(\.\d+)?$/.test(String(node.value));
    const hint = quoted ? ' Remove the quotes.' : actual !== 'string' && allowed.includes('string') ? ' Quote the value.' : '';
    out.push({
      rule: 'wrong-type',
      start: where[0],
      end: where[1],
      message: `"${leaf(path)}" should be ${article(typeName(o.definitions, s))}, not ${describeType(actual)}.${hint}`,
    });
    return;
  }
  if (
    actual === 'string' &&
    allowed.length > 0 &&
    !allowed.includes('boolean') &&
    isScalar(node) &&
    node.type === Scalar.PLAIN &&
    YAML11_BOOLEANS.has(String(node.value))
  ) {
    out.push({
      rule: 'wrong-type',
      start: where[0],
      end: where[1],
      message: `Kubernetes reads YAML 1.1, where an unquoted ${String(node.value)} is a boolean, but "${leaf(path)}" needs ${article(typeName(o.definitions, s))}; quote it: "${String(node.value)}".`,
    });
    return;
  }
  if (s.enum && isScalar(node) && !s.enum.includes(node.value)) {
    const shown = s.enum
      .slice(0, 12)
      .map((v) => String(v))
      .join(', ');
    out.push({
      rule: 'bad-enum',
      start: where[0],
      end: where[1],
      message: `"${String(node.value)}" is not a valid "${leaf(path)}"; use one of ${shown}${s.enum.length > 12 ? ', …' : ''}.`,
    });
    return;
  }
  if (isMap(node)) walkMap(o, node, s, at, out, depth);
  else if (isSeq(node)) {
    const item = Array.isArray(s.items) ? s.items[0] : s.items;
    if (item) for (const child of node.items) walk(o, child, item, { ...at, owner: itemAnchor(child) ?? where }, out, depth + 1);
  }
}

/** Whether a branch's own `required` keys are all present in a map (always, for other values). */
function requiredHold(branch: JsonSchema | undefined, node: unknown): boolean {
  if (!isMap(node)) return true;
  const present = new Set(entries(node).map((e) => e.key));
  return (branch?.required ?? []).every((name) => present.has(name));
}

function walkMap(o: ValidationOptions, node: unknown, s: JsonSchema, at: Place, out: SchemaProblem[], depth: number): void {
  const { owner, path } = at;
  const open = s['x-kubernetes-preserve-unknown-fields'] === true;
  const closed =
    !at.inBranch && (s.additionalProperties === false || (o.structural && !open && s.properties !== undefined && s.additionalProperties === undefined));
  const present = new Set<string>();
  for (const e of entries(node)) {
    // Merge keys and a kustomize patch's directives are not fields.
    if (e.key === '<<' || isPatchDirective(e.key)) continue;
    present.add(e.key);
    const child: Place = { owner: span(e.keyNode) ?? owner, path: path ? `${path}.${e.key}` : e.key, inBranch: at.inBranch };
    const prop = s.properties?.[e.key];
    if (prop) {
      walk(o, e.value, prop, child, out, depth + 1);
    } else if (typeof s.additionalProperties === 'object') {
      walk(o, e.value, s.additionalProperties, child, out, depth + 1);
    } else if (closed) {
      // Field names are short and many: at most two edits, one for names under six letters.
      const suggestion = closestMatch(e.key, Object.keys(s.properties ?? {}), Math.min(2, Math.max(1, Math.floor(e.key.length / 3))));
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      out.push({
        rule: 'unknown-field',
        start: child.owner[0],
        end: child.owner[1],
        message: `Unknown field "${e.key}"${path ? ` in ${path}` : ''}; Kubernetes rejects or drops it.${hint}`,
      });
    }
  }
  for (const name of s.required ?? []) {
    if (present.has(name)) continue;
    out.push({
      rule: 'missing-required',
      start: owner[0],
      end: owner[1],
      message: `Missing required field "${name}"${path ? ` in ${path}` : ''}; add it.`,
      missing: { field: name, path },
    });
  }
}

/** Where a list item's own problems go: its first key (one line), else the item. */
function itemAnchor(child: unknown): [number, number] | undefined {
  const first = entries(child)[0];
  return (first && span(first.keyNode)) ?? span(child);
}

function leaf(path: string): string {
  return path.split('.').pop() || 'value';
}
