// Fires on `pip install` without `--no-cache-dir` in a stage that ends up in the final image,
// unless a cache mount or PIP_NO_CACHE_DIR is used. pip's download cache then stays in the layer.
import type { Finding, Rule, RuleMeta } from '../../common';
import { definitionsInScope, type DockerfileModel } from '../model';
import { hasOption, programOf, type Command } from '../shell';
import { cacheKeepingRuns, missingOption } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/pip-no-cache-dir',
  severity: 'info',
  basis: 'practice',
  title: 'pip install keeps its cache',
  help: 'Add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or use `RUN --mount=type=cache,target=/root/.cache/pip`.',
};

/** The `install` word of `pip install` / `python -m pip install`, if this is one. */
function pipInstall(command: Command) {
  const program = programOf(command);
  if (!program) return undefined;
  const words = command.words.slice(program.index);
  const at = /^pip3?(?:\.\d+)?$/.test(program.word.text.replace(/^.*\//, '')) ? 1 : words[1]?.text === '-m' && /^pip3?$/.test(words[2]?.text ?? '') ? 3 : -1;
  return at > 0 && words[at]?.text === 'install' ? words[at] : undefined;
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { step, commands } of cacheKeepingRuns(model)) {
    const line = step.instruction.getRange().start.line;
    if (definitionsInScope(model, step.stage, line).some((d) => d.name === 'PIP_NO_CACHE_DIR')) continue;
    for (const command of commands) {
      const install = pipInstall(command);
      if (!install || hasOption(command, (w) => w === '--no-cache-dir') || command.words.some((w) => w.text === 'PIP_NO_CACHE_DIR=1')) continue;
      out.push(missingOption(meta, model, command, install, '--no-cache-dir', "Add --no-cache-dir so pip's cache does not stay in the image."));
    }
  }
  return out;
}

export const pipNoCacheDir: Rule<DockerfileModel> = { meta, check };
