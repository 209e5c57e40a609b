import type {
  Action,
  BranchNode,
  DefineNode,
  ExprNode,
  FieldSegment,
  FieldToken,
  ParenNode,
  ParseError,
  PipelineNode,
  Span,
  Template,
  TemplateCallNode,
  TemplateNode,
  Token,
} from './ast';
import { changedSpan, firstIndexWhere } from '../common';
import { resumeAfter, scanner } from './lexer';
import { byStart, TreeBuilder } from './parser';

/**
 * Re-parsing a template after an edit, giving exactly what `parse(text)` gives: the top-level
 * nodes before the edited line are taken as they are, the text from there is scanned and parsed
 * until the parse is back at the top level at a place where the previous parse was too, and the
 * rest is the previous tree moved by the length the edit added. Typing in a 2,000-line template
 * then scans a few actions instead of all of them.
 *
 * Why that is the same as a fresh parse:
 * - The scan of an action reads the text from its `{{` on, at most to the end of the line where it
 *   closes, except a raw string that is never closed, which looks for a backtick to the end of the
 *   text. So an action that is closed, has no such string and ends before the edited line scans
 *   the same; and the scan from any place reads only the text after it.
 * - Between top-level nodes the parser holds nothing but where the text since the last action
 *   starts, and its errors lie inside the nodes that made them.
 */
export function reparse(previous: Template, text: string): Template {
  const old = previous.text;
  if (old === text) return previous;
  const { prefix: from, suffix: same } = changedSpan(old, text);
  const delta = text.length - old.length;
  // The edit replaced old [from, old.length - same) with new [from, text.length - same).
  const changedLine = old.lastIndexOf('\n', from - 1) + 1;

  const kept = keptPrefix(previous, changedLine);
  const nodes = previous.nodes.slice(0, kept.nodes);
  const actions = previous.actions.slice(0, kept.actions);
  const scanErrors: ParseError[] = [];
  const parseErrors: ParseError[] = [];
  const tree = new TreeBuilder(nodes, kept.end, parseErrors);
  const next = scanner(text);
  for (let action = next(kept.end, scanErrors); action; action = next(resumeAfter(action), scanErrors)) {
    actions.push(action);
    tree.add(action);
    if (!tree.atTopLevel || action.end < text.length - same) continue;
    const resume = resumeAfterNodeEnding(previous, action.end - delta);
    if (resume === undefined) continue;
    // Back at the top level where the previous parse was too: the rest is the previous parse, moved.
    const moved = new Map<Action, Action>();
    const firstAction = firstStartingAt(previous.actions, action.end - delta);
    for (let i = firstAction; i < previous.actions.length; i++) actions.push(movedAction(previous.actions[i], delta, moved));
    for (let i = resume; i < previous.nodes.length; i++) nodes.push(movedNode(previous.nodes[i], delta, moved));
    const rest = previous.errors
      .filter((e) => e.start >= action.end - delta)
      .map((e) => ({ code: e.code, start: e.start + delta, end: e.end + delta, message: e.message }));
    return { text, nodes, actions, errors: joinErrors(previous, kept.end, scanErrors, parseErrors, rest) };
  }
  tree.finish(text.length);
  return { text, nodes, actions, errors: joinErrors(previous, kept.end, scanErrors, parseErrors, []) };
}

/** The previous errors before `end`, then the new ones in source order (scan errors first at one offset, as `parse` has them), then `rest`. */
function joinErrors(previous: Template, end: number, scanErrors: ParseError[], parseErrors: ParseError[], rest: ParseError[]): ParseError[] {
  const fresh = scanErrors.concat(parseErrors).sort(byStart);
  return previous.errors.filter((e) => e.start < end).concat(fresh, rest);
}

/**
 * How many of the previous top-level nodes (and their actions) stay as they are: complete nodes
 * whose actions are closed, read nothing past their line and end before `changedLine`. A text node
 * is kept only before a kept node, since where it ends depends on the action after it.
 */
