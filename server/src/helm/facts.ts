import type { CommandNode, ExprNode, PipelineNode, TemplateNode } from '../gotmpl';
import { type Env, evaluateExpr, evaluatePipeline, format, type Hooks, noReads, type Reads, truth, Variables } from './evaluate';

/**
 * Why a condition is false with the default values, in words for a message: "rendered only when
 * podSecurityPolicy.enabled is true", "… when the cluster serves policy/v1beta1/PodSecurityPolicy".
 * A fact is a capability fact when the cluster (`.Capabilities`), not the values, decided it: a
 * block the cluster rules out never renders there, whatever the user sets.
 */

export interface Fact {
  text: string;
  capability: boolean;
}

/** The words said after a finding in a block that is false with the defaults. */
export function renderedOnlyWhen(facts: readonly Fact[]): string {
  return `rendered only when ${facts.map((f) => f.text).join(' and ')}`;
}

/** A named template's body, for explaining a condition that includes it. */
export type HelperBody = (name: string) => readonly TemplateNode[] | undefined;

interface Explainer {
  hooks: Hooks;
  helper: HelperBody;
  depth: number;
}

/** Runs `fn` with fresh reads and gives back what it read (the reads still count for the caller). */
export function withReads<T>(hooks: Hooks, fn: () => T): { value: T; reads: Reads } {
  const outer = hooks.reads;
  const reads = noReads();
  hooks.reads = reads;
  try {
    return { value: fn(), reads };
  } finally {
    hooks.reads = outer;
    for (const p of reads.paths) outer.paths.add(p);
    if (reads.capabilities) outer.capabilities = true;
  }
}

const GENERIC = 'its condition holds';

/** The facts that would make a false `if`/`with` condition true. */
export function whyFalse(pipeline: PipelineNode, env: Env, hooks: Hooks, helper: HelperBody): Fact[] {
  return falsePipeline(pipeline, env, { hooks, helper, depth: 0 });
}

/** The fact that would make a `range` over an empty default render something. */
export function whyEmpty(pipeline: PipelineNode, env: Env, hooks: Hooks): Fact[] {
  const { reads } = withReads(hooks, () => evaluatePipeline(pipeline, env, hooks));
  const path = onlyPath(reads);
  return [{ text: path ? `${path} has items` : GENERIC, capability: !path && reads.capabilities }];
}

function falsePipeline(pipeline: PipelineNode, env: Env, x: Explainer): Fact[] {
  if (pipeline.commands.length === 1) return falseCommand(pipeline.commands[0], env, x);
  return [subjectFact(() => evaluatePipeline(pipeline, env, x.hooks), false, x.hooks)];
}

function falseCommand(command: CommandNode, env: Env, x: Explainer): Fact[] {
  const [head, ...args] = command.args;
  if (!head) return [];
  if (head.type !== 'identifier') {
    if (args.length === 1 && (head.type === 'field' || head.type === 'variable') && head.path[head.path.length - 1]?.name === 'Has') {
      const api = evaluateExpr(args[0], env, x.hooks);
      return [{ text: typeof api === 'string' ? `the cluster serves ${api}` : GENERIC, capability: true }];
    }
    return args.length === 0 ? falseExpr(head, env, x) : [{ text: GENERIC, capability: false }];
  }
  const value = (e: ExprNode) => withReads(x.hooks, () => evaluateExpr(e, env, x.hooks));
  switch (head.name) {
    case 'and':
      return args.flatMap((a) => (truth(value(a).value) === false ? falseExpr(a, env, x) : []));
    case 'or':
      return [anyOf(args.flatMap((a) => falseExpr(a, env, x)))];
    case 'not':
      return args.length === 1 ? trueExpr(args[0], env, x) : [];
    case 'eq':
    case 'ne':
      return [comparison(head.name, args, env, x.hooks)];
    case 'empty':
      return args.length === 1 ? trueExpr(args[0], env, x).map((f) => ({ ...f, text: f.text.replace(/ is (false|set)$/, ' is empty') })) : [];
    case 'semverCompare': {
      const { value: constraint, reads } = value(args[0] ?? head);
      const readsVersion = args.slice(1).some((a) => value(a).reads.capabilities);
      if (typeof constraint === 'string' && (readsVersion || reads.capabilities))
        return [{ text: `the cluster's Kubernetes version is ${constraint.replace(/-0\b/g, '').trim()}`, capability: true }];
      return [subjectFact(() => evaluateExpr(args[1] ?? head, env, x.hooks), false, x.hooks)];
    }
    case 'include':
      return includeFacts(args, env, x);
    default:
      return [subjectFact(() => evaluateCommandValue(command, env, x.hooks), false, x.hooks)];
  }
}

