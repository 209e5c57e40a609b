// Fires on an empty line inside a continued instruction (BuildKit's NoEmptyContinuation). The
// builder skips it today but will refuse it in a future release, and it hides where the
// instruction ends.
import type { Heredoc } from 'dockerfile-ast';
import { finding, type Finding, lineRange, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/empty-continuation',
  severity: 'warning',
  basis: 'practice',
  title: 'Empty line in a continued instruction',
  help: 'Remove the empty line, or end the instruction before it.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    const range = step.instruction.getRange();
    if (range.end.line === range.start.line || !/\n[ \t]*\r?\n/.test(step.raw)) continue;
    const heredocs = step.raw.includes('<<') ? ((step.instruction as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? []) : [];
    const firstHeredocLine = Math.min(...heredocs.map((h) => h.getStartRange().start.line + 1), Infinity);
    const lines = step.raw.split('\n');
    for (let line = range.start.line + 1; line < range.end.line && line < firstHeredocLine; line++) {
      if (lines[line - range.start.line].trim() === '')
        out.push(finding(meta, lineRange(model.doc, line), 'Empty line inside a continued instruction; remove it.'));
    }
  }
  return out;
}

export const emptyContinuation: Rule<DockerfileModel> = { meta, check };
