import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Finding, Fix, RuleMeta } from '../../common';
import type { DockerfileModel, Step } from '../model';
import { leadingFlags, type Command, type Word } from '../shell';

/** A Dockerfile rule: its metadata and a check over the parsed model. */
export interface Rule {
  meta: RuleMeta;
  check(model: DockerfileModel): Finding[];
}

export function finding(meta: RuleMeta, range: Range, message: string, fixes?: Fix[]): Finding {
  return fixes?.length ? { rule: meta.id, range, message, fixes } : { rule: meta.id, range, message };
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** The document range of a shell word. */
export function wordRange(model: DockerfileModel, word: Word): Range {
  return { start: model.doc.positionAt(word.start), end: model.doc.positionAt(word.end) };
}

/** The range from a command's first to its last word. */
export function commandRange(model: DockerfileModel, command: Command): Range {
  return { start: model.doc.positionAt(command.words[0].start), end: model.doc.positionAt(command.words[command.words.length - 1].end) };
}

export function keywordRange(instruction: Instruction): Range {
  return instruction.getInstructionRange();
}

/** Steps of one keyword, per stage. */
export function stepsByStage(model: DockerfileModel, keyword: string): Step[][] {
  return model.stages.map((s) => s.steps.filter((step) => step.keyword === keyword));
}

/** Whether a RUN uses a `--mount=type=cache` (which makes cache clean-up unnecessary). */
export function hasCacheMount(step: Step): boolean {
  return leadingFlags(step.raw).some((f) => /^--mount=(?:.*,)?type=cache(?:,|$)/.test(f));
}

/** Whether an instruction is in JSON (exec) form. */
export function isJsonForm(model: DockerfileModel, instruction: Instruction): boolean {
  const args = instruction.getArgumentsRange();
  return !!args && model.text[model.doc.offsetAt(args.start)] === '[';
}

/** Stages whose layers end up in the final image: the last stage and the stages it builds on. */
export function shippedStages(model: DockerfileModel): Set<number> {
  const shipped = new Set<number>();
  for (let s: number | undefined = model.stages.length - 1; s !== undefined && s >= 0 && !shipped.has(s); s = model.stages[s].parent) shipped.add(s);
  return shipped;
}
