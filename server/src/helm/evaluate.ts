import { parseDocument } from 'yaml';
import { yamlData } from '../common';
import type { CommandNode, ExprNode, FieldSegment, PipelineNode } from '../gotmpl';

/**
 * A small evaluator of Go-template pipelines over a chart's default values, for the checks that
 * ask "what does this template render with the defaults?". Three-valued: whatever it cannot work
 * out (a function it does not know, `.Files`, `lookup`, a value derived from something unknown)
 * is UNKNOWN, and callers then behave as if nothing were known. It follows Helm where that
 * matters for a condition or a scalar: Go truthiness, `and`/`or` returning an operand, values
 * numbers read as float64, a missing value printing as nothing.
 *
 * Named templates and `tpl` come in through hooks, so rendering (expand.ts) and evaluation stay
 * apart. Every `.Values` path and every `.Capabilities` field an evaluation reads is recorded in
 * the current `Reads`, so a caller can say which defaults a rendered value came from and whether
 * the cluster's capabilities decided a condition.
 */

export const UNKNOWN: unique symbol = Symbol('unknown');

/** A piece of rendered text; `Rendered` values keep them so holes and sources survive `include`. */
export interface Piece {
  text: string;
  /**
   * `text`: template text; `value`: printed from a value; `hole`: block output we cannot know (no
   * text); `placeholder`: an inline scalar we cannot know (stands in as PLACEHOLDER).
   */
  kind: 'text' | 'value' | 'hole' | 'placeholder';
  /** For text of the template being checked: the template offset its first character came from. */
  at?: number;
  /** The named template whose body produced it (the innermost one). */
  helper?: string;
  /** The `.Values` paths a value was computed from. */
  paths?: readonly string[];
}

/** Output of a named template or `tpl`, kept as pieces; it acts as a string wherever it is fully known. */
export class Rendered {
  constructor(readonly pieces: readonly Piece[]) {}

  /** The text, or UNKNOWN when a hole or a placeholder is in it. */
  text(): string | typeof UNKNOWN {
    let out = '';
    for (const p of this.pieces) {
      if (p.kind === 'hole' || p.kind === 'placeholder') return UNKNOWN;
      out += p.text;
    }
    return out;
  }
}

/** The stand-in for an inline scalar we cannot know. Findings that mention it are never shown. */
export const PLACEHOLDER = 'x-unknown-x';

export interface Reads {
  paths: Set<string>;
  capabilities: boolean;
}

export const noReads = (): Reads => ({ paths: new Set(), capabilities: false });

export function mergeReads(into: Reads, from: Reads): void {
  for (const p of from.paths) into.paths.add(p);
  if (from.capabilities) into.capabilities = true;
}

/** A variable's value and what it was computed from. */
export interface Binding {
  value: unknown;
  reads: Reads;
}

/** Go-template variable scopes: a block sees its parents' variables; `:=` declares, `=` assigns. */
export class Variables {
  private readonly own = new Map<string, Binding>();

  constructor(private readonly parent?: Variables) {}

  child(): Variables {
    return new Variables(this);
  }

  get(name: string): Binding | undefined {
    return this.own.get(name) ?? this.parent?.get(name);
  }

  declare(name: string, binding: Binding): void {
    this.own.set(name, binding);
  }

  assign(name: string, binding: Binding): void {
    if (this.own.has(name) || !this.parent) this.own.set(name, binding);
    else this.parent.assign(name, binding);
  }
}

export interface Env {
  dot: unknown;
  vars: Variables;
}

/** What the evaluator needs from its caller. */
export interface Hooks {
  /** The output of a named template called with `dot`, or UNKNOWN. */
  include(name: string, dot: unknown): unknown;
  /** The output of `tpl text dot`, or UNKNOWN. */
  tpl(text: string, dot: unknown): unknown;
  /** Whether the target cluster serves `group/version[/Kind]`; undefined when the bundled data cannot tell. */
  hasApi(api: string): boolean | undefined;
  /** Where each `.Values` map and list sits, so reads through `with`/`range` dots name their path. */
  valuePaths: WeakMap<object, string>;
  /** The `.Capabilities` object: reading through it marks the reads. */
  capabilities: object;
  /** The reads of the evaluation in progress (callers swap it to attribute reads). */
  reads: Reads;
}

