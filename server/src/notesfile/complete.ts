import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver-types';
import type { NoteKeyForm, SourceDocument } from '../workspace';
import { formOf } from './catalogue';
import type { TagComment } from './tags';

/** A key to offer, or a step towards keys (a form, `Deployment.`), after which completion opens again. */
interface Offer {
  key: string;
  detail: string;
}

const isStep = (key: string) => /[/.=]$/.test(key);

/** At the start of a tag: every form, and the keys of the forms that are short lists. */
function topLevel(forms: readonly NoteKeyForm[]): Offer[] {
  return [
    ...forms.map((f) => ({ key: f.form, detail: f.title })),
    ...forms.filter((f) => !f.open).flatMap((f) => f.complete('').map((item) => ({ key: f.form + item.path, detail: item.detail ?? f.title }))),
  ];
}

function offers(forms: readonly NoteKeyForm[], typed: string): Offer[] {
  const form = formOf(forms, typed);
  if (!form) return topLevel(forms);
  // `helm:values` is a key and a form's start: offer the longer forms too.
  const longer = forms.filter((f) => f !== form && f.form.toLowerCase().startsWith(typed.toLowerCase())).map((f) => ({ key: f.form, detail: f.title }));
  const own = form.complete(typed.slice(form.form.length)).map((item) => ({ key: form.form + item.path, detail: item.detail ?? form.title }));
  return [...own, ...longer];
}

/**
 * Inside a `<!-- keys: … -->` comment: the keys a hover can produce, replacing the tag under the
 * cursor. Steps (`k8s:field/`, `k8s:field/Deployment.`) ask for completion again once inserted.
 */
export function complete(src: SourceDocument, pos: Position, comments: readonly TagComment[], forms: readonly NoteKeyForm[]): CompletionItem[] {
  const offset = src.doc.offsetAt(pos);
  const comment = comments.find((c) => c.listStart <= offset && offset <= c.listEnd);
  if (!comment) return [];
  const tag = comment.tags.find((t) => t.start <= offset && offset <= t.end);
  const start = tag?.start ?? offset;
  const range = { start: src.doc.positionAt(start), end: src.doc.positionAt(tag?.end ?? offset) };
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const offer of offers(forms, src.doc.getText().slice(start, offset))) {
    if (seen.has(offer.key)) continue;
    seen.add(offer.key);
    const step = isStep(offer.key);
    items.push({
      label: offer.key,
      kind: step ? CompletionItemKind.Module : CompletionItemKind.Value,
      detail: offer.detail,
      textEdit: { range, newText: offer.key },
      filterText: offer.key,
      sortText: String(items.length).padStart(5, '0'),
      ...(step ? { command: { title: 'More keys', command: 'editor.action.triggerSuggest' } } : {}),
    });
  }
  return items;
}
