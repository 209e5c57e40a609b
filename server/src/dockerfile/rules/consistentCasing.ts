// Fires on instruction keywords whose case differs from most others in the file (BuildKit's
// ConsistentInstructionCasing): `run` among `RUN`s, or `Copy`. One style reads faster.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { KEYWORDS, type DockerfileModel } from '../model';
import { keywordRange, replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/consistent-casing',
  severity: 'warning',
  basis: 'practice',
  title: 'Instruction casing differs from the rest of the file',
  help: 'Write all instructions in upper case (the convention) or all in lower case.',
};

const KNOWN = new Set<string>(KEYWORDS);

function check(model: DockerfileModel): Finding[] {
  const steps = model.steps.filter((s) => KNOWN.has(s.keyword));
  const lower = steps.filter((s) => s.instruction.getInstruction() === s.keyword.toLowerCase()).length;
  const useLower = lower > steps.length - lower;
  const out: Finding[] = [];
  for (const step of steps) {
    const written = step.instruction.getInstruction();
    const wanted = useLower ? step.keyword.toLowerCase() : step.keyword;
    if (written === wanted) continue;
    const range = keywordRange(step.instruction);
    out.push(
      finding(meta, range, `Write ${wanted} like the other instructions in this file.`, [
        { title: `Change to ${wanted}`, edits: [replace(range, wanted)], preferred: true },
      ]),
    );
  }
  return out;
}

export const consistentCasing: Rule<DockerfileModel> = { meta, check };