/** Go truthiness; undefined when unknown. */
export function truth(value: unknown): boolean | undefined {
  if (value === UNKNOWN) return undefined;
  if (value instanceof Rendered) {
    const text = value.text();
    if (text !== UNKNOWN) return text !== '';
    return value.pieces.some((p) => p.kind !== 'hole' && p.text !== '') ? true : undefined;
  }
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** A Rendered value as a string when fully known; other values unchanged. */
function settle(value: unknown): unknown {
  return value instanceof Rendered ? value.text() : value;
}

/** Whether a value holds anything unknown, looking into maps and lists (bounded). */
function holdsUnknown(value: unknown, depth = 0): boolean {
  if (value === UNKNOWN || value instanceof Rendered) return value === UNKNOWN || value.text() === UNKNOWN;
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => holdsUnknown(v, depth + 1));
}

/** How Go's fmt prints a value (`%v`), with Helm's `<no value>` → empty. */
export function format(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === null || v === undefined ? '<nil>' : format(v))).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${k}:${format((value as Record<string, unknown>)[k]) || '<nil>'}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

/** Helm reads values numbers as float64, which Go prints in exponent form from 1e21 down to 1e6. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-4)) {
    const [mantissa, exponent] = n.toExponential().split('e');
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(n);
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Rendered);

function empty(value: unknown): boolean | undefined {
  const t = truth(value);
  return t === undefined ? undefined : !t;
}

/** Evaluates a pipeline: commands left to right, each result passed as the next command's last argument. */
export function evaluatePipeline(pipeline: PipelineNode, env: Env, hooks: Hooks): unknown {
  let piped: unknown = NOTHING;
  for (const command of pipeline.commands) piped = evaluateCommand(command, env, hooks, piped);
  return piped === NOTHING ? UNKNOWN : piped;
}

/** Marks "no piped value" (distinct from a piped nil). */
const NOTHING = Symbol('nothing');

function evaluateCommand(command: CommandNode, env: Env, hooks: Hooks, piped: unknown): unknown {
  const [head, ...rest] = command.args;
  if (!head) return UNKNOWN;
  if (head.type === 'identifier') {
    const args = rest.map((a) => () => evaluateExpr(a, env, hooks));
    if (piped !== NOTHING) args.push(() => piped);
    return call(head.name, args, hooks);
  }
  // A field chain with arguments is a method call: `.Capabilities.APIVersions.Has "x"`, `.Files.Get "f"`.
  if (rest.length > 0 || piped !== NOTHING) {
    if (isHasCall(head, env, hooks) && rest.length + (piped !== NOTHING ? 1 : 0) === 1) {
      const api = settle(piped !== NOTHING ? piped : evaluateExpr(rest[0], env, hooks));
      hooks.reads.capabilities = true;
      return typeof api === 'string' ? (hooks.hasApi(api) ?? UNKNOWN) : UNKNOWN;
    }
    return UNKNOWN;
  }
  return evaluateExpr(head, env, hooks);
}

/** `.Capabilities.APIVersions.Has` (from the root, `$`, or a variable holding the root). */
function isHasCall(head: ExprNode, env: Env, hooks: Hooks): boolean {
  if ((head.type !== 'field' && head.type !== 'variable') || head.path.length < 1) return false;
  const names = head.path.map((s) => s.name);
  if (names[names.length - 1] !== 'Has') return false;
  const base = head.type === 'field' ? env.dot : env.vars.get(head.name)?.value;
  return fieldChain(base, head.path.slice(0, -1), hooks) === (hooks.capabilities as { APIVersions?: unknown }).APIVersions;
}

