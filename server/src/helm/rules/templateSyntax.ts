// Fires on Go-template syntax errors: unclosed `{{`, a block without `{{ end }}`, an extra
// `end`, `else` outside a block, malformed pipelines. Helm refuses to render such a template,
// so the whole release fails; the message says what to add or remove.
import { rangeOf } from '../../common';
import { templateInfo } from '../document';
import type { HelmRule } from './rule';

export const templateSyntax: HelmRule = {
  meta: {
    id: 'helm/template-syntax',
    severity: 'error',
    title: 'Template syntax error',
    help: 'Helm parses every template before rendering; one syntax error fails the whole install. Close every `{{` with `}}` and every if/with/range/define with `{{ end }}`.',
  },
  kinds: ['helm-template'],
  check(ctx, src) {
    return templateInfo(ctx, src).template.errors.map((e) => ({ rule: this.meta.id, range: rangeOf(src.doc, e.start, e.end), message: e.message }));
  },
};
