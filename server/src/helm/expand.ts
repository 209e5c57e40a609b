import { type Action, type ActionNode, type BranchNode, parse, type PipelineNode, type Span, type Template, type TemplateNode } from '../gotmpl';
import type { ServiceContext } from '../workspace';
import { type ChartModel, namedTemplates, templateOf } from './chart';
import { renderRoot } from './defaults';
import { type Env, evaluatePipeline, format, type Hooks, noReads, type Piece, PLACEHOLDER, type Reads, Rendered, truth, UNKNOWN, Variables } from './evaluate';
import { type Fact, type HelperBody, whyEmpty, whyFalse, withReads } from './facts';

/**
 * A template rendered the way `helm template` would render it with the chart's default values,
 * for the Kubernetes checks: named templates expanded in place (`include`, `template`, `tpl`,
 * with `nindent`/`indent` applied), `if`/`with` decided by the defaults, `range` run over default
 * lists, whitespace trimmed by `{{-`/`-}}`. What cannot be known becomes a hole (block output:
 * no text) or a placeholder (an inline scalar). Where the template's own control flow cannot be
 * decided, the first branch is rendered and the span is marked unsure; a block that is false with
 * the defaults and has no else branch is still rendered, marked as a region with the facts that
 * would make it render, so findings in it can be weighed instead of lost.
 *
 * The source map: the result is a list of pieces, each with its offsets in the synthetic text.
 * A piece of the template's own text carries `at`, the template offset of its first character,
 * and maps character by character; every other piece (a value, the output of a named template,
 * a hole, a placeholder) carries the span of the template action that produced it, and any offset
 * inside it maps to that action.
 */

/** A piece placed in the synthetic text. */
export interface Placed extends Piece {
  start: number;
  end: number;
  /** The action of the checked template that produced it (absent for the template's own text). */
  action?: Span;
}

export interface Region {
  /** Synthetic offsets. */
  start: number;
  end: number;
  /** The block's body in template offsets. */
  body: Span;
  /** What would make it render (every enclosing false block's facts). */
  facts: Fact[];
}

export interface Expansion {
  text: string;
  pieces: Placed[];
  regions: Region[];
  /** Synthetic spans rendered from a branch or loop we could not decide. */
  unsure: Span[];
  /**
   * Synthetic spans the template's control flow or block-producing actions wrote (every top-level
   * `if`/`with`/`range`, and actions standing on their own line): where lines come from values.
   */
  generated: Span[];
}

/** Nested named templates deeper than this are not expanded (Helm stops at 1,000). */
const MAX_DEPTH = 16;
/** Include calls and range iterations per template, and the synthetic text's length, are bounded. */
const MAX_CALLS = 2_000;
const MAX_ITEMS = 64;
const MAX_CHARS = 1_000_000;
/**
 * Blocks nested deeper than this are not rendered (a hole, so nothing in them is judged): real
 * templates nest a few levels, and each level is a few stack frames, so generated or pasted text
 * with thousands of nested `if`s would otherwise overflow the stack.
 */
const MAX_NESTING = 64;

/** Functions whose output is a block of lines. */
const BLOCK_FUNCTIONS = new Set(['include', 'toYaml', 'toYamlPretty', 'toJson', 'toPrettyJson', 'nindent', 'indent', 'tpl', 'toToml']);

type Signal = 'break' | 'continue' | undefined;

interface Mode {
  template: Template;
  /** Rendering the checked template itself (not a named template or a `tpl` text). */
  top: boolean;
  /** Inside a branch not known to run: assignments to outer variables become unknown. */
  speculative: boolean;
  helper?: string;
}

interface Marker {
  from: number;
  to: number;
}

interface State {
  ctx: ServiceContext;
  chart: ChartModel;
  hooks: Hooks;
  defines: ReadonlyMap<string, ReadonlyArray<{ uri: string; start: number }>>;
  bodies: Map<string, { list: readonly TemplateNode[]; template: Template } | undefined>;
  /** The trimming actions of each template by offset (parse trees are shared, so this is too). */
  neighbours: WeakMap<Template, { byEnd: Map<number, Action>; byStart: Map<number, Action> }>;
  calls: number;
  depth: number;
  /** How many if/with/range blocks enclose the node being rendered. */
  nesting: number;
  chars: number;
  facts: Fact[];
  regions: Array<Marker & { body: Span; facts: Fact[] }>;
  unsure: Marker[];
  generated: Marker[];
}