export function evaluateExpr(expr: ExprNode, env: Env, hooks: Hooks): unknown {
  switch (expr.type) {
    case 'dot':
      return readValue(env.dot, hooks);
    case 'field':
      return fieldChain(env.dot, expr.path, hooks);
    case 'variable': {
      const binding = env.vars.get(expr.name);
      if (!binding) return UNKNOWN;
      mergeReads(hooks.reads, binding.reads);
      return fieldChain(binding.value, expr.path, hooks);
    }
    case 'chain':
      return fieldChain(evaluatePipeline(expr.operand.pipeline, env, hooks), expr.path, hooks);
    case 'paren':
      return evaluatePipeline(expr.pipeline, env, hooks);
    case 'string':
      return expr.value;
    case 'number': {
      const n = Number(expr.value.replace(/_/g, ''));
      return Number.isNaN(n) ? UNKNOWN : n;
    }
    case 'bool':
      return expr.value === 'true';
    case 'nil':
      return null;
    default:
      return UNKNOWN;
  }
}

/** Follows field names from a value; a missing key is nil, as Helm's missingkey=zero gives. */
function fieldChain(base: unknown, path: readonly FieldSegment[], hooks: Hooks): unknown {
  let value = base;
  for (const segment of path) {
    if (value === hooks.capabilities) hooks.reads.capabilities = true;
    if (value === UNKNOWN) return UNKNOWN;
    if (!isMap(value)) return value === null || value === undefined ? null : UNKNOWN;
    const next = Object.prototype.hasOwnProperty.call(value, segment.name) ? value[segment.name] : null;
    const where = hooks.valuePaths.get(value);
    if (where !== undefined && (next === null || typeof next !== 'object')) hooks.reads.paths.add(where ? `${where}.${segment.name}` : segment.name);
    value = next;
  }
  return readValue(value, hooks);
}

/** Records the read of a whole map or list of the values. */
function readValue(value: unknown, hooks: Hooks): unknown {
  if (value === hooks.capabilities) hooks.reads.capabilities = true;
  if (typeof value === 'object' && value !== null) {
    const where = hooks.valuePaths.get(value);
    if (where) hooks.reads.paths.add(where);
  }
  return value;
}

type Arg = () => unknown;

/** A table's own entry (never one of Object.prototype's: `{{ constructor }}` is no function of ours). */
function own<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** A function call; arguments are evaluated lazily so `and`/`or`/`default` can stop early. */
function call(name: string, args: Arg[], hooks: Hooks): unknown {
  const lazy = own(LAZY, name);
  if (lazy) return lazy(args);
  const values = args.map((a) => a());
  if (name === 'include') return values.length === 2 && typeof settle(values[0]) === 'string' ? hooks.include(settle(values[0]) as string, values[1]) : UNKNOWN;
  if (name === 'tpl') {
    const text = settle(values[0]);
    return values.length === 2 && typeof text === 'string' ? hooks.tpl(text, values[1]) : UNKNOWN;
  }
  if (name === 'semverCompare') {
    const [constraint, version] = values.map(settle);
    return typeof constraint === 'string' && typeof version === 'string' ? (semverSatisfies(version, constraint) ?? UNKNOWN) : UNKNOWN;
  }
  const rendered = own(RENDERED, name);
  if (rendered && values.length >= 1 && values[values.length - 1] instanceof Rendered)
    return rendered(values.slice(0, -1), values[values.length - 1] as Rendered);
  const plain = values.map(settle);
  if (name === 'empty') return plain.length === 1 ? (empty(plain[0]) ?? UNKNOWN) : UNKNOWN;
  if (name === 'kindIs' || name === 'typeIs' || name === 'kindOf' || name === 'typeOf' || name === 'hasKey' || name === 'list' || name === 'dict') {
    // Containers may hold unknown parts: these only look at the shape or keep the parts as they are.
    const pure = own(CONTAINER, name);
    return pure ? pure(plain) : UNKNOWN;
  }
  if (plain.some(holdsUnknown)) return UNKNOWN;
  const pure = own(PURE, name);
  if (!pure) return UNKNOWN;
  try {
    const result = pure(plain);
    return result === undefined || (typeof result === 'string' && result.length > MAX_EVALUATED_TEXT) ? UNKNOWN : result;
  } catch {
    return UNKNOWN;
  }
}

