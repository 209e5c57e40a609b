import { firstIndexWhere } from '../common';
import type { Action, BranchNode, DefineNode, ExprNode, PipelineNode, Template, TemplateNode } from './ast';

/** Traversal helpers. All iterative, so deep nesting cannot overflow the stack. */

/** The child lists of a node: body first, then the else branch. */
export function childLists(node: TemplateNode): TemplateNode[][] {
  switch (node.type) {
    case 'if':
    case 'with':
    case 'range':
      return node.elseList ? [node.list, node.elseList] : [node.list];
    case 'define':
    case 'block':
      return [node.list];
    default:
      return [];
  }
}

/**
 * Visits every node in source order with its ancestors (outermost first). `ancestors` is the
 * walker's own stack, valid during the call (copy it to keep it): one shared stack keeps the walk
 * linear however deep the blocks nest.
 */
export function walk(nodes: readonly TemplateNode[], visit: (node: TemplateNode, ancestors: readonly TemplateNode[]) => void): void {
  const ancestors: TemplateNode[] = [];
  // `null` marks where a node's children end, so the stack pops back to its parent there.
  const work: Array<TemplateNode | null> = [];
  for (let i = nodes.length - 1; i >= 0; i--) work.push(nodes[i]);
  while (work.length) {
    const node = work.pop() as TemplateNode | null;
    if (node === null) {
      ancestors.pop();
      continue;
    }
    visit(node, ancestors);
    const lists = childLists(node);
    if (lists.length === 0) continue;
    ancestors.push(node);
    work.push(null);
    for (let l = lists.length - 1; l >= 0; l--) {
      for (let i = lists[l].length - 1; i >= 0; i--) work.push(lists[l][i]);
    }
  }
}

/** Every expression in a pipeline, parenthesised ones included, in source order. */
export function expressions(pipeline: PipelineNode): ExprNode[] {
  const out: ExprNode[] = [];
  const work: ExprNode[] = [];
  const pushPipeline = (p: PipelineNode) => {
    for (let c = p.commands.length - 1; c >= 0; c--) {
      for (let a = p.commands[c].args.length - 1; a >= 0; a--) work.push(p.commands[c].args[a]);
    }
  };
  pushPipeline(pipeline);
  while (work.length) {
    const e = work.pop() as ExprNode;
    out.push(e);
    if (e.type === 'paren') pushPipeline(e.pipeline);
    else if (e.type === 'chain') pushPipeline(e.operand.pipeline);
  }
  return out;
}

/** The action whose delimiters contain `offset` (its end included, for half-typed input). */
export function actionAt(template: Template, offset: number): Action | undefined {
  const actions = template.actions;
  let lo = 0;
  let hi = actions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = actions[mid];
    if (offset <= a.start) hi = mid - 1;
    else if (offset > a.end || (offset === a.end && a.closed)) lo = mid + 1;
    else return a;
  }
  return undefined;
}

/** The template nodes containing `offset`, outermost first (the innermost last). */
export function nodePath(template: Template, offset: number): TemplateNode[] {
  const path: TemplateNode[] = [];
  let list: readonly TemplateNode[] = template.nodes;
  for (;;) {
    const hit = firstHolding(list, offset);
    if (!hit) return path;
    path.push(hit);
    const lists = childLists(hit);
    if (lists.length === 0) return path;
    const branch = hit as BranchNode | DefineNode;
    const inElse = 'elseAction' in branch && branch.elseAction && offset >= branch.elseAction.start;
    list = inElse ? ((branch as BranchNode).elseList ?? []) : branch.list;
  }
}

/**
 * The first of a list of siblings that holds `offset` (a text node not at its end). Siblings follow
 * each other, so the search starts at the first that ends at or after `offset`: a list of 27,000
 * defines was scanned from its start for each of them.
 */
function firstHolding(list: readonly TemplateNode[], offset: number): TemplateNode | undefined {
  for (let i = firstIndexWhere(list.length, (j) => list[j].end >= offset); i < list.length && list[i].start <= offset; i++) {
    const n = list[i];
    if (offset <= n.end && !(n.type === 'text' && offset === n.end)) return n;
  }
  return undefined;
}

/** True when `offset` lies in the else part of a branch node. */
export function inElseBranch(node: TemplateNode, offset: number): boolean {
  return (node.type === 'if' || node.type === 'with' || node.type === 'range') && !!node.elseAction && offset >= node.elseAction.start;
}
