// Fires on Go-template syntax errors: unclosed `{{`, a block without `{{ end }}`, an extra
// `end`, `else` outside a block, malformed pipelines. Helm refuses to render such a template,
// so the whole release fails; the message says what to add or remove.
import { finding, type Finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import type { TemplateFile } from './rule';

const meta: RuleMeta = {
  id: 'helm/template-syntax',
  severity: 'error',
  basis: 'refused:helm',
  title: 'Template syntax error',
  help: 'Helm parses every template before rendering; one syntax error fails the whole install. Close every `{{` with `}}` and every if/with/range/define with `{{ end }}`.',
};

function check(file: TemplateFile): Finding[] {
  return file.template.errors.map((e) => finding(meta, rangeOf(file.doc, e.start, e.end), e.message));
}

export const templateSyntax: Rule<TemplateFile> = { meta, check };