/** The template rendered with the chart's defaults; cached per document version and workspace generation. */
export function expansionOf(ctx: ServiceContext, chart: ChartModel, uri: string, version: number, template: Template): Expansion {
  return ctx.cache.get('helm-expansion', uri, `${version}@${ctx.workspace.generation}`, () => expand(ctx, chart, uri, template));
}

export function expand(ctx: ServiceContext, chart: ChartModel, uri: string, template: Template): Expansion {
  const root = renderRoot(ctx, chart, uri);
  const hooks: Hooks = {
    include: (name, dot) => renderNamed(state, name, dot),
    tpl: (text, dot) => renderText(state, text, dot),
    hasApi: root.hasApi,
    valuePaths: root.valuePaths,
    capabilities: root.capabilities,
    reads: noReads(),
  };
  const state: State = {
    ctx,
    chart,
    hooks,
    defines: namedTemplates(ctx, chart),
    bodies: new Map(),
    neighbours: ctx.cache.get('helm-trims', '', 0, () => new WeakMap()),
    calls: 0,
    depth: 0,
    nesting: 0,
    chars: 0,
    facts: [],
    regions: [],
    unsure: [],
    generated: [],
  };
  const vars = new Variables();
  vars.declare('$', { value: root.root, reads: noReads() });
  const out: Out[] = [];
  renderList(state, template.nodes, { dot: root.root, vars }, { template, top: true, speculative: false }, out);
  return place(out, state);
}

type Out = Piece & { action?: Span };

/** Offsets for every piece, and the markers turned into synthetic spans. */
function place(rendered: readonly Out[], state: State): Expansion {
  const { out, index, text: joined } = withDocumentBreaks(rendered);
  const pieces: Placed[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const p of out) {
    starts.push(offset);
    if (p.text === '' && p.kind !== 'hole') continue;
    const end = offset + p.text.length;
    // Spelt out, not spread: a spread of pieces of many shapes takes V8's slow path, which was a
    // third of the expansion of a template with tens of thousands of actions.
    pieces.push({ text: p.text, kind: p.kind, at: p.at, helper: p.helper, paths: p.paths, action: p.action, start: offset, end });
    offset = end;
  }
  starts.push(offset);
  const text = joined ?? pieces.map((p) => p.text).join('');
  const at = (i: number) => starts[index ? index[i] : i];
  const span = (m: Marker): Span => ({ start: at(m.from), end: at(m.to) });
  return {
    text,
    pieces,
    regions: state.regions.map((r) => ({ ...span(r), body: r.body, facts: r.facts })),
    unsure: state.unsure.map(span),
    generated: state.generated.map(span),
  };
}

/**
 * Helm splits its output into documents at every `---` that starts a line, whatever follows it
 * (`---# comment` after a `-}}` trimmed the line break); YAML needs the break, so it is put back.
 * `index` maps each old piece index to its new one; without a cut there is none, and `text` is their text.
 */
function withDocumentBreaks(rendered: readonly Out[]): { out: readonly Out[]; index?: number[]; text?: string } {
  const text = rendered.map((p) => p.text).join('');
  const cuts: number[] = [];
  const marker = /^---(?=[^\s-])/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) cuts.push(m.index + 3);
  // Nothing to cut (the usual case): the pieces, their indexes and their text stay as they are.
  if (cuts.length === 0) return { out: rendered, text };
  const index = rendered.map((_, i) => i).concat(rendered.length);
  const out: Out[] = [];
  let offset = 0;
  let c = 0;
  rendered.forEach((p, i) => {
    index[i] = out.length;
    let rest = p;
    let local = offset;
    while (c < cuts.length && cuts[c] < offset + p.text.length) {
      const k = cuts[c] - local;
      if (k > 0) out.push({ ...rest, text: rest.text.slice(0, k) });
      out.push({ text: '\n', kind: 'text', helper: rest.helper, action: rest.action, at: rest.at === undefined ? undefined : rest.at + k });
      rest = { ...rest, text: rest.text.slice(k), at: rest.at === undefined ? undefined : rest.at + k };
      local = cuts[c++];
    }
    out.push(rest);
    offset += p.text.length;
  });
  index[rendered.length] = out.length;
  return { out, index };
}