/**
 * The longest text a function's result may be; a longer one is not worked out. `quote` doubles
 * what it quotes again, so thirty in a pipeline asked for a gigabyte (and 1,400 took 4 s to fail).
 */
const MAX_EVALUATED_TEXT = 4 * 1024 * 1024;

/** Functions that decide which arguments to evaluate. */
const LAZY: Record<string, (args: Arg[]) => unknown> = {
  and: (args) => {
    let unknown = false;
    let last: unknown = UNKNOWN;
    for (const arg of args) {
      last = arg();
      const t = truth(last);
      if (t === false) return last;
      if (t === undefined) unknown = true;
    }
    return unknown ? UNKNOWN : last;
  },
  or: (args) => {
    let unknown = false;
    let last: unknown = UNKNOWN;
    for (const arg of args) {
      last = arg();
      const t = truth(last);
      if (t === true) return last;
      if (t === undefined) unknown = true;
    }
    return unknown ? UNKNOWN : last;
  },
  not: (args) => {
    const t = args.length === 1 ? truth(args[0]()) : undefined;
    return t === undefined ? UNKNOWN : !t;
  },
  default: (args) => {
    if (args.length === 1) return args[0]();
    if (args.length !== 2) return UNKNOWN;
    const given = args[1]();
    const t = truth(given);
    return t === undefined ? UNKNOWN : t ? given : args[0]();
  },
  coalesce: (args) => {
    for (const arg of args) {
      const v = arg();
      const t = truth(v);
      if (t === undefined) return UNKNOWN;
      if (t) return v;
    }
    return null;
  },
  ternary: (args) => {
    if (args.length !== 3) return UNKNOWN;
    const t = truth(args[2]());
    return t === undefined ? UNKNOWN : t ? args[0]() : args[1]();
  },
  required: (args) => {
    if (args.length !== 2) return UNKNOWN;
    const v = args[1]();
    // Helm stops rendering when the value is missing: nothing renders with the defaults then.
    return truth(v) === true || v === false || v === 0 ? v : UNKNOWN;
  },
};

/** Functions that keep rendered pieces (indentation and trimming of an `include`'s output). */
const RENDERED: Record<string, (args: unknown[], text: Rendered) => unknown> = {
  nindent: ([n], text) => (typeof n === 'number' ? indentPieces(text, n, true) : UNKNOWN),
  indent: ([n], text) => (typeof n === 'number' ? indentPieces(text, n, false) : UNKNOWN),
  trim: (_args: unknown[], text: Rendered) => trimPieces(text, true, true),
  toString: (_args: unknown[], text: Rendered) => text,
};

function indentPieces(text: Rendered, n: number, newline: boolean): Rendered {
  const pad = ' '.repeat(Math.max(0, Math.min(n, 200)));
  const pieces: Piece[] = newline ? [{ text: '\n' + pad, kind: 'text', helper: text.pieces[0]?.helper }] : [{ text: pad, kind: 'text' }];
  for (const p of text.pieces) pieces.push(p.text.includes('\n') ? { ...p, text: p.text.replace(/\n/g, '\n' + pad), at: undefined } : p);
  return new Rendered(pieces);
}

function trimPieces(text: Rendered, left: boolean, right: boolean): Rendered {
  const pieces = text.pieces.map((p) => ({ ...p }));
  if (left)
    for (const p of pieces) {
      if (p.kind === 'hole') break;
      const trimmed = p.text.replace(/^\s+/, '');
      if (p.at !== undefined) p.at += p.text.length - trimmed.length;
      p.text = trimmed;
      if (trimmed !== '') break;
    }
  if (right)
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i];
      if (p.kind === 'hole') break;
      p.text = p.text.replace(/\s+$/, '');
      if (p.text !== '') break;
    }
  return new Rendered(pieces.filter((p) => p.text !== '' || p.kind === 'hole'));
}

/** Go's kind names for the values Helm hands templates (values numbers are float64). */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

