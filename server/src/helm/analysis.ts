import { firstIndexWhere } from '../common';
import { actionAt, expressions, type FieldSegment, inElseBranch, nodePath, type PipelineNode, type Template, type TemplateNode } from '../gotmpl';
import { applyPath, bindAction, coveredByGuard, enterBody, type Env, MAX_DEPTH, resolveExpr, rootEnv, type Scope } from './scope';

/**
 * One pass over a template that records what every expression refers to: `.Values` paths,
 * built-in objects, function calls and named-template references, each with its offsets and
 * whether a condition or a defaulting function guards it. Cached per document version.
 */

/** Functions that test or default a value: a missing key passed to them is expected. */
const GUARD_FUNCTIONS = new Set([
  'default',
  'hasKey',
  'required',
  'empty',
  'coalesce',
  'ternary',
  'and',
  'or',
  'not',
  'dig',
  'kindIs',
  'typeIs',
  'kindOf',
  'typeOf',
  'get',
  'pluck',
]);

export interface SegmentRef {
  segment: FieldSegment;
  /** What the chain up to this segment refers to (worked out when first read). */
  readonly scope: Scope;
}

/**
 * A segment whose scope is worked out on first read. Each scope holds the whole path up to its
 * segment, so building all of them up front would cost the square of a chain's length; the
 * analysis must stay linear in the template, and most features read one segment (under the cursor).
 */
class LazySegment implements SegmentRef {
  private resolved: Scope | undefined;

  constructor(
    readonly segment: FieldSegment,
    private readonly base: Scope,
    /** The names of the whole chain, shared by its segments. */
    private readonly names: readonly string[],
    private readonly index: number,
  ) {}

  get scope(): Scope {
    return (this.resolved ??= applyPath(this.base, this.names.slice(0, this.index + 1)));
  }
}

export interface ExprUsage {
  start: number;
  end: number;
  /** Each field segment with what the chain up to it refers to. */
  readonly segments: readonly SegmentRef[];
  /** The segment under `offset` (its end counts, for half-typed input), found without making the others. */
  segmentAt(offset: number): SegmentRef | undefined;
  /** The segment where the chain reaches a `.Values` path of `length` names, if it does (found without making the others). */
  valuesSegment(length: number): SegmentRef | undefined;
  /** What the whole expression refers to. */
  scope: Scope;
  guarded: boolean;
  inDefine: boolean;
}

/**
 * A usage whose segments are made when first read: most features read the segments of one usage
 * (under the cursor), and making them for every usage of a template was a third of what the
 * analysis allocated, on every edit.
 */
class Usage implements ExprUsage {
  private made: SegmentRef[] | undefined;
  private names: readonly string[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly path: readonly FieldSegment[],
    private readonly base: Scope,
    readonly scope: Scope,
    readonly guarded: boolean,
    readonly inDefine: boolean,
  ) {}

  get segments(): readonly SegmentRef[] {
    this.made ??= this.path.map((_, i) => this.segment(i));
    return this.made;
  }

  /*
   * A chain of a few hundred thousand segments (generated text) is read one segment at a time by
   * hover and the rules: making every segment for that was most of their time.
   */

  segmentAt(offset: number): SegmentRef | undefined {
    // The segments follow each other, so the first that ends at or after `offset` is the only candidate.
    const path = this.path;
    const lo = firstIndexWhere(path.length, (i) => path[i].end >= offset);
    return lo < path.length && path[lo].start <= offset ? this.segment(lo) : undefined;
  }

  valuesSegment(length: number): SegmentRef | undefined {
    // Each segment adds one name to the path, so only one index can reach `length`: after the
    // root's `Values`, or after a values path of its own.
    const base = this.base;
    const index = base.kind === 'root' && this.path[0]?.name === 'Values' ? length : base.kind === 'values' ? length - base.path.length - 1 : -1;
    return index >= 0 && index < this.path.length ? this.segment(index) : undefined;
  }

  private segment(index: number): SegmentRef {
    if (this.made) return this.made[index];
    this.names ??= this.path.map((s) => s.name);
    return new LazySegment(this.path[index], this.base, this.names, index);
  }
}

export interface FunctionCall {
  name: string;
  start: number;
  end: number;
  /** Arguments including the piped-in value. */
  argCount: number;
}

export interface TemplateRef {
  keyword: 'include' | 'template';
  name: string;
  /** Offsets of the quoted name. */
  start: number;
  end: number;
  /** The name of the define this reference sits in, if any. */
  inside: string | undefined;
}

export interface Analysis {
  usages: ExprUsage[];
  calls: FunctionCall[];
  refs: TemplateRef[];
}

export function analyze(template: Template): Analysis {
  const result: Analysis = { usages: [], calls: [], refs: [] };
  const visitList = (list: readonly TemplateNode[], env: Env, depth: number, inside: string | undefined) => {
    for (const node of list) {
      visitNode(node, env, depth, inside);
      bindAction(node, env);
    }
  };
  const visitNode = (node: TemplateNode, env: Env, depth: number, inside: string | undefined) => {
    visitHead(node, env, inside, result);
    if (depth >= MAX_DEPTH) return;
    for (const body of bodies(node, env, inside)) visitList(body.list, body.env, depth + 1, body.inside);
  };
  visitList(template.nodes, rootEnv(), 0, undefined);
  return result;
}