function renderList(state: State, list: readonly TemplateNode[], env: Env, mode: Mode, out: Piece[]): Signal {
  for (const node of list) {
    if (state.chars > MAX_CHARS) {
      out.push({ text: '', kind: 'hole', helper: mode.helper });
      return undefined;
    }
    const signal = renderNode(state, node, env, mode, out);
    if (signal) return signal;
  }
  return undefined;
}

function renderNode(state: State, node: TemplateNode, env: Env, mode: Mode, out: Piece[]): Signal {
  switch (node.type) {
    case 'text':
      emitText(state, node, mode, out);
      return undefined;
    case 'action':
      renderAction(state, node, env, mode, out);
      return undefined;
    case 'if':
    case 'with':
    case 'range': {
      const from = out.length;
      if (state.nesting >= MAX_NESTING) {
        out.push({ text: '', kind: 'hole', helper: mode.helper });
        if (mode.top) state.unsure.push({ from, to: out.length });
        return undefined;
      }
      state.nesting++;
      try {
        const signal = node.type === 'range' ? renderRange(state, node, env, mode, out) : renderBranch(state, node, env, mode, out);
        if (mode.top) state.generated.push({ from, to: out.length });
        return signal;
      } finally {
        state.nesting--;
      }
    }
    case 'template': {
      const dot = node.pipeline ? evaluated(state, node.pipeline, env).value : null;
      emitValue(state, node.action, node.name ? renderNamed(state, node.name, dot) : UNKNOWN, noReads(), mode, out);
      return undefined;
    }
    case 'block': {
      const dot = node.pipeline ? evaluated(state, node.pipeline, env).value : null;
      emitValue(state, node.action, renderNamed(state, node.name, dot), noReads(), mode, out);
      return undefined;
    }
    case 'break':
    case 'continue':
      return node.type;
    default:
      return undefined;
  }
}

/** The template's own text between actions, less what `{{-` and `-}}` trim. */
function emitText(state: State, node: Span, mode: Mode, out: Piece[]): void {
  let neighbours = state.neighbours.get(mode.template);
  if (!neighbours) {
    neighbours = { byEnd: new Map(), byStart: new Map() };
    for (const a of mode.template.actions) {
      if (a.trimRight) neighbours.byEnd.set(a.end, a);
      if (a.trimLeft) neighbours.byStart.set(a.start, a);
    }
    state.neighbours.set(mode.template, neighbours);
  }
  let start = node.start;
  let end = node.end;
  const text = mode.template.text;
  if (neighbours.byEnd.has(start)) while (start < end && isSpace(text.charCodeAt(start))) start++;
  if (neighbours.byStart.has(end)) while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  state.chars += end - start;
  out.push(mode.top ? { text: text.slice(start, end), kind: 'text', at: start } : { text: text.slice(start, end), kind: 'text', helper: mode.helper });
}

/** Go's trim markers remove spaces, tabs and line breaks. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function evaluated(state: State, pipeline: PipelineNode, env: Env): { value: unknown; reads: Reads } {
  // The value only: evaluatePipeline reads the commands, never the variables an action declares.
  return withReads(state.hooks, () => evaluatePipeline(pipeline, env, state.hooks));
}

function renderAction(state: State, node: ActionNode, env: Env, mode: Mode, out: Piece[]): void {
  const { value, reads } = evaluated(state, node.pipeline, env);
  if (node.pipeline.variables.length > 0) {
    for (const v of node.pipeline.variables) {
      const binding = { value: mode.speculative && node.pipeline.assign ? UNKNOWN : value, reads };
      if (node.pipeline.assign) env.vars.assign(v.name, binding);
      else env.vars.declare(v.name, binding);
    }
    return;
  }
  emitValue(state, node.action, value, reads, mode, out, node);
}

/** An action's output: pieces of a named template, a printed value, or a hole or placeholder. */
function emitValue(state: State, action: Action, value: unknown, reads: Reads, mode: Mode, out: Piece[], node?: ActionNode): void {
  const span = { start: action.start, end: action.end };
  // Spelt out for speed, as in `place`.
  const mark = (p: Piece): Out => (mode.top ? { text: p.text, kind: p.kind, helper: p.helper, paths: p.paths, action: span } : p);
  const alone = () => standsAlone(mode.template, action, node);
  // Output with unknown parts is kept as pieces only where it makes whole lines; inside a line it
  // is one unknown scalar.
  if (mode.top && alone()) state.generated.push({ from: out.length, to: out.length + (value instanceof Rendered ? value.pieces.length : 1) });
  if (value instanceof Rendered && (value.text() !== UNKNOWN || alone())) {
    for (const p of value.pieces) out.push(mark(p));
    state.chars += value.pieces.reduce((n, p) => n + p.text.length, 0);
    return;
  }
  if (value === UNKNOWN || value instanceof Rendered) {
    out.push(mark(alone() ? { text: '', kind: 'hole', helper: mode.helper } : { text: PLACEHOLDER, kind: 'placeholder', helper: mode.helper }));
    return;
  }
  const text = format(value);
  state.chars += text.length;
  out.push(mark({ text, kind: 'value', helper: mode.helper, paths: [...reads.paths] }));
}

