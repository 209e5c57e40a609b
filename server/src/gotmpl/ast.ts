/**
 * The Go text/template syntax tree. Every node carries `start`/`end` offsets (UTF-16 indices
 * into the source text, end exclusive), so callers map them to positions with one helper.
 */

export interface Span {
  start: number;
  end: number;
}

export type TokenType =
  | 'field' // `.name` (value: the name without the dot; empty while half-typed)
  | 'dot' // a lone `.`
  | 'variable' // `$` or `$name`
  | 'identifier' // a function name
  | 'keyword' // if else end range with define template block break continue
  | 'bool'
  | 'nil'
  | 'string' // "..." (value: the unquoted text)
  | 'rawString' // `...`
  | 'char' // 'x'
  | 'number'
  | 'lparen'
  | 'rparen'
  | 'pipe'
  | 'comma'
  | 'declare' // :=
  | 'assign' // =
  | 'invalid';

export interface Token extends Span {
  type: TokenType;
  /** Source text of the token, except strings (unquoted) and fields (name without the dot). */
  value: string;
}

/** The delimiters of one `{{ … }}`, whatever node it belongs to. */
export interface Action extends Span {
  /** Offsets just inside the delimiters and trim markers. */
  innerStart: number;
  innerEnd: number;
  trimLeft: boolean;
  trimRight: boolean;
  /** False when the `}}` is missing (half-typed input). */
  closed: boolean;
  tokens: Token[];
  comment: boolean;
}

export interface FieldSegment extends Span {
  /** The name without the dot; empty when only the dot is typed. */
  name: string;
}

/**
 * A `field` token carries its name twice, as `value` like every token and as `name`, so that it is
 * also the segment a path holds: the parser puts the tokens themselves in its paths. A chain of a
 * few hundred thousand fields (generated text) then keeps one object per segment instead of two,
 * and the garbage collector, which copies what survives, has a third less of the tree to copy.
 */
export interface FieldToken extends Token, FieldSegment {
  type: 'field';
}

/** `.a.b` (a field of dot). */
export interface FieldNode extends Span {
  type: 'field';
  path: FieldSegment[];
}

/** `$`, `$x`, `$x.a.b`. */
export interface VariableNode extends Span {
  type: 'variable';
  name: string;
  nameEnd: number;
  path: FieldSegment[];
}

/** `(pipeline).a.b`. */
export interface ChainNode extends Span {
  type: 'chain';
  operand: ParenNode;
  path: FieldSegment[];
}

export interface DotNode extends Span {
  type: 'dot';
}

export interface IdentifierNode extends Span {
  type: 'identifier';
  name: string;
}

export interface LiteralNode extends Span {
  type: 'string' | 'number' | 'bool' | 'nil' | 'char';
  /** Unquoted value for strings, source text otherwise. */
  value: string;
}

export interface ParenNode extends Span {
  type: 'paren';
  pipeline: PipelineNode;
  closed: boolean;
}

export type ExprNode = FieldNode | VariableNode | ChainNode | DotNode | IdentifierNode | LiteralNode | ParenNode;

export interface CommandNode extends Span {
  type: 'command';
  args: ExprNode[];
}

export interface DeclaredVariable extends Span {
  name: string;
}

export interface PipelineNode extends Span {
  type: 'pipeline';
  /** Variables declared (`$x :=`) or assigned (`$x =`), in order. */
  variables: DeclaredVariable[];
  assign: boolean;
  commands: CommandNode[];
}

export interface TextNode extends Span {
  type: 'text';
}

export interface CommentNode extends Span {
  type: 'comment';
  action: Action;
}

/** A plain `{{ pipeline }}`. */
export interface ActionNode extends Span {
  type: 'action';
  action: Action;
  pipeline: PipelineNode;
}

/** `if` / `with` / `range`: `list` runs when the pipeline is non-empty, `elseList` otherwise. */
export interface BranchNode extends Span {
  type: 'if' | 'with' | 'range';
  action: Action;
  keyword: Span;
  pipeline: PipelineNode;
  list: TemplateNode[];
  elseAction?: Action;
  elseList?: TemplateNode[];
  /** True for the `if`/`with` of `{{ else if … }}`: it shares its parent's `end`. */
  chained: boolean;
  endAction?: Action;
}

/** `{{ define "name" }}…{{ end }}` or `{{ block "name" pipeline }}…{{ end }}`. */
export interface DefineNode extends Span {
  type: 'define' | 'block';
  action: Action;
  keyword: Span;
  name: string;
  nameSpan: Span;
  pipeline?: PipelineNode;
  list: TemplateNode[];
  endAction?: Action;
}

/** `{{ template "name" pipeline }}`. */
export interface TemplateCallNode extends Span {
  type: 'template';
  action: Action;
  keyword: Span;
  name: string;
  nameSpan: Span;
  pipeline?: PipelineNode;
}

export interface LoopControlNode extends Span {
  type: 'break' | 'continue';
  action: Action;
}

export type TemplateNode = TextNode | CommentNode | ActionNode | BranchNode | DefineNode | TemplateCallNode | LoopControlNode;

export type ParseErrorCode = 'unclosed-action' | 'unclosed-comment' | 'missing-end' | 'unexpected-end' | 'unexpected-else' | 'syntax';

export interface ParseError extends Span {
  code: ParseErrorCode;
  message: string;
}

export interface Template {
  text: string;
  nodes: TemplateNode[];
  /** Every `{{ … }}` in source order, for quick lookup by offset. */
  actions: Action[];
  errors: ParseError[];
}
