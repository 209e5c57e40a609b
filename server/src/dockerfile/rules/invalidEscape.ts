// Fires when the `# escape=` parser directive names anything but `\` or a backtick. BuildKit
// refuses the file: frontend/dockerfile/parser/parser.go, setEscapeToken ("invalid escape token
// '%s' does not match ` or \\").
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-escape',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Invalid escape directive',
  help: 'The escape character is either `\\` (the default) or a backtick (for Windows paths).',
};

function check(model: DockerfileModel): Finding[] {
  return model.directives
    .filter((d) => d.getName().toLowerCase() === 'escape' && d.getValue() !== '\\' && d.getValue() !== '`')
    .map((d) => finding(meta, d.getValueRange(), `Invalid escape character "${d.getValue()}"; use \\ or a backtick.`));
}

export const invalidEscape: Rule<DockerfileModel> = { meta, check };
