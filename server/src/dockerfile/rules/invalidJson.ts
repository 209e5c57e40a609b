// Fires on the JSON (exec) form where BuildKit refuses it or reads it otherwise than meant:
// - SHELL not in JSON form, and a JSON array that holds something other than strings: BuildKit
//   refuses the file (frontend/dockerfile/instructions/parse.go, parseShell errNotJSON;
//   parser/line_parsers.go, parseJSON "when using JSON array syntax, arrays must be comprised of
//   strings only"): errors;
// - arguments that look like an attempted JSON array but do not parse (single quotes, a missing
//   comma or bracket): BuildKit quietly runs the text as a shell command (line_parsers.go,
//   parseMaybeJSON), which is rarely what was meant: a warning. A shell test such as
//   `RUN [ -f /etc/os-release ] && …` is no attempted array and stays quiet.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { leadingFlagsLength } from '../shell';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-json',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Malformed JSON (exec) form',
  help: 'Exec form is a JSON array of double-quoted strings: `CMD ["node", "server.js"]`. Anything else runs as a shell command.',
};

const JSON_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'COPY', 'ADD']);

/**
 * Text that was meant as an array: a quote right after `[` or right before a final `]`, or quoted
 * items separated by a comma. A shell test puts spaces around its brackets.
 */
const ATTEMPTED_ARRAY = /^\[["']|["']\]\s*$|["']\s*,\s*["']/;

/** What the text is when read as JSON: an array of strings, another array, or no JSON at all. */
function jsonShape(text: string): 'strings' | 'other' | 'none' {
  try {
    const value: unknown = JSON.parse(text);
    return !Array.isArray(value) ? 'none' : value.every((v) => typeof v === 'string') ? 'strings' : 'other';
  } catch {
    return 'none';
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
    const range = { start: model.doc.positionAt(keywordEnd + skip), end: step.instruction.getRange().end };
    const text = step.raw.slice(skip).replace(continuation, '').trim();
    const isShell = step.keyword === 'SHELL';
    if (!text.startsWith('[')) {
      if (isShell) out.push(finding(meta, range, 'SHELL needs the JSON form, e.g. SHELL ["/bin/bash", "-c"].'));
      continue;
    }
    if (text.includes('<<')) continue;
    const shape = jsonShape(text);
    if (shape === 'strings') continue;
    if (shape === 'other') out.push(finding(meta, range, `A JSON array here holds only strings; quote every item, e.g. ${step.keyword} ["sleep", "10"].`));
    else if (isShell) out.push(finding(meta, range, 'SHELL needs a JSON array of double-quoted strings, e.g. SHELL ["/bin/bash", "-c"].'));
    else if (ATTEMPTED_ARRAY.test(text))
      out.push({
        ...finding(meta, range, `This is not valid JSON, so ${step.keyword} runs it as a shell command; use double quotes, commas and a closing bracket.`),
        severity: 'warning',
      });
  }
  return out;
}

export const invalidJson: Rule<DockerfileModel> = { meta, check };