function keptPrefix(previous: Template, changedLine: number): { nodes: number; actions: number; end: number } {
  const { nodes, actions, text } = previous;
  let keptNodes = 0;
  let keptActions = 0;
  let end = 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === 'text') continue;
    if (node.end > changedLine || !complete(node)) break;
    let a = keptActions;
    while (a < actions.length && actions[a].start < node.end && readsOnlyItsLine(text, actions[a])) a++;
    if (a < actions.length && actions[a].start < node.end) break;
    keptNodes = i + 1;
    keptActions = a;
    end = node.end;
  }
  return { nodes: keptNodes, actions: keptActions, end };
}

function complete(node: TemplateNode): boolean {
  switch (node.type) {
    case 'if':
    case 'with':
    case 'range':
    case 'define':
    case 'block':
      return node.endAction !== undefined;
    default:
      return true;
  }
}

/** A closed action without a raw string left open (which searched the rest of the text for its backtick). */
function readsOnlyItsLine(text: string, action: Action): boolean {
  return action.closed && action.tokens.every((t) => t.type !== 'rawString' || (t.end - t.start >= 2 && text[t.end - 1] === '`'));
}

/**
 * The index of the previous top-level node after the one that ends at `offset`, when that one is
 * complete (not text, no block left open): the previous parse was back at the top level there.
 */
function resumeAfterNodeEnding(previous: Template, offset: number): number | undefined {
  const nodes = previous.nodes;
  const lo = firstIndexWhere(nodes.length, (i) => nodes[i].end >= offset);
  // A text node and the node before it can share an end only when the text is empty, which makes no node.
  const node = nodes[lo];
  return node && node.end === offset && node.type !== 'text' && complete(node) ? lo + 1 : undefined;
}

/** The index of the first action starting at or after `offset`. */
function firstStartingAt(actions: readonly Action[], offset: number): number {
  return firstIndexWhere(actions.length, (i) => actions[i].start >= offset);
}

/*
 * The copies below are spelt out with their keys in the order the lexer and parser create them:
 * a spread of nodes of many shapes takes V8's slow path (it was most of a re-parse), and copies
 * of the same shape as the originals keep the code that reads them fast.
 */

function movedAction(a: Action, d: number, moved: Map<Action, Action>): Action {
  const copy: Action = {
    start: a.start + d,
    end: a.end + d,
    innerStart: a.innerStart + d,
    innerEnd: a.innerEnd + d,
    trimLeft: a.trimLeft,
    trimRight: a.trimRight,
    closed: a.closed,
    tokens: a.tokens.map((t) => movedToken(t, d)),
    comment: a.comment,
  };
  moved.set(a, copy);
  return copy;
}

function movedToken(t: Token, d: number): Token {
  if (t.type !== 'field') return { type: t.type, start: t.start + d, end: t.end + d, value: t.value };
  const field = t as FieldToken;
  const copy: FieldToken = { type: 'field', start: field.start + d, end: field.end + d, value: field.value, name: field.name };
  return copy;
}

/**
 * The tokens of an action before and after the move, index for index: a path is a run of the
 * action's field tokens (see FieldToken), so its moved copy is the same run of the moved tokens.
 */
interface MovedTokens {
  from: readonly Token[];
  to: readonly Token[];
}

function movedPath(path: readonly FieldSegment[], tokens: MovedTokens): FieldSegment[] {
  if (path.length === 0) return [];
  const { from, to } = tokens;
  const first = firstIndexWhere(from.length, (i) => from[i].start >= path[0].start);
  return to.slice(first, first + path.length) as FieldToken[];
}

const movedSpan = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

/**
 * A top-level node with every offset moved by `d`, its actions taken from `moved`. The lists are
 * copied with a work list, so a deeply nested block cannot overflow the stack.
 */