const CONTAINER: Record<string, (a: unknown[]) => unknown> = {
  kindIs: ([k, v]) => (v === UNKNOWN ? UNKNOWN : kindOf(v) === k),
  typeIs: ([t, v]) => (v === UNKNOWN ? UNKNOWN : typeName(v) === t),
  kindOf: ([v]) => (v === UNKNOWN ? UNKNOWN : kindOf(v)),
  typeOf: ([v]) => (v === UNKNOWN ? UNKNOWN : typeName(v)),
  hasKey: ([m, k]) => (isMap(m) && typeof k === 'string' ? Object.prototype.hasOwnProperty.call(m, k) : UNKNOWN),
  list: (a) => [...a],
  dict: (a) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < a.length; i += 2) {
      if (typeof a[i] !== 'string') return UNKNOWN;
      out[a[i] as string] = a[i + 1];
    }
    return out;
  },
};

function typeName(v: unknown): string {
  const kind = kindOf(v);
  return kind === 'map' ? 'map[string]interface {}' : kind === 'slice' ? '[]interface {}' : kind;
}

const str = (v: unknown): string => format(v);
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v === null ? 0 : undefined;
};

function equal(a: unknown, b: unknown): boolean | undefined {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'object' || typeof b === 'object') return a === null || b === null ? false : undefined;
  return a === b;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function ordered(a: unknown, b: unknown, test: (c: number) => boolean): boolean | undefined {
  const c = compare(a, b);
  return c === undefined ? undefined : test(c);
}

/** Go's fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += str(a);
  });
  return out;
}

/** fmt.Sprintf for the verbs charts use; undefined for any other verb. */
function sprintf(pattern: string, args: unknown[]): string | undefined {
  let i = 0;
  let failed = false;
  const out = pattern.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (_m, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const a = args[i++];
      let text: string;
      switch (verb) {
        case 's':
        case 'v':
          text = str(a);
          break;
        case 'd':
          if (typeof a !== 'number') failed = true;
          text = String(Math.trunc(Number(a)));
          break;
        case 'f':
          if (typeof a !== 'number') failed = true;
          text = Number(a).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'q':
          text = JSON.stringify(str(a));
          break;
        case 't':
          text = String(a);
          break;
        default:
          failed = true;
          text = '';
      }
      const w = width ? Number(width) : 0;
      return flags.includes('-') ? text.padEnd(w) : text.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    },
  );
  return failed ? undefined : out;
}

/**
 * Helm's toYaml, in the shape its YAML library prints: keys sorted, lists not indented under their
 * key, strings plain where YAML reads them back as the same string and double-quoted otherwise;
 * the trailing newline is cut. Written here because a general YAML printer is many times slower
 * and charts pass whole values trees through it (`tpl (toYaml .Values.x)`).
 */
export function toYaml(v: unknown): string {
  return yamlLines(v, 0).join('\n');
}

const PLAIN = /^[A-Za-z_/.][\w./@+:-]*(?: [\w./@+:-]+)*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function yamlScalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return PLAIN.test(v) && !RESERVED.test(v) && !v.endsWith(':') && !v.includes(': ') ? v : JSON.stringify(v);
  return format(v);
}

function yamlLines(v: unknown, depth: number): string[] {
  if (depth > 100) throw new Error('too deep');
  if (Array.isArray(v)) {
    if (v.length === 0) return ['[]'];
    return v.flatMap((item) => {
      const lines = yamlLines(item, depth + 1);
      return lines.map((line, i) => (i === 0 ? '- ' : '  ') + line);
    });
  }
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    if (keys.length === 0) return ['{}'];
    return keys.flatMap((key) => {
      const item = v[key];
      const k = yamlScalar(key);
      const nested = (Array.isArray(item) && item.length > 0) || (isMap(item) && Object.keys(item).length > 0);
      if (!nested) return [`${k}: ${yamlScalar(item)}`];
      const lines = yamlLines(item, depth + 1);
      return [`${k}:`, ...(Array.isArray(item) ? lines : lines.map((line) => '  ' + line))];
    });
  }
  return [yamlScalar(v)];
}

