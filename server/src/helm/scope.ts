import { type ExprNode, expressions, inElseBranch, nodePath, type PipelineNode, type Template, type TemplateNode } from '../gotmpl';

/**
 * What `.` and the variables stand for at a place in a template: the root context, a `.Values`
 * path, a built-in object path (`.Release.Name`), or something we cannot know.
 */
export type Scope = { kind: 'root' } | { kind: 'values'; path: string[] } | { kind: 'builtin'; path: string } | { kind: 'unknown' };

/** The `.Values` path element for "any element": what `range` over a list or map gives. */
export const ANY = '*';

export const ROOT: Scope = { kind: 'root' };
export const UNKNOWN: Scope = { kind: 'unknown' };

/** Values paths tested by enclosing conditions, innermost first; each block links to its parent's list. */
export interface Guards {
  path: string[];
  outer: Guards | undefined;
}

/**
 * What holds at one place of a template. Entering a block costs the same at any depth: the guard
 * list is shared with the enclosing blocks, and so is the variable map until the block binds a
 * variable of its own (see `bind`), so deeply nested templates are analysed in linear time.
 */
export interface Env {
  dot: Scope;
  /** Read only: bindings go through `bind`, which copies a map still shared with the enclosing block. */
  vars: ReadonlyMap<string, Scope>;
  /** Whether `vars` belongs to this environment alone. */
  ownsVars: boolean;
  /** Inside a `define`: `.` is whatever the caller passes (we assume the root context). */
  inDefine: boolean;
  guards: Guards | undefined;
}

export function rootEnv(): Env {
  return { dot: ROOT, vars: new Map([['$', ROOT]]), ownsVars: true, inDefine: false, guards: undefined };
}

function bind(env: Env, name: string, scope: Scope): void {
  const vars = env.ownsVars ? (env.vars as Map<string, Scope>) : new Map(env.vars);
  vars.set(name, scope);
  env.vars = vars;
  env.ownsVars = true;
}

/** Whether an enclosing condition tests `path` or a path that begins it or that it begins. */
export function coveredByGuard(env: Env, path: readonly string[]): boolean {
  for (let g = env.guards; g; g = g.outer) {
    const n = Math.min(g.path.length, path.length);
    let same = true;
    for (let i = 0; i < n && same; i++) same = g.path[i] === path[i];
    if (same) return true;
  }
  return false;
}

/** A scope followed by field names: `.Values` + `image.tag`, `.Release` + `Name`. */
export function applyPath(scope: Scope, names: readonly string[]): Scope {
  if (names.length === 0) return scope;
  switch (scope.kind) {
    case 'root':
      if (names[0] === 'Values') return { kind: 'values', path: names.slice(1) };
      return { kind: 'builtin', path: '.' + names.join('.') };
    case 'values':
      return { kind: 'values', path: [...scope.path, ...names] };
    case 'builtin':
      return { kind: 'builtin', path: scope.path + '.' + names.join('.') };
    default:
      return UNKNOWN;
  }
}

export function resolveExpr(expr: ExprNode, env: Env): Scope {
  switch (expr.type) {
    case 'field':
      return applyPath(
        env.dot,
        expr.path.map((s) => s.name),
      );
    case 'variable':
      return applyPath(
        env.vars.get(expr.name) ?? UNKNOWN,
        expr.path.map((s) => s.name),
      );
    case 'dot':
      return env.dot;
    default:
      return UNKNOWN;
  }
}

/** A pipeline that is one plain operand (`.Values.x`, `$v`) resolves; anything else is unknown. */
export function resolvePipeline(pipeline: PipelineNode | undefined, env: Env): Scope {
  const only = pipeline?.commands.length === 1 && pipeline.commands[0].args.length === 1 ? pipeline.commands[0].args[0] : undefined;
  return only ? resolveExpr(only, env) : UNKNOWN;
}

export function element(scope: Scope): Scope {
  return scope.kind === 'values' ? { kind: 'values', path: [...scope.path, ANY] } : UNKNOWN;
}

/** The guards inside an `if`/`with` block: the values paths its condition tests, so their use inside is not reported. */
function withTestedPaths(pipeline: PipelineNode, env: Env): Guards | undefined {
  let guards = env.guards;
  for (const e of expressions(pipeline)) {
    const s = resolveExpr(e, env);
    if (s.kind === 'values') guards = { path: s.path, outer: guards };
  }
  return guards;
}

/** Binds the variables an action declares or assigns (`{{ $x := .Values.a }}`). */
export function bindAction(node: TemplateNode, env: Env): void {
  if (node.type !== 'action' || node.pipeline.variables.length === 0) return;
  const value = resolvePipeline({ ...node.pipeline, variables: [] }, env);
  for (const v of node.pipeline.variables) bind(env, v.name, value);
}

/** The environment inside a block's body (or its else branch). */
export function enterBody(node: TemplateNode, env: Env, inElse: boolean): Env {
  const inner: Env = { dot: env.dot, vars: env.vars, ownsVars: false, inDefine: env.inDefine, guards: env.guards };
  switch (node.type) {
    case 'if':
    case 'with': {
      const tested = resolvePipeline({ ...node.pipeline, variables: [] }, env);
      for (const v of node.pipeline.variables) bind(inner, v.name, tested);
      inner.guards = withTestedPaths(node.pipeline, env);
      if (node.type === 'with' && !inElse) inner.dot = tested;
      return inner;
    }
    case 'range': {
      const item = element(resolvePipeline({ ...node.pipeline, variables: [] }, env));
      const vars = node.pipeline.variables;
      if (vars.length === 1) bind(inner, vars[0].name, item);
      if (vars.length === 2) {
        bind(inner, vars[0].name, UNKNOWN);
        bind(inner, vars[1].name, item);
      }
      if (!inElse) inner.dot = item;
      return inner;
    }
    case 'define':
      return { dot: ROOT, vars: new Map([['$', ROOT]]), ownsVars: true, inDefine: true, guards: undefined };
    case 'block':
      return { dot: resolvePipeline(node.pipeline, env), vars: new Map([['$', env.vars.get('$') ?? ROOT]]), ownsVars: true, inDefine: true, guards: undefined };
    default:
      return inner;
  }
}

/**
 * Blocks nested deeper than this are not analysed (pathological input, never real charts): inside
 * a `with` the next `.Values` is a field of its value, so the paths grow with the depth, and
 * thousands of nested blocks would cost the square of their number.
 */
export const MAX_DEPTH = 500;

/** The environment at an offset: walks down the enclosing blocks, binding variables on the way. */
export function envAt(template: Template, offset: number): Env {
  let env = rootEnv();
  let list: readonly TemplateNode[] = template.nodes;
  for (const [depth, node] of nodePath(template, offset).entries()) {
    for (const sibling of list) {
      if (sibling === node || sibling.start >= offset) break;
      bindAction(sibling, env);
    }
    const insideBody = node.type !== 'action' && node.type !== 'text' && node.type !== 'comment' && 'action' in node && offset >= node.action.end;
    if (!insideBody) break;
    // Deeper than the analysis goes, nothing is known of `.` (as no usage there is analysed).
    if (depth >= MAX_DEPTH) return { dot: UNKNOWN, vars: new Map([['$', ROOT]]), ownsVars: true, inDefine: env.inDefine, guards: undefined };
    const inElse = inElseBranch(node, offset);
    env = enterBody(node, env, inElse);
    list = inElse && (node.type === 'if' || node.type === 'with' || node.type === 'range') ? (node.elseList ?? []) : 'list' in node ? node.list : [];
  }
  return env;
}
