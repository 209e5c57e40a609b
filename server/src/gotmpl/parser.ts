import type {
  Action,
  BranchNode,
  CommandNode,
  DeclaredVariable,
  DefineNode,
  ExprNode,
  FieldSegment,
  FieldToken,
  ParseError,
  PipelineNode,
  Template,
  TemplateNode,
  Token,
} from './ast';
import { fitted, scan } from './lexer';

/**
 * Builds the tree from the scanned actions with an explicit stack (no recursion over nesting, so
 * 10,000 nested `if`s are fine). Half-typed input gives a tree plus errors; nothing throws.
 */

/** Parenthesised pipelines deeper than this are reported instead of recursed into. */
const MAX_PAREN_DEPTH = 100;

interface Frame {
  node: BranchNode | DefineNode | null;
  inElse: boolean;
}

export function parse(text: string): Template {
  const { actions, errors } = scan(text);
  const tree = new TreeBuilder([], 0, errors);
  for (const action of actions) tree.add(action);
  tree.finish(text.length);
  errors.sort(byStart);
  return { text, nodes: tree.nodes, actions, errors };
}

/** Errors in source order; the sort is stable, so errors at one offset keep the order they were found in. */
export const byStart = (a: ParseError, b: ParseError) => a.start - b.start;

/**
 * The tree built one action at a time. Between actions its state is the open blocks and where
 * the text since the last action starts; at the top level (no block open) that is all, so a
 * re-parse can start from the nodes before an edit and stop where the previous tree takes over.
 */
export class TreeBuilder {
  private readonly stack: Frame[] = [{ node: null, inElse: false }];

  constructor(
    readonly nodes: TemplateNode[],
    /** Where the text after the last action starts. */
    private textStart: number,
    /** Where the parse errors go (unsorted). */
    private readonly errors: ParseError[],
  ) {}

  /** No block is open. */
  get atTopLevel(): boolean {
    return this.stack.length === 1;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private list(): TemplateNode[] {
    const frame = this.top();
    if (!frame.node) return this.nodes;
    if (frame.inElse && isBranch(frame.node)) return (frame.node.elseList ??= []);
    return frame.node.list;
  }

  private insideRange(): boolean {
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      const n = stack[i].node;
      if (n?.type === 'range' && !stack[i].inElse) return true;
      if (n?.type === 'define' || n?.type === 'block') return false;
    }
    return false;
  }

  add(action: Action): void {
    const { errors, stack } = this;
    if (action.start > this.textStart) this.list().push({ type: 'text', start: this.textStart, end: action.start });
    this.textStart = action.end;
    if (action.comment) {
      this.list().push({ type: 'comment', start: action.start, end: action.end, action });
      return;
    }
    const tokens = action.tokens;
    const first = tokens[0];
    const keyword = first?.type === 'keyword' ? first.value : undefined;
    switch (keyword) {
      case 'if':
      case 'with':
      case 'range': {
        const node = branch(keyword, action, first, pipelineOf(action, 1, errors), false);
        if (node.pipeline.commands.length === 0)
          errors.push({
            code: 'syntax',
            start: first.start,
            end: first.end,
            message: `"${keyword}" needs a value to test, e.g. {{ ${keyword} .Values.enabled }}.`,
          });
        this.list().push(node);
        stack.push({ node, inElse: false });
        break;
      }
      case 'else': {
        const frame = this.top();
        const owner = frame.node;
        if (!isBranch(owner) || frame.inElse) {
          errors.push({
            code: 'unexpected-else',
            start: action.start,
            end: action.end,
            message: frame.inElse
              ? 'This block already has an {{ else }}: close it with {{ end }} first.'
              : '{{ else }} must sit inside an if, with or range block.',
          });
          break;
        }
        owner.elseAction = action;
        owner.elseList = [];
        frame.inElse = true;
        const second = tokens[1];
        if (second?.type === 'keyword' && (second.value === 'if' || second.value === 'with')) {
          const node = branch(second.value, action, second, pipelineOf(action, 2, errors), true);
          owner.elseList.push(node);
          stack.push({ node, inElse: false });
        } else if (tokens.length > 1) {
          errors.push({
            code: 'syntax',
            start: tokens[1].start,
            end: tokens[tokens.length - 1].end,
            message: 'Only "else if" or "else with" may follow "else"; remove the rest.',
          });
        }
        break;
      }
      case 'end': {
        if (stack.length === 1) {
          errors.push({
            code: 'unexpected-end',
            start: action.start,
            end: action.end,
            message: 'This {{ end }} closes nothing: remove it or open the block it was meant to close.',
          });
          break;
        }
        if (tokens.length > 1)
          errors.push({ code: 'syntax', start: tokens[1].start, end: tokens[tokens.length - 1].end, message: '{{ end }} takes nothing after it.' });
        // An `else if` chain shares one `end`: close the chained branches with their parent.
        for (;;) {
          const node = stack.pop()?.node;
          if (!node) break;
          node.endAction = action;
          node.end = action.end;
          if (!(isBranch(node) && node.chained) || stack.length === 1) break;
        }
        break;
      }
      case 'define':
      case 'block': {
        const named = namedHead(keyword, action, tokens, errors);
        if (keyword === 'define' && stack.length > 1)
          errors.push({
            code: 'syntax',
            start: first.start,
            end: first.end,
            message: '"define" is only allowed at the top level of a file: move it out of this block.',
          });
        const node: DefineNode = { type: keyword, ...named.head, list: [] };
        if (keyword === 'block') node.pipeline = pipelineOf(action, named.bodyFrom, errors);
        else if (tokens.length > 2)
          errors.push({ code: 'syntax', start: tokens[2].start, end: tokens[tokens.length - 1].end, message: '"define" takes only a name.' });
        this.list().push(node);
        stack.push({ node, inElse: false });
        break;
      }
      case 'template': {
        const named = namedHead(keyword, action, tokens, errors);
        this.list().push({
          type: 'template',
          ...named.head,
          pipeline: tokens.length > named.bodyFrom ? pipelineOf(action, named.bodyFrom, errors) : undefined,
        });
        break;
      }
      case 'break':
      case 'continue':
        if (!this.insideRange())
          errors.push({ code: 'syntax', start: action.start, end: action.end, message: `{{ ${keyword} }} only works inside a range block.` });
        this.list().push({ type: keyword, start: action.start, end: action.end, action });
        break;
      default: {
        const pipeline = pipelineOf(action, 0, errors);
        if (pipeline.commands.length === 0 && pipeline.variables.length === 0 && action.closed) {
          errors.push({
            code: 'syntax',
            start: action.start,
            end: action.end,
            message: 'This action is empty: put a value or a function call inside, or remove it.',
          });
        }
        this.list().push({ type: 'action', start: action.start, end: action.end, action, pipeline });
      }
    }
  }