function toJson(v: unknown, indent?: number): string {
  const sorted = (x: unknown): unknown =>
    isMap(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, sorted(x[k])]),
        )
      : Array.isArray(x)
        ? x.map(sorted)
        : x;
  return JSON.stringify(sorted(v ?? null), null, indent) ?? 'null';
}

function deepMerge(dst: Record<string, unknown>, src: unknown, overwrite: boolean, depth = 0): Record<string, unknown> {
  if (!isMap(src) || depth > 30) return dst;
  for (const [k, v] of Object.entries(src)) {
    if (isMap(dst[k]) && isMap(v)) dst[k] = deepMerge({ ...(dst[k] as Record<string, unknown>) }, v, overwrite, depth + 1);
    else if (overwrite || !(k in dst) || dst[k] === null || dst[k] === undefined) dst[k] = v;
  }
  return dst;
}

function index(v: unknown, keys: unknown[]): unknown {
  let value = v;
  for (const k of keys) {
    if (Array.isArray(value) && typeof k === 'number') value = value[k];
    else if (isMap(value) && typeof k === 'string') value = Object.prototype.hasOwnProperty.call(value, k) ? value[k] : null;
    else if (value === null) return null;
    else return undefined;
  }
  return value;
}

const text = (f: (s: string, a: unknown[]) => unknown) => (a: unknown[]) => (a.length >= 1 ? f(str(a[a.length - 1]), a.slice(0, -1)) : undefined);
const arith = (f: (x: number, y: number) => number) => (a: unknown[]) => {
  const ns = a.map(num);
  return ns.length === 0 || ns.some((n) => n === undefined) ? undefined : (ns as number[]).reduce(f);
};

