import type { Action, ActionNode, Span, Template, TemplateNode } from '../gotmpl';
import { walk } from '../gotmpl';

/**
 * Turns a template into YAML of exactly the same length and line layout, so every offset of
 * the result is an offset of the template:
 * - comments, control actions (`if`, `range`, `end`…), declarations and actions that stand on
 *   their own line (they emit whole blocks: `include … | nindent`, `toYaml`) become spaces;
 * - the else branches of `if`/`with` and the bodies of `define` become spaces, so one path
 *   through the template remains and no key appears twice;
 * - an action that is a whole scalar value and reads a simple `.Values` path (optionally piped
 *   to `quote`) becomes that value's default when it fits in the action's span;
 * - any other inline action becomes a run of `x` (a plain scalar of unknown content).
 * The result records which spans were substituted and which are opaque, and which YAML
 * documents hold template-generated structure, so findings can be filtered by construction.
 */

export interface Substitution extends Span {
  /** The `.Values` path whose default was put in place. */
  path: string[];
  /** The action the default replaced (findings on the default are shown on it). */
  action: Span;
}

export interface Neutralized {
  text: string;
  substitutions: Substitution[];
  /** Spans of actions replaced by placeholders or blanks: nothing is known of their output. */
  opaque: Span[];
  /** Spans (whole YAML documents) holding control flow or block-producing actions. */
  structural: Span[];
}

/** Functions whose output is a block of lines or whose shape we cannot know inline. */
const BLOCK_FUNCTIONS = new Set(['include', 'toYaml', 'toYamlPretty', 'toJson', 'toPrettyJson', 'nindent', 'indent', 'tpl', 'toToml']);

/** A scalar default for a values path, already rendered as Helm would print it; undefined when unknown. */
export type ValueRenderer = (path: readonly string[], quoted: boolean) => string | undefined;

/** How each simple values action resolves: start offset of the action → values path. */
export type SimpleValues = ReadonlyMap<number, string[]>;