  /** The text after the last action, and an error for every block left open. */
  finish(textLength: number): void {
    if (textLength > this.textStart) this.list().push({ type: 'text', start: this.textStart, end: textLength });
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      const node = stack[i].node;
      if (!node) continue;
      node.end = textLength;
      if (isBranch(node) && node.chained) continue;
      this.errors.push({
        code: 'missing-end',
        start: node.action.start,
        end: node.action.end,
        message: `This "${node.type}" is never closed: add {{ end }} where the block ends.`,
      });
    }
  }
}

/** The shared head of `define`, `block` and `template`: keyword, quoted name, where the pipeline starts. */
function namedHead(keyword: string, action: Action, tokens: readonly Token[], errors: ParseError[]) {
  const first = tokens[0];
  const nameToken = tokens[1];
  const named = !!nameToken && (nameToken.type === 'string' || nameToken.type === 'rawString');
  if (!named)
    errors.push({
      code: 'syntax',
      start: first.start,
      end: action.end,
      message: `"${keyword}" needs a quoted name, e.g. {{ ${keyword} "mychart.labels" . }}.`,
    });
  return {
    head: {
      start: action.start,
      end: action.end,
      action,
      keyword: { start: first.start, end: first.end },
      name: named ? nameToken.value : '',
      nameSpan: named ? { start: nameToken.start, end: nameToken.end } : { start: first.end, end: first.end },
    },
    bodyFrom: named ? 2 : 1,
  };
}

function isBranch(node: BranchNode | DefineNode | null): node is BranchNode {
  return node !== null && (node.type === 'if' || node.type === 'with' || node.type === 'range');
}

function branch(type: 'if' | 'with' | 'range', action: Action, keyword: Token, pipeline: PipelineNode, chained: boolean): BranchNode {
  return { type, start: action.start, end: action.end, action, keyword: { start: keyword.start, end: keyword.end }, pipeline, list: [], chained };
}

/** The pipeline of an action's tokens from `from` on. */
function pipelineOf(action: Action, from: number, errors: ParseError[]): PipelineNode {
  return parsePipeline(action.tokens, from, action.innerEnd, errors, 0, false).pipeline;
}

/**
 * A field chain glued to the previous token (`.a.b`, `$x.a`, `(f).a`). Its segments are the field
 * tokens themselves (see FieldToken), so the path is one slice of the tokens.
 */
function adjacentFields(tokens: readonly Token[], from: number, after: number): { path: FieldSegment[]; next: number } {
  let i = from;
  let end = after;
  while (i < tokens.length && tokens[i].type === 'field' && tokens[i].start === end) {
    end = tokens[i].end;
    i++;
  }
  return { path: tokens.slice(from, i) as FieldToken[], next: i };
}

/**
 * `[$a [, $b] (:= | =)] command (| command)*` up to the end of the tokens or, inside
 * parentheses, the matching `)`.
 */