/** Functions of known arguments; undefined (or a throw) means UNKNOWN. */
const PURE: Record<string, (a: unknown[]) => unknown> = {
  eq: ([a, ...rest]) => {
    if (rest.length === 0) return undefined;
    const results = rest.map((b) => equal(a, b));
    return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  },
  ne: ([a, b]) => {
    const e = equal(a, b);
    return e === undefined ? undefined : !e;
  },
  lt: ([a, b]) => ordered(a, b, (c) => c < 0),
  le: ([a, b]) => ordered(a, b, (c) => c <= 0),
  gt: ([a, b]) => ordered(a, b, (c) => c > 0),
  ge: ([a, b]) => ordered(a, b, (c) => c >= 0),
  quote: (a) =>
    a
      .filter((v) => v !== null && v !== undefined)
      .map((v) => JSON.stringify(str(v)))
      .join(' '),
  squote: (a) =>
    a
      .filter((v) => v !== null && v !== undefined)
      .map((v) => `'${str(v)}'`)
      .join(' '),
  toString: (a: unknown[]) => str(a[0]),
  print: (a) => sprint(a),
  println: (a) => a.map(str).join(' ') + '\n',
  printf: ([pattern, ...rest]) => (typeof pattern === 'string' ? sprintf(pattern, rest) : undefined),
  lower: text((s) => s.toLowerCase()),
  upper: text((s) => s.toUpperCase()),
  title: text((s) => s.replace(/(^|\s)(\S)/g, (_m, sp: string, c: string) => sp + c.toUpperCase())),
  trim: text((s) => s.trim()),
  trimAll: text((s, [cut]) => {
    const chars = [...str(cut)];
    let start = 0;
    let end = s.length;
    while (start < end && chars.includes(s[start])) start++;
    while (end > start && chars.includes(s[end - 1])) end--;
    return s.slice(start, end);
  }),
  trimSuffix: text((s, [suffix]) => (s.endsWith(str(suffix)) ? s.slice(0, s.length - str(suffix).length) : s)),
  trimPrefix: text((s, [prefix]) => (s.startsWith(str(prefix)) ? s.slice(str(prefix).length) : s)),
  trunc: text((s, [n]) => (typeof n !== 'number' ? undefined : n >= 0 ? s.slice(0, n) : s.slice(Math.max(0, s.length + n)))),
  replace: text((s, [from, to]) => s.split(str(from)).join(str(to))),
  contains: text((s, [part]) => s.includes(str(part))),
  hasPrefix: text((s, [p]) => s.startsWith(str(p))),
  hasSuffix: text((s, [p]) => s.endsWith(str(p))),
  nospace: text((s) => s.replace(/\s+/g, '')),
  repeat: text((s, [n]) => (typeof n === 'number' && n >= 0 && n * s.length < 100_000 ? s.repeat(n) : undefined)),
  nindent: text((s, [n]) => (typeof n === 'number' ? '\n' + indentText(s, n) : undefined)),
  indent: text((s, [n]) => (typeof n === 'number' ? indentText(s, n) : undefined)),
  cat: (a) =>
    a
      .filter((v) => v !== null && v !== undefined)
      .map(str)
      .join(' '),
  join: ([sep, list]) => (Array.isArray(list) ? list.map(str).join(str(sep)) : typeof list === 'string' ? list : undefined),
  splitList: ([sep, s]) => str(s).split(str(sep)),
  int: ([v]) => truncated(v),
  int64: ([v]) => truncated(v),
  float64: ([v]) => num(v),
  atoi: ([v]) => Math.trunc(num(v) ?? 0),
  add: arith((x, y) => x + y),
  add1: ([v]) => (num(v) === undefined ? undefined : (num(v) as number) + 1),
  sub: arith((x, y) => x - y),
  mul: arith((x, y) => x * y),
  div: arith((x, y) => (y === 0 ? NaN : Math.trunc(x / y))),
  mod: arith((x, y) => (y === 0 ? NaN : x % y)),
  max: arith(Math.max),
  min: arith(Math.min),
  len: ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : isMap(v) ? Object.keys(v).length : v === null ? 0 : undefined),
  get: ([m, k]) => (isMap(m) && typeof k === 'string' ? (Object.prototype.hasOwnProperty.call(m, k) ? m[k] : '') : undefined),
  index: ([v, ...keys]) => index(v, keys),
  dig: (a) => {
    if (a.length < 3 || !isMap(a[a.length - 1])) return undefined;
    const found = index(a[a.length - 1], a.slice(0, -2));
    return found === null || found === undefined ? a[a.length - 2] : found;
  },
  keys: (a) => (a.every(isMap) ? a.flatMap((m) => Object.keys(m as object)) : undefined),
  sortAlpha: ([l]) => (Array.isArray(l) ? l.map(str).sort() : undefined),
  uniq: ([l]) => (Array.isArray(l) ? [...new Set(l)] : undefined),
  compact: ([l]) => (Array.isArray(l) ? l.filter((v) => truth(v)) : undefined),
  first: ([l]) => (Array.isArray(l) ? (l[0] ?? null) : undefined),
  last: ([l]) => (Array.isArray(l) ? (l[l.length - 1] ?? null) : undefined),
  rest: ([l]) => (Array.isArray(l) ? l.slice(1) : undefined),
  append: ([l, v]) => (Array.isArray(l) ? [...l, v] : l === null ? [v] : undefined),
  prepend: ([l, v]) => (Array.isArray(l) ? [v, ...l] : l === null ? [v] : undefined),
  concat: (a) => (a.every((l) => Array.isArray(l) || l === null) ? a.flatMap((l) => (l as unknown[] | null) ?? []) : undefined),
  has: ([needle, l]) => (Array.isArray(l) ? l.includes(needle) : undefined),
  merge: ([dst, ...srcs]) => (isMap(dst) ? srcs.reduce<Record<string, unknown>>((acc, s) => deepMerge(acc, s, false), { ...dst }) : undefined),
  mergeOverwrite: ([dst, ...srcs]) => (isMap(dst) ? srcs.reduce<Record<string, unknown>>((acc, s) => deepMerge(acc, s, true), { ...dst }) : undefined),
  deepCopy: ([v]) => (v === undefined ? undefined : structuredClone(v)),
  // The default values and `.Chart` are shared by every template of a chart, so they are frozen:
  // a `set` into them is unknown.
  set: ([m, k, v]) => {
    if (!isMap(m) || typeof k !== 'string' || Object.isFrozen(m)) return undefined;
    m[k] = v;
    return m;
  },
  unset: ([m, k]) => {
    if (!isMap(m) || typeof k !== 'string' || Object.isFrozen(m)) return undefined;
    delete m[k];
    return m;
  },
  pick: ([m, ...ks]) => (isMap(m) ? Object.fromEntries(ks.map(str).flatMap((k) => (k in m ? [[k, m[k]]] : []))) : undefined),
  omit: ([m, ...ks]) => (isMap(m) ? Object.fromEntries(Object.entries(m).filter(([k]) => !ks.includes(k))) : undefined),
  toYaml: ([v]) => toYaml(v),
  toJson: ([v]) => toJson(v),
  toPrettyJson: ([v]) => toJson(v, 2),
  toRawJson: ([v]) => toJson(v),
  fromYaml: ([s]) => {
    const doc = parseDocument(str(s));
    if (doc.errors.length > 0) throw doc.errors[0];
    const parsed = yamlData((options) => doc.toJS(options), 100);
    return parsed === undefined || parsed === null ? {} : parsed;
  },
  fromJson: ([s]) => JSON.parse(str(s)) as unknown,
  regexMatch: ([re, s]) => new RegExp(str(re)).test(str(s)),
  regexReplaceAll: ([re, s, to]) => str(s).replace(new RegExp(str(re), 'g'), str(to).replace(/\$\{?(\d+)\}?/g, '$$$1')),
  regexFind: ([re, s]) => new RegExp(str(re)).exec(str(s))?.[0] ?? '',
};

