import type { Flag, Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { finding, type Finding, type RuleMeta } from '../../common';
import type { DockerfileModel, Step } from '../model';
import { hasOption, leadingFlags, type Command, type Word } from '../shell';

/**
 * What the Dockerfile rules share: ranges, fix edits and the checks several rules run with
 * different data. A Dockerfile rule is a `Rule<DockerfileModel>` (common): it is given the parsed model.
 */

/** A shell-form RUN with its simple commands. */
type Run = DockerfileModel['runs'][number];

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

/** A check of every simple command of every shell-form RUN, in document order. */
export function eachCommand(check: (model: DockerfileModel, command: Command) => Finding[]): (model: DockerfileModel) => Finding[] {
  return (model) => {
    const out: Finding[] = [];
    for (const { commands } of model.runs) for (const command of commands) out.push(...check(model, command));
    return out;
  };
}

/** A finding on a command that lacks `option`, with a fix that adds the option after the word `after` (its subcommand). */
export function missingOption(
  meta: RuleMeta,
  model: DockerfileModel,
  command: Command,
  after: Word,
  option: string,
  message: string,
  preferred = true,
): Finding {
  const end = wordRange(model, after).end;
  const edits = [{ range: { start: end, end }, newText: ` ${option}` }];
  return finding(meta, commandRange(model, command), message, [{ title: `Add ${option}`, edits, ...(preferred ? { preferred } : {}) }]);
}

/** Whether an apt-get command only simulates (`-s`, `--simulate`, `--dry-run`, …): it neither asks nor installs. */
export function aptSimulates(command: Command): boolean {
  return hasOption(command, (w) => /^-[a-z]*s[a-z]*$/.test(w) || ['--simulate', '--dry-run', '--just-print', '--recon', '--no-act'].includes(w));
}

/** The check of "only the last `keyword` of a stage counts" (CMD, ENTRYPOINT, HEALTHCHECK): every earlier one. */
export function onlyLastCounts(meta: RuleMeta, keyword: string): (model: DockerfileModel) => Finding[] {
  return (model) => {
    const out: Finding[] = [];
    for (const stage of model.stages) {
      const steps = stage.steps.filter((step) => step.keyword === keyword);
      const last = steps[steps.length - 1];
      for (const step of steps.slice(0, -1)) {
        out.push(
          finding(
            meta,
            keywordRange(step.instruction),
            `Only the last ${keyword} of a stage takes effect (line ${last.instruction.getRange().start.line + 1}); remove this one.`,
          ),
        );
      }
    }
    return out;
  };
}

/**
 * The flags BuildKit parses for a step: all of them, except for `HEALTHCHECK NONE`, whose flags it
 * never reads (frontend/dockerfile/instructions/parse.go, parseHealthcheck).
 */
export function parsedFlags(step: Step): Flag[] {
  return step.keyword === 'HEALTHCHECK' && /^(?:\s*--\S+)*\s+NONE\s*$/i.test(step.raw) ? [] : step.flags;
}

/** Whether a RUN uses a `--mount=type=cache` (which makes cache clean-up unnecessary). */
export function hasCacheMount(step: Step): boolean {
  return leadingFlags(step.raw).some((f) => /^--mount=(?:.*,)?type=cache(?:,|$)/.test(f));
}

/** RUNs whose layer ends up in the final image and that use no cache mount: where a package manager's cache would stay. */
export function cacheKeepingRuns(model: DockerfileModel): Run[] {
  const shipped = shippedStages(model);
  return model.runs.filter(({ step }) => shipped.has(step.stage) && !hasCacheMount(step));
}

/** Whether an instruction is in JSON (exec) form. */
export function isJsonForm(model: DockerfileModel, instruction: Instruction): boolean {
  const args = instruction.getArgumentsRange();
  return !!args && model.text[model.doc.offsetAt(args.start)] === '[';
}

/** Stages whose layers end up in the final image: the last stage and the stages it builds on. */
function shippedStages(model: DockerfileModel): Set<number> {
  const shipped = new Set<number>();
  for (let s: number | undefined = model.stages.length - 1; s !== undefined && s >= 0 && !shipped.has(s); s = model.stages[s].parent) shipped.add(s);
  return shipped;
}
