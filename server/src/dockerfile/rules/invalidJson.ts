// Fires when arguments start with `[` but are not a JSON array of strings (single quotes, a
// missing bracket or comma). The builder then runs the text as a shell command, which is rarely
// what was meant; SHELL accepts only JSON, so there the builder refuses the file (error).
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { leadingFlagsLength } from '../shell';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-json',
  severity: 'error',
  basis: 'inferred',
  title: 'Malformed JSON (exec) form',
  help: 'Exec form is a JSON array of double-quoted strings: `CMD ["node", "server.js"]`. Anything else runs as a shell command.',
};

const JSON_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'COPY', 'ADD']);

function isStringArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  const continuation = new RegExp(`${model.escape === '`' ? '`' : '\\\\'}\\r?\\n`, 'g');
  for (const step of model.steps) {
    if (!JSON_FORM.has(step.keyword)) continue;
    // Read by text: the arguments start after the flags and any whitespace or continuations.
    const skip = /^(?:\s|\\\r?\n|`\r?\n)*/.exec(step.raw.slice(leadingFlagsLength(step.raw)))![0].length + leadingFlagsLength(step.raw);
    if (skip >= step.raw.length) continue;
    const keywordEnd = model.doc.offsetAt(step.instruction.getInstructionRange().end);
    const start = model.doc.positionAt(keywordEnd + skip);
    const text = step.raw.slice(skip).replace(continuation, '');
    const isShell = step.keyword === 'SHELL';
    if (!text.startsWith('[')) {
      if (isShell) out.push(finding(meta, { start, end: step.instruction.getRange().end }, 'SHELL needs JSON form: `SHELL ["/bin/bash", "-c"]`.'));
      continue;
    }
    if (text.includes('<<') || isStringArray(text.trim())) continue;
    const range = { start, end: step.instruction.getRange().end };
    const message = isShell
      ? 'SHELL needs a JSON array of double-quoted strings: `SHELL ["/bin/bash", "-c"]`.'
      : `This is not valid JSON, so ${step.keyword} runs it as a shell command; use double quotes, commas and a closing \`]\`.`;
    out.push({ ...finding(meta, range, message), ...(isShell ? {} : { severity: 'warning' as const }) });
  }
  return out;
}

export const invalidJson: Rule<DockerfileModel> = { meta, check };