/** An action on its own line, spanning lines or producing a block: its output is whole lines. */
function standsAlone(template: Template, action: Action, node: ActionNode | undefined): boolean {
  const text = template.text;
  // Only the blanks next to the action are looked at, never the whole line: a file of one long
  // line of actions would otherwise cost the line's length per action.
  const blank = (i: number) => text[i] === ' ' || text[i] === '\t';
  let before = action.start - 1;
  while (before >= 0 && blank(before)) before--;
  let after = action.end;
  while (after < text.length && blank(after)) after++;
  const aloneBefore = before < 0 || text[before] === '\n';
  const aloneAfter = after >= text.length || text[after] === '\n' || text.startsWith('{{', after);
  if (aloneBefore && aloneAfter) return true;
  if (text.slice(action.start, action.end).includes('\n')) return true;
  return !!node && node.pipeline.commands.some((c) => c.args.some((a) => a.type === 'identifier' && BLOCK_FUNCTIONS.has(a.name)));
}

function renderBranch(state: State, node: BranchNode, env: Env, mode: Mode, out: Piece[]): Signal {
  const { value, reads } = evaluated(state, node.pipeline, env);
  const decided = truth(value);
  const inner = (dot: unknown): Env => {
    const vars = env.vars.child();
    for (const v of node.pipeline.variables) vars.declare(v.name, { value, reads });
    return { dot: node.type === 'with' ? dot : env.dot, vars };
  };
  if (decided === true) return renderList(state, node.list, inner(value), mode, out);
  if (decided === false) {
    if (node.elseList) return renderList(state, node.elseList, { dot: env.dot, vars: env.vars.child() }, mode, out);
    // A block of whole lines is rendered anyway (what `with` would bind is unknown), so findings
    // in it can be weighed; a false part of a line stays out, or it would change the line's value.
    if (mode.top && blockOfLines(mode.template, node)) {
      const facts = whyFalse(node.pipeline, env, state.hooks, helperBody(state));
      return inRegion(state, node, facts, out, () => renderList(state, node.list, inner(UNKNOWN), { ...mode, speculative: true }, out));
    }
    return undefined;
  }
  // Undecided: the first branch stands for every branch, as the checks did before any evaluation.
  if (!mode.top) {
    out.push({ text: '', kind: 'hole', helper: mode.helper });
    return undefined;
  }
  const from = out.length;
  const signal = renderList(state, node.list, inner(UNKNOWN), { ...mode, speculative: true }, out);
  state.unsure.push({ from, to: out.length });
  return signal;
}

/** Whether a block's body holds a line break, so it renders lines rather than part of one. */
function blockOfLines(template: Template, node: BranchNode): boolean {
  const end = (node.elseAction ?? node.endAction)?.start ?? node.end;
  return template.text.slice(node.action.end, end).includes('\n');
}

function inRegion(state: State, node: BranchNode, facts: Fact[], out: Piece[], render: () => Signal): Signal {
  const from = out.length;
  state.facts.push(...facts);
  render();
  const all = [...state.facts];
  state.facts.length -= facts.length;
  const bodyEnd = (node.elseAction ?? node.endAction)?.start ?? node.end;
  state.regions.push({ from, to: out.length, body: { start: node.action.end, end: bodyEnd }, facts: all });
  return undefined;
}