function parsePipeline(
  tokens: readonly Token[],
  from: number,
  endOffset: number,
  errors: ParseError[],
  depth: number,
  inParens: boolean,
): { pipeline: PipelineNode; next: number } {
  let i = from;
  const variables: DeclaredVariable[] = [];
  let assign = false;
  if (tokens[i]?.type === 'variable') {
    let j = i;
    const found: DeclaredVariable[] = [];
    while (j < tokens.length && tokens[j].type === 'variable') {
      found.push({ name: tokens[j].value, start: tokens[j].start, end: tokens[j].end });
      j++;
      if (tokens[j]?.type === 'comma' && found.length < 2) j++;
      else break;
    }
    if (tokens[j]?.type === 'declare' || tokens[j]?.type === 'assign') {
      variables.push(...found);
      assign = tokens[j].type === 'assign';
      i = j + 1;
    }
  }
  const start = tokens[from]?.start ?? endOffset;
  const commands: CommandNode[] = [];
  let expectCommand = variables.length > 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'rparen') {
      if (inParens) break;
      errors.push({ code: 'syntax', start: t.start, end: t.end, message: 'This ")" has no matching "(": remove it.' });
      i++;
      continue;
    }
    if (t.type === 'pipe') {
      if (commands.length === 0 || expectCommand) errors.push({ code: 'syntax', start: t.start, end: t.end, message: 'A "|" needs a command on both sides.' });
      expectCommand = true;
      i++;
      continue;
    }
    const parsed = parseCommand(tokens, i, errors, depth);
    if (parsed.command.args.length > 0) {
      commands.push(parsed.command);
      expectCommand = false;
    }
    i = parsed.next === i ? i + 1 : parsed.next;
  }
  // Go ends a pipeline at `}}` or `)` even right after a `|` (`{{ toYaml .x | nindent 4 | }}`
  // renders), so only a declaration without a value is an error here.
  if (expectCommand && commands.length === 0 && variables.length > 0) {
    const last = tokens[Math.min(i, tokens.length) - 1];
    errors.push({ code: 'syntax', start: last?.start ?? start, end: last?.end ?? endOffset, message: 'Give the variable a value after ":=".' });
  }
  const end = commands.length ? commands[commands.length - 1].end : i > from ? tokens[i - 1].end : start;
  return { pipeline: { type: 'pipeline', start, end, variables, assign, commands: fitted(commands) }, next: i };
}

function parseCommand(tokens: readonly Token[], from: number, errors: ParseError[], depth: number): { command: CommandNode; next: number } {
  const args: ExprNode[] = [];
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.type === 'pipe' || t.type === 'rparen') break;
    switch (t.type) {
      case 'field': {
        const { path, next } = adjacentFields(tokens, i, t.start);
        args.push({ type: 'field', start: t.start, end: tokens[next - 1].end, path });
        i = next;
        break;
      }
      case 'variable': {
        const { path, next } = adjacentFields(tokens, i + 1, t.end);
        args.push({ type: 'variable', start: t.start, end: tokens[next - 1].end, name: t.value, nameEnd: t.end, path });
        i = next;
        break;
      }
      case 'dot':
        args.push({ type: 'dot', start: t.start, end: t.end });
        i++;
        break;
      case 'identifier':
        args.push({ type: 'identifier', start: t.start, end: t.end, name: t.value });
        i++;
        break;
      case 'string':
      case 'rawString':
      case 'char':
      case 'number':
      case 'bool':
      case 'nil':
        args.push({ type: t.type === 'rawString' ? 'string' : t.type, start: t.start, end: t.end, value: t.value });
        i++;
        break;
      case 'lparen': {
        if (depth >= MAX_PAREN_DEPTH) {
          errors.push({ code: 'syntax', start: t.start, end: t.end, message: 'Parentheses are nested too deeply here; simplify the expression.' });
          return { command: { type: 'command', start: tokens[from].start, end: t.end, args }, next: tokens.length };
        }
        const inner = parsePipeline(tokens, i + 1, t.end, errors, depth + 1, true);
        const close = tokens[inner.next];
        const closed = close?.type === 'rparen';
        if (!closed) errors.push({ code: 'syntax', start: t.start, end: t.end, message: 'This "(" is never closed: add ")".' });
        const parenEnd = closed ? close.end : inner.pipeline.end;
        if (inner.pipeline.commands.length === 0)
          errors.push({ code: 'syntax', start: t.start, end: parenEnd, message: 'Empty parentheses: put a value or a call inside.' });
        const paren = { type: 'paren' as const, start: t.start, end: parenEnd, pipeline: inner.pipeline, closed };
        const { path, next } = adjacentFields(tokens, closed ? inner.next + 1 : inner.next, parenEnd);
        args.push(path.length ? { type: 'chain', start: t.start, end: path[path.length - 1].end, operand: paren, path } : paren);
        i = next;
        break;
      }
      case 'keyword':
        errors.push({ code: 'syntax', start: t.start, end: t.end, message: `"${t.value}" can only start an action, e.g. {{ ${t.value} … }}.` });
        i++;
        break;
      default:
        if (t.type !== 'invalid') errors.push({ code: 'syntax', start: t.start, end: t.end, message: `Unexpected "${t.value}" here.` });
        i++;
    }
  }
  const start = tokens[from]?.start ?? 0;
  const end = args.length ? args[args.length - 1].end : start;
  return { command: { type: 'command', start, end, args: fitted(args) }, next: i };
}
