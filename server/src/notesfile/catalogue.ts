import { closestMatch, type RuleMeta } from '../common';
import { type LanguageModule, listedForm, type NoteKeyForm, type ServiceContext } from '../workspace';

/** What the key catalogue is built from: every language module and every rule (services/route.ts hands them in). */
export interface KeySources {
  modules: readonly LanguageModule[];
  rules: readonly RuleMeta[];
}

function ruleForm(rules: readonly RuleMeta[]): NoteKeyForm {
  return listedForm(
    'rule:',
    'rule',
    rules.map((rule) => ({
      path: rule.id,
      detail: rule.title,
      matches: `hovers on findings of ${rule.id} (${rule.title}) and on ignore comments that name it`,
    })),
  );
}

/** Every form of key a hover can produce, once per session settings (the Kubernetes version picks the schema). */
export function keyForms(ctx: ServiceContext, sources: () => KeySources): readonly NoteKeyForm[] {
  return ctx.cache.get('notes-file-key-forms', '', 0, () => {
    const { modules, rules } = sources();
    return [...modules.flatMap((module) => module.noteKeys?.(ctx) ?? []), ruleForm(rules)];
  });
}

/** The form a tag belongs to: the longest one it starts with (tags match regardless of case). */
export function formOf(forms: readonly NoteKeyForm[], tag: string): NoteKeyForm | undefined {
  const lower = tag.toLowerCase();
  let best: NoteKeyForm | undefined;
  for (const form of forms) {
    if (lower.startsWith(form.form.toLowerCase()) && form.form.length > (best?.form.length ?? -1)) best = form;
  }
  return best;
}

/** Which hovers a tag brings its section to (Markdown), or `undefined` when no hover produces a key it matches. */
export function describeTag(forms: readonly NoteKeyForm[], tag: string): string | undefined {
  const form = formOf(forms, tag);
  return form?.describe(tag.slice(form.form.length));
}

/** The tag as the user probably meant it: the nearest known path of its form, or of the nearest form. */
export function suggestTag(forms: readonly NoteKeyForm[], tag: string): string | undefined {
  const form = formOf(forms, tag);
  if (form) {
    const path = form.closest(tag.slice(form.form.length));
    return path === undefined ? undefined : form.form + path;
  }
  const slash = tag.indexOf('/');
  const written = slash < 0 ? tag : tag.slice(0, slash + 1);
  const near = closestMatch(
    written,
    forms.map((f) => f.form),
  );
  const nearForm = forms.find((f) => f.form === near);
  if (!nearForm) return undefined;
  const path = tag.slice(written.length);
  if (nearForm.describe(path) !== undefined) return nearForm.form + path;
  const nearPath = nearForm.closest(path);
  return nearPath === undefined ? undefined : nearForm.form + nearPath;
}

/** "docker:, k8s:, helm: or rule:": how keys start, for messages. */
export function namespaces(forms: readonly NoteKeyForm[]): string {
  const names = [...new Set(forms.map((f) => f.form.slice(0, f.form.indexOf(':') + 1)))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '');
}