/**
 * The part of `analyze(template)` about the action that holds `offset`: the same usages, calls
 * and references there, found by walking down to that action alone. A hover needs no more, and
 * analysing a whole 2,000-line template on every keystroke was a third of a hover's time.
 */
export function analyzeAt(template: Template, offset: number): Analysis {
  const result: Analysis = { usages: [], calls: [], refs: [] };
  const action = actionAt(template, offset);
  if (!action) return result;
  let env = rootEnv();
  let inside: string | undefined;
  let list: readonly TemplateNode[] = template.nodes;
  // Walk down to a place strictly inside the action: its edges may touch a neighbour (an action
  // left open ends where the next `{{ else }}` starts).
  const probe = action.start + 1;
  const path = nodePath(template, probe);
  for (const [depth, node] of path.entries()) {
    if (depth > MAX_DEPTH) break;
    for (const sibling of list) {
      if (sibling === node) break;
      bindAction(sibling, env);
    }
    if ('action' in node && node.action === action) {
      visitHead(node, env, inside, result);
      break;
    }
    const inElse = inElseBranch(node, probe);
    const body = bodies(node, env, inside).find((b) => b.inElse === inElse);
    if (!body) break;
    ({ env, inside, list } = body);
  }
  return result;
}

/** What a node's own action refers to: its pipeline, and the name of a template it calls. */
function visitHead(node: TemplateNode, env: Env, inside: string | undefined, result: Analysis): void {
  switch (node.type) {
    case 'action':
      visitPipeline(node.pipeline, env, false, inside, result);
      return;
    case 'template':
      if (node.name) result.refs.push({ keyword: 'template', name: node.name, start: node.nameSpan.start, end: node.nameSpan.end, inside });
      if (node.pipeline) visitPipeline(node.pipeline, env, false, inside, result);
      return;
    case 'if':
    case 'with':
    case 'range':
      visitPipeline(node.pipeline, env, true, inside, result);
      return;
    case 'define':
    case 'block':
      if (node.pipeline) visitPipeline(node.pipeline, env, false, inside, result);
      return;
    default:
      return;
  }
}

/** A block's bodies (its list, then its else branch) with what holds inside each. */
function bodies(
  node: TemplateNode,
  env: Env,
  inside: string | undefined,
): Array<{ list: readonly TemplateNode[]; env: Env; inside: string | undefined; inElse: boolean }> {
  switch (node.type) {
    case 'if':
    case 'with':
    case 'range': {
      const out = [{ list: node.list, env: enterBody(node, env, false), inside, inElse: false }];
      if (node.elseList) out.push({ list: node.elseList, env: enterBody(node, env, true), inside, inElse: true });
      return out;
    }
    case 'define':
    case 'block':
      return [{ list: node.list, env: enterBody(node, env, false), inside: node.name || inside, inElse: false }];
    default:
      return [];
  }
}

function visitPipeline(pipeline: PipelineNode, env: Env, isCondition: boolean, inside: string | undefined, result: Analysis): void {
  const all = expressions(pipeline);
  let guardedByFunction = false;
  for (const e of all) if (e.type === 'identifier' && GUARD_FUNCTIONS.has(e.name)) guardedByFunction = true;
  for (const e of all) {
    if (e.type !== 'field' && e.type !== 'variable') continue;
    const base: Scope = e.type === 'field' ? env.dot : (env.vars.get(e.name) ?? { kind: 'unknown' });
    const scope = resolveExpr(e, env);
    const guarded = isCondition || guardedByFunction || (scope.kind === 'values' && coveredByGuard(env, scope.path));
    result.usages.push(new Usage(e.start, e.end, e.path, base, scope, guarded, env.inDefine));
  }
  visitCommands(pipeline, inside, result);
}

/** Function calls (with argument counts) and include references, parenthesised pipelines included. */
function visitCommands(pipeline: PipelineNode, inside: string | undefined, result: Analysis): void {
  const work: PipelineNode[] = [pipeline];
  while (work.length) {
    const p = work.pop() as PipelineNode;
    // Plain loops: callbacks here were an allocation per command of every action.
    for (let index = 0; index < p.commands.length; index++) {
      const args = p.commands[index].args;
      for (let position = 0; position < args.length; position++) {
        const arg = args[position];
        if (arg.type === 'identifier') {
          const argCount = position === 0 ? args.length - 1 + (index > 0 ? 1 : 0) : 0;
          result.calls.push({ name: arg.name, start: arg.start, end: arg.end, argCount });
        } else if (arg.type === 'paren') work.push(arg.pipeline);
        else if (arg.type === 'chain') work.push(arg.operand.pipeline);
      }
      const head = args[0];
      const name = args[1];
      if (head?.type === 'identifier' && head.name === 'include' && name?.type === 'string') {
        result.refs.push({ keyword: 'include', name: name.value, start: name.start, end: name.end, inside });
      }
    }
  }
}