function evaluateCommandValue(command: CommandNode, env: Env, hooks: Hooks): unknown {
  return evaluatePipeline({ type: 'pipeline', start: command.start, end: command.end, variables: [], assign: false, commands: [command] }, env, hooks);
}

function falseExpr(expr: ExprNode, env: Env, x: Explainer): Fact[] {
  if (expr.type === 'paren') return falsePipeline(expr.pipeline, env, x);
  return [subjectFact(() => evaluateExpr(expr, env, x.hooks), false, x.hooks)];
}

/** Why a truthy operand (of `not`, `empty`) is truthy. */
function trueExpr(expr: ExprNode, env: Env, x: Explainer): Fact[] {
  return [subjectFact(() => evaluateExpr(expr, env, x.hooks), true, x.hooks)];
}

/** "path is true/set" for a falsy value read from one values path ("is false/empty" when negated). */
function subjectFact(evaluate: () => unknown, negated: boolean, hooks: Hooks): Fact {
  const { value, reads } = withReads(hooks, evaluate);
  const path = onlyPath(reads);
  if (!path) return { text: GENERIC, capability: reads.capabilities };
  const text = negated ? (value === true ? `${path} is false` : `${path} is empty`) : value === false ? `${path} is true` : `${path} is set`;
  return { text, capability: false };
}

function comparison(op: 'eq' | 'ne', args: readonly ExprNode[], env: Env, hooks: Hooks): Fact {
  const sides = args.map((a) => withReads(hooks, () => evaluateExpr(a, env, hooks)));
  const subject = sides.find((s) => onlyPath(s.reads));
  const other = sides.find((s) => s !== subject && s.reads.paths.size === 0);
  if (!subject || !other || sides.length !== 2) return { text: GENERIC, capability: sides.some((s) => s.reads.capabilities) };
  const literal = typeof other.value === 'string' ? `"${other.value}"` : format(other.value) || 'empty';
  return { text: `${onlyPath(subject.reads)} is ${op === 'ne' ? 'not ' : ''}${literal}`, capability: false };
}

/** A condition that includes a named template: the first `if` of its body, when that decides it. */
function includeFacts(args: readonly ExprNode[], env: Env, x: Explainer): Fact[] {
  const name = args[0] ? evaluateExpr(args[0], env, x.hooks) : undefined;
  const fallback = (reads: Reads): Fact[] => [
    { text: typeof name === 'string' ? `the named template "${name}" gives a non-empty result` : GENERIC, capability: reads.capabilities },
  ];
  const { reads } = withReads(x.hooks, () => (args[1] ? evaluateExpr(args[1], env, x.hooks) : undefined));
  const body = typeof name === 'string' && x.depth < 3 ? x.helper(name) : undefined;
  if (!body || !args[1]) return fallback(reads);
  const dot = evaluateExpr(args[1], env, x.hooks);
  const vars = new Variables();
  vars.declare('$', { value: dot, reads: noReads() });
  const inner: Env = { dot, vars };
  for (const node of body) {
    if (node.type === 'action' && node.pipeline.variables.length > 0) {
      const bound = withReads(x.hooks, () => evaluatePipeline({ ...node.pipeline, variables: [] }, inner, x.hooks));
      for (const v of node.pipeline.variables) vars.declare(v.name, { value: bound.value, reads: bound.reads });
      continue;
    }
    if (node.type === 'if') {
      const decided = truth(withReads(x.hooks, () => evaluatePipeline(node.pipeline, inner, x.hooks)).value);
      if (decided !== false) break;
      const facts = falsePipeline(node.pipeline, inner, { ...x, depth: x.depth + 1 });
      return facts.some((f) => f.text !== GENERIC) ? facts : fallback(withReads(x.hooks, () => x.hooks.include(name as string, dot)).reads);
    }
    if (node.type !== 'text' && node.type !== 'comment') break;
  }
  return fallback(withReads(x.hooks, () => x.hooks.include(name as string, dot)).reads);
}

function onlyPath(reads: Reads): string | undefined {
  return reads.paths.size === 1 ? [...reads.paths][0] : undefined;
}

/** Alternatives that are all false: "a or b"; words we cannot give are left out when others remain. */
function anyOf(facts: Fact[]): Fact {
  const said = facts.filter((f) => f.text !== GENERIC);
  const kept = said.length ? said : facts;
  return { text: kept.map((f) => f.text).join(' or ') || GENERIC, capability: kept.length > 0 && kept.every((f) => f.capability) };
}