function truncated(v: unknown): number | undefined {
  const n = num(v);
  return n === undefined ? undefined : Math.trunc(n);
}

function indentText(s: string, n: number): string {
  const pad = ' '.repeat(Math.max(0, Math.min(n, 200)));
  return pad + s.replace(/\n/g, '\n' + pad);
}

/**
 * Whether `version` (e.g. `v1.36.0`) meets a Masterminds-style constraint as Helm charts write
 * them: comparisons joined by spaces or commas (and), alternatives joined by `||`; `-0` suffixes
 * only let pre-releases match, which the target version never is. Undefined when unreadable.
 */
export function semverSatisfies(version: string, constraint: string): boolean | undefined {
  const v = semverParts(version);
  if (!v) return undefined;
  let anyTrue = false;
  for (const alternative of constraint.split('||')) {
    const terms = alternative
      .trim()
      .replace(/([<>=!~^]+)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (terms.length === 0) return undefined;
    let all = true;
    for (const term of terms) {
      const m = /^(<=|>=|!=|=|<|>|~|\^)?v?(\d+(?:\.(?:\d+|[xX*]))*(?:-[0-9A-Za-z.-]+)?)$/.exec(term);
      if (!m) return undefined;
      const ok = termHolds(v, m[1] ?? '=', m[2]);
      if (ok === undefined) return undefined;
      if (!ok) all = false;
    }
    if (all) anyTrue = true;
  }
  return anyTrue;
}

function semverParts(version: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function termHolds(v: number[], op: string, target: string): boolean | undefined {
  const core = target.replace(/-.*$/, '');
  const parts = core.split('.');
  const wildcard = parts.findIndex((p) => /^[xX*]$/.test(p));
  const given = (wildcard < 0 ? parts : parts.slice(0, wildcard)).map(Number);
  const t = [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0];
  const cmp = v[0] - t[0] || v[1] - t[1] || v[2] - t[2];
  const prefixEqual = given.every((n, i) => v[i] === n);
  switch (op) {
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0 || (given.length < 3 && prefixEqual);
    case '>':
      return cmp > 0 && !(given.length < 3 && prefixEqual);
    case '>=':
      return cmp >= 0;
    case '!=':
      return !prefixEqual;
    case '=':
      return prefixEqual;
    case '~':
      return cmp >= 0 && v[0] === t[0] && (given.length < 2 || v[1] === t[1]);
    case '^':
      return cmp >= 0 && v[0] === t[0];
    default:
      return undefined;
  }
}