function movedNode(root: TemplateNode, d: number, moved: ReadonlyMap<Action, Action>): TemplateNode {
  const work: Array<{ from: readonly TemplateNode[]; to: TemplateNode[] }> = [];
  const list = (from: readonly TemplateNode[]): TemplateNode[] => {
    const to: TemplateNode[] = [];
    work.push({ from, to });
    return to;
  };
  const action = (a: Action): Action => moved.get(a) as Action;
  // A node's pipeline is made of its own action's tokens.
  const tokens = (a: Action): MovedTokens => ({ from: a.tokens, to: action(a).tokens });
  // The head `define`, `block` and `template` share, as the parser spreads it (one shape, so the spread stays fast).
  const namedHead = (n: DefineNode | TemplateCallNode) => ({
    start: n.start + d,
    end: n.end + d,
    action: action(n.action),
    keyword: movedSpan(n.keyword, d),
    name: n.name,
    nameSpan: movedSpan(n.nameSpan, d),
  });
  const node = (n: TemplateNode): TemplateNode => {
    const start = n.start + d;
    const end = n.end + d;
    switch (n.type) {
      case 'text':
        return { type: n.type, start, end };
      case 'comment':
      case 'break':
      case 'continue':
        return { type: n.type, start, end, action: action(n.action) } as TemplateNode;
      case 'action':
        return { type: n.type, start, end, action: action(n.action), pipeline: movedPipeline(n.pipeline, d, tokens(n.action)) };
      case 'template':
        return { type: n.type, ...namedHead(n), pipeline: n.pipeline && movedPipeline(n.pipeline, d, tokens(n.action)) };
      case 'define':
      case 'block': {
        const copy: DefineNode = { type: n.type, ...namedHead(n), list: list(n.list) };
        if (n.pipeline) copy.pipeline = movedPipeline(n.pipeline, d, tokens(n.action));
        if (n.endAction) copy.endAction = action(n.endAction);
        return copy;
      }
      default: {
        const copy: BranchNode = {
          type: n.type,
          start,
          end,
          action: action(n.action),
          keyword: movedSpan(n.keyword, d),
          pipeline: movedPipeline(n.pipeline, d, tokens(n.action)),
          list: list(n.list),
          chained: n.chained,
        };
        if (n.elseAction) copy.elseAction = action(n.elseAction);
        if (n.elseList) copy.elseList = list(n.elseList);
        if (n.endAction) copy.endAction = action(n.endAction);
        return copy;
      }
    }
  };
  const top = node(root);
  while (work.length) {
    const { from, to } = work.pop() as { from: readonly TemplateNode[]; to: TemplateNode[] };
    for (const n of from) to.push(node(n));
  }
  return top;
}

/** Pipelines nest only as deep as the parser allows parentheses (MAX_PAREN_DEPTH), so recursion is safe here. */
function movedPipeline(p: PipelineNode, d: number, tokens: MovedTokens): PipelineNode {
  return {
    type: 'pipeline',
    start: p.start + d,
    end: p.end + d,
    variables: p.variables.map((v) => ({ name: v.name, start: v.start + d, end: v.end + d })),
    assign: p.assign,
    commands: p.commands.map((c) => ({ type: 'command', start: c.start + d, end: c.end + d, args: c.args.map((e) => movedExpr(e, d, tokens)) })),
  };
}

function movedExpr(e: ExprNode, d: number, tokens: MovedTokens): ExprNode {
  const start = e.start + d;
  const end = e.end + d;
  switch (e.type) {
    case 'field':
      return { type: e.type, start, end, path: movedPath(e.path, tokens) };
    case 'variable':
      return { type: e.type, start, end, name: e.name, nameEnd: e.nameEnd + d, path: movedPath(e.path, tokens) };
    case 'chain':
      return { type: e.type, start, end, operand: movedExpr(e.operand, d, tokens) as ParenNode, path: movedPath(e.path, tokens) };
    case 'paren':
      return { type: e.type, start, end, pipeline: movedPipeline(e.pipeline, d, tokens), closed: e.closed };
    case 'dot':
      return { type: e.type, start, end };
    case 'identifier':
      return { type: e.type, start, end, name: e.name };
    default:
      return { type: e.type, start, end, value: e.value };
  }
}
