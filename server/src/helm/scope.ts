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

export interface Env {
  dot: Scope;
  vars: Map<string, Scope>;
  /** Inside a `define`: `.` is whatever the caller passes (we assume the root context). */
  inDefine: boolean;
  /** Values paths tested by enclosing `if`/`with` conditions. */
  guards: string[][];
}

export function rootEnv(): Env {
  return { dot: ROOT, vars: new Map([['$', ROOT]]), inDefine: false, guards: [] };
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

/** The values paths an `if`/`with` condition tests, so their use inside the block is not reported. */
function testedPaths(pipeline: PipelineNode, env: Env): string[][] {
  const out: string[][] = [];
  for (const e of expressions(pipeline)) {
    const s = resolveExpr(e, env);
    if (s.kind === 'values') out.push(s.path);
  }
  return out;
}

/** Binds the variables an action declares or assigns (`{{ $x := .Values.a }}`). */
export function bindAction(node: TemplateNode, env: Env): void {
  if (node.type !== 'action' || node.pipeline.variables.length === 0) return;
  const value = resolvePipeline({ ...node.pipeline, variables: [] }, env);
  for (const v of node.pipeline.variables) env.vars.set(v.name, value);
}

/** The environment inside a block's body (or its else branch). */
export function enterBody(node: TemplateNode, env: Env, inElse: boolean): Env {
  const inner: Env = { dot: env.dot, vars: new Map(env.vars), inDefine: env.inDefine, guards: env.guards };
  switch (node.type) {
    case 'if':
    case 'with': {
      const tested = resolvePipeline({ ...node.pipeline, variables: [] }, env);
      for (const v of node.pipeline.variables) inner.vars.set(v.name, tested);
      inner.guards = [...env.guards, ...testedPaths(node.pipeline, env)];
      if (node.type === 'with' && !inElse) inner.dot = tested;
      return inner;
    }
    case 'range': {
      const item = element(resolvePipeline({ ...node.pipeline, variables: [] }, env));
      const vars = node.pipeline.variables;
      if (vars.length === 1) inner.vars.set(vars[0].name, item);
      if (vars.length === 2) {
        inner.vars.set(vars[0].name, UNKNOWN);
        inner.vars.set(vars[1].name, item);
      }
      if (!inElse) inner.dot = item;
      return inner;
    }
    case 'define':
      return { dot: ROOT, vars: new Map([['$', ROOT]]), inDefine: true, guards: [] };
    case 'block':
      return { dot: resolvePipeline(node.pipeline, env), vars: new Map([['$', env.vars.get('$') ?? ROOT]]), inDefine: true, guards: [] };
    default:
      return inner;
  }
}

/** The environment at an offset: walks down the enclosing blocks, binding variables on the way. */
export function envAt(template: Template, offset: number): Env {
  let env = rootEnv();
  let list: readonly TemplateNode[] = template.nodes;
  for (const node of nodePath(template, offset)) {
    for (const sibling of list) {
      if (sibling === node || sibling.start >= offset) break;
      bindAction(sibling, env);
    }
    const insideBody = node.type !== 'action' && node.type !== 'text' && node.type !== 'comment' && 'action' in node && offset >= node.action.end;
    if (!insideBody) break;
    const inElse = inElseBranch(node, offset);
    env = enterBody(node, env, inElse);
    list = inElse && (node.type === 'if' || node.type === 'with' || node.type === 'range') ? (node.elseList ?? []) : 'list' in node ? node.list : [];
  }
  return env;
}