function renderRange(state: State, node: BranchNode, env: Env, mode: Mode, out: Piece[]): Signal {
  const { value, reads } = evaluated(state, node.pipeline, env);
  const items = rangeItems(value);
  const run = (key: unknown, item: unknown, speculative: boolean): Signal => {
    const vars = env.vars.child();
    const names = node.pipeline.variables;
    if (names.length === 1) vars.declare(names[0].name, { value: item, reads });
    if (names.length === 2) {
      vars.declare(names[0].name, { value: key, reads });
      vars.declare(names[1].name, { value: item, reads });
    }
    return renderList(state, node.list, { dot: item, vars }, speculative ? { ...mode, speculative: true } : mode, out);
  };
  if (items === undefined) {
    if (!mode.top) {
      out.push({ text: '', kind: 'hole', helper: mode.helper });
      return undefined;
    }
    const from = out.length;
    run(UNKNOWN, UNKNOWN, true);
    state.unsure.push({ from, to: out.length });
    return undefined;
  }
  if (items.length === 0) {
    if (node.elseList) return renderList(state, node.elseList, { dot: env.dot, vars: env.vars.child() }, mode, out);
    if (mode.top) return inRegion(state, node, whyEmpty(node.pipeline, env, state.hooks), out, () => run(UNKNOWN, UNKNOWN, true));
    return undefined;
  }
  const from = out.length;
  for (const [key, item] of items.slice(0, MAX_ITEMS)) {
    if (++state.calls > MAX_CALLS) break;
    if (run(key, item, false) === 'break') break;
  }
  if (items.length > MAX_ITEMS && mode.top) state.unsure.push({ from, to: out.length });
  return undefined;
}

/** What `range` iterates: list items, map entries by sorted key, or 0…n-1 for an integer. */
function rangeItems(value: unknown): Array<[unknown, unknown]> | undefined {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((item, i) => [i, item]);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return Array.from({ length: Math.min(value, MAX_ITEMS + 1) }, (_, i) => [i, i]);
  if (typeof value === 'object' && !(value instanceof Rendered))
    return Object.keys(value)
      .sort()
      .map((k) => [k, (value as Record<string, unknown>)[k]]);
  return undefined;
}

function helperBody(state: State): HelperBody {
  return (name) => defineBody(state, name)?.list;
}

/** The body of the named template Helm would use: the one nearest the top chart. */
function defineBody(state: State, name: string): { list: readonly TemplateNode[]; template: Template } | undefined {
  if (state.bodies.has(name)) return state.bodies.get(name);
  const def = state.defines.get(name)?.[0];
  const template = def ? templateOf(state.ctx, def.uri) : undefined;
  const node = template?.nodes.find((n) => (n.type === 'define' || n.type === 'block') && n.start === def?.start);
  const body = template && node && 'list' in node ? { list: node.list, template } : undefined;
  state.bodies.set(name, body);
  return body;
}

/** `include "name" dot`: the named template's output as pieces, or UNKNOWN. */
function renderNamed(state: State, name: string, dot: unknown): unknown {
  const body = defineBody(state, name);
  if (!body || state.depth >= MAX_DEPTH || ++state.calls > MAX_CALLS) return UNKNOWN;
  const vars = new Variables();
  vars.declare('$', { value: dot, reads: noReads() });
  const out: Piece[] = [];
  state.depth++;
  try {
    renderList(state, body.list, { dot, vars }, { template: body.template, top: false, speculative: false, helper: name }, out);
  } finally {
    state.depth--;
  }
  return new Rendered(out);
}

/** `tpl text dot`: text without actions is itself; otherwise it is parsed and rendered. */
function renderText(state: State, text: string, dot: unknown): unknown {
  if (!text.includes('{{')) return text;
  if (state.depth >= MAX_DEPTH || ++state.calls > MAX_CALLS || text.length > 100_000) return UNKNOWN;
  const template = parse(text);
  if (template.errors.length > 0) return UNKNOWN;
  const vars = new Variables();
  vars.declare('$', { value: dot, reads: noReads() });
  const out: Piece[] = [];
  state.depth++;
  try {
    renderList(state, template.nodes, { dot, vars }, { template, top: false, speculative: false, helper: 'tpl' }, out);
  } finally {
    state.depth--;
  }
  return new Rendered(out.map((p) => (p.kind === 'text' ? { ...p, kind: 'value', helper: undefined } : p)));
}
