import type { Instruction } from 'dockerfile-ast';
import { changedSpan } from '../common';
import { parseDockerfile } from './ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { assemble, type DockerfileModel, type Step, type VariableUse } from './model';
import type { Command } from './shell';

/**
 * Re-parsing after a typical edit. dockerfile-ast parses the whole file every time (about 10 ms for
 * 500 lines), so an edit that stays inside one instruction, keeps the number of lines and touches
 * no stage or variable structure re-parses only that instruction: its lines are parsed on their
 * own, placed on the same line numbers (the text before them becomes empty lines), and the other
 * instructions are kept. Positions are line/character pairs, so they stay valid. Anything else
 * returns undefined and the caller parses the whole file.
 */

/** Instructions that shape stages or variable scopes; editing them needs a full parse. */
const STRUCTURAL = new Set(['FROM', 'ARG', 'ENV', 'ONBUILD']);

function lineCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function reparse(previous: DockerfileModel, doc: TextDocument): DockerfileModel | undefined {
  if (previous.truncated) return undefined;
  const before = previous.text;
  const after = doc.getText();
  if (after.length > before.length + 10_000 || after.length < before.length - 10_000) return undefined;
  // The changed span: [prefix, before.length - suffix) in the old text.
  const { prefix, suffix } = changedSpan(before, after);
  if (lineCount(before, prefix, before.length - suffix) !== lineCount(after, prefix, after.length - suffix)) return undefined;
  // Lines are counted in the old text itself: previous.doc is the editor's document object, which
  // TextDocument.update changes in place, so it may already hold the new text (found by `npm run fuzz`).
  const changedStart = lineCount(before, 0, prefix);
  const changedEnd = lineCount(before, 0, before.length - suffix);
  const index = previous.steps.findIndex((s) => s.instruction.getRange().start.line <= changedStart && s.instruction.getRange().end.line >= changedEnd);
  if (index < 0) return undefined;
  const old = previous.steps[index];
  const first = old.instruction.getRange().start.line;
  const last = old.instruction.getRange().end.line;
  if (STRUCTURAL.has(old.keyword) || old.raw.includes('<<')) return undefined;
  if (previous.directives.some((d) => d.getRange().end.line >= first)) return undefined;
  // Parse the instruction's new lines alone, on their own line numbers.
  const lines = after.split('\n');
  const own = lines.slice(first, last + 1);
  const directive = previous.escape === '\\' ? '' : `# escape=${previous.escape}`;
  const padding = first > 0 ? directive + '\n'.repeat(first) : '';
  if (first === 0 && directive) return undefined;
  const parsed = parseDockerfile(padding + own.join('\n')).getInstructions();
  if (parsed.length !== 1) return undefined;
  const instruction = parsed[0];
  const keyword = instruction.getKeyword().toUpperCase();
  const range = instruction.getRange();
  // The last line must end the instruction: a comment, empty or escaped last line would continue it.
  const trailing = own[own.length - 1].trimEnd();
  const continues = trailing.endsWith(previous.escape) || /^\s*(?:#|$)/.test(trailing);
  if (STRUCTURAL.has(keyword) || range.start.line !== first || range.end.line !== last || continues || own.join('\n').includes('<<')) return undefined;
  const instructions: Instruction[] = previous.steps.map((s, i) => (i === index ? instruction : s.instruction));
  const kept = previous.steps.filter((_, i) => i !== index);
  const uses = new Map<Step, VariableUse[]>(kept.map((s) => [s, []]));
  for (const use of previous.uses) uses.get(use.step)?.push(use);
  // Commands hold offsets: those after the edit move by the change in length.
  const delta = after.length - before.length;
  const commands = new Map(previous.runs.map((r) => [r.step, r.commands]));
  const moved = (step: Step): Command[] | undefined => {
    const list = step === old ? undefined : commands.get(step);
    if (!list || delta === 0 || step.instruction.getRange().start.line < first) return list;
    return list.map((c) => ({ next: c.next, words: c.words.map((w) => ({ text: w.text, start: w.start + delta, end: w.end + delta })) }));
  };
  return assemble(doc, false, instructions, previous.directives, previous.escape, {
    steps: new Map(kept.map((s) => [s.instruction, s])),
    uses,
    commands: moved,
  });
}