export function neutralize(template: Template, simpleValues: SimpleValues, render: ValueRenderer): Neutralized {
  const text = template.text;
  const line = lineReader(text);
  const chars = text.split('');
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const substitutions: Substitution[] = [];
  const opaque: Span[] = [];
  const structuralAt: number[] = [];

  // Branches not taken and define bodies: blanked whole, their actions skipped.
  const skipped: Span[] = [];
  const nodeOf = new Map<Action, TemplateNode>();
  walk(template.nodes, (node) => {
    if ('action' in node) nodeOf.set(node.action, node);
    if (node.type === 'define') skipped.push({ start: node.start, end: node.end });
    if ((node.type === 'if' || node.type === 'with') && node.elseAction && !node.chained) {
      skipped.push({ start: node.elseAction.start, end: node.endAction?.start ?? node.end });
    }
    // Every document a control action sits in is built by the template (a `range` may open
    // documents with `---` inside its body, so its `end` marks the last of them).
    if (node.type !== 'text' && node.type !== 'comment' && node.type !== 'action') {
      structuralAt.push(node.start);
      if ('endAction' in node && node.endAction) structuralAt.push(node.endAction.start);
      if ('elseAction' in node && node.elseAction) structuralAt.push(node.elseAction.start);
    }
  });
  skipped.sort((a, b) => a.start - b.start);
  let skipIndex = 0;
  for (const action of template.actions) {
    while (skipIndex < skipped.length && skipped[skipIndex].end <= action.start) skipIndex++;
    const inSkipped = skipIndex < skipped.length && skipped[skipIndex].start <= action.start;
    blank(action.start, action.end);
    if (inSkipped) continue;
    const node = nodeOf.get(action);
    if (action.comment || !node || node.type !== 'action') {
      if (!action.comment) opaque.push({ start: action.start, end: action.end });
      continue;
    }
    if (node.pipeline.variables.length > 0) continue;
    opaque.push({ start: action.start, end: action.end });
    const around = line.around(action);
    const standalone = around.aloneBefore && (around.aloneAfter || text.startsWith('{{', around.after));
    const multiLine = line.end(action.start) < action.end;
    if (standalone || multiLine || usesBlockFunction(node)) {
      structuralAt.push(action.start);
      continue;
    }
    const wholeValue = around.valueBefore && (around.aloneAfter || around.commentAfter);
    const path = simpleValues.get(action.start);
    const quoted = isQuoted(node);
    const rendered = wholeValue && path ? render(path, quoted) : undefined;
    if (rendered !== undefined && path && rendered.length <= action.end - action.start && !rendered.includes('\n')) {
      opaque.pop();
      for (let i = 0; i < rendered.length; i++) chars[action.start + i] = rendered[i];
      substitutions.push({ start: action.start, end: action.start + rendered.length, path, action: { start: action.start, end: action.end } });
      continue;
    }
    for (let i = action.start; i < action.end; i++) chars[i] = 'x';
  }
  for (const span of skipped) blank(span.start, span.end);
  return { text: chars.join(''), substitutions, opaque, structural: documentsAt(text, structuralAt) };
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * What surrounds an action on its line, read from the action outwards: only the blanks next to it
 * and, after a `#`, the comment up to the line's end. The line ends are found by memoised searches
 * (actions come in order), so a template of one long line full of actions stays linear.
 */
function lineReader(text: string) {
  const nextAfter = (pattern: RegExp) => {
    let from = -1;
    let at = -1;
    return (offset: number): number => {
      if (from < 0 || offset < from || (at >= 0 && at < offset)) {
        pattern.lastIndex = offset;
        at = pattern.exec(text)?.index ?? -1;
        from = offset;
      }
      return at < 0 ? text.length : at;
    };
  };
  const newline = nextAfter(/\n/g);
  // What a regular expression's `.` does not match: a comment holding one is not taken for a comment.
  const notDot = nextAfter(/[\r\u2028\u2029]/g);
  return {
    /** Where the line holding `offset` ends. */
    end: newline,
    around(action: Span) {
      let b = action.start - 1;
      while (b >= 0 && isBlank(text[b])) b--;
      let a = action.end;
      while (a < text.length && isBlank(text[a])) a++;
      const aloneAfter = a === text.length || text[a] === '\n';
      const spaced = b < action.start - 1;
      let dash = b - 1;
      while (dash >= 0 && isBlank(text[dash])) dash--;
      return {
        /** Only blanks between the line's start and the action. */
        aloneBefore: b < 0 || text[b] === '\n',
        /** Only blanks between the action and the line's end. */
        aloneAfter,
        /** Where the first character that is not a blank follows the action. */
        after: a,
        /** The action follows `key: ` or a list item's `- ` (and nothing else on the line). */
        valueBefore: spaced && (text[b] === ':' || (text[b] === '-' && (dash < 0 || text[dash] === '\n'))),
        /** A `#` comment, and nothing else, follows the action on its line. */
        commentAfter: text[a] === '#' && notDot(a) >= newline(a),
      };
    },
  };
}

function usesBlockFunction(node: ActionNode): boolean {
  return node.pipeline.commands.some((c) => c.args.some((a) => a.type === 'identifier' && BLOCK_FUNCTIONS.has(a.name)));
}

/** `.Values.x | quote` (or squote): the value is printed in quotes. */
function isQuoted(node: ActionNode): boolean {
  const last = node.pipeline.commands[node.pipeline.commands.length - 1];
  const head = last?.args[0];
  return node.pipeline.commands.length === 2 && head?.type === 'identifier' && (head.name === 'quote' || head.name === 'squote');
}

/** The YAML documents (split at `---` lines) containing the given offsets. */
function documentsAt(text: string, offsets: readonly number[]): Span[] {
  if (offsets.length === 0) return [];
  const starts = [0];
  const separator = /^---[ \t]*(#.*)?$/gm;
  for (let m = separator.exec(text); m; m = separator.exec(text)) starts.push(m.index);
  const spans: Span[] = [];
  // One sweep over both sorted lists: every file with many documents and many actions stays linear.
  const sorted = [...offsets].sort((a, b) => a - b);
  let next = 0;
  for (let i = 0; i < starts.length; i++) {
    const span = { start: starts[i], end: i + 1 < starts.length ? starts[i + 1] : text.length };
    while (next < sorted.length && sorted[next] < span.start) next++;
    if (next < sorted.length && sorted[next] < span.end) spans.push(span);
  }
  return spans;
}
