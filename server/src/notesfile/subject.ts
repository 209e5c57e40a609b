import type { NoteSubject } from '../../../shared/protocol';

/**
 * What "Add to My Notes" writes for a hover key: a heading that names the thing and the tag for it.
 * Hover keys follow docs/notes-keys.md. A field or value key is tagged by the end of its path
 * (`k8s:field/volumes.hostPath`), which the key of every kind with that field matches; a kind-
 * qualified key (`k8s:field/Deployment.spec.selector`) is offered as a second subject, for a note
 * that holds for that kind only.
 */
function pathOf(key: string): { form: string; path: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { form: key, path: '' } : { form: key.slice(0, slash + 1), path: key.slice(slash + 1) };
}

/** `Deployment.spec.template.spec.volumes.hostPath` → the kind and the path after it (kinds start with a capital, fields do not). */
function splitKind(path: string): { kind?: string; segments: string[] } {
  const segments = path.split('.');
  return segments.length > 1 && /^[A-Z]/.test(segments[0]) ? { kind: segments[0], segments: segments.slice(1) } : { segments };
}

function fieldSubjects(key: string, form: string, path: string): NoteSubject[] {
  const { kind, segments } = splitKind(path);
  const last = segments[segments.length - 1];
  const heading = form === 'k8s:value/' ? last.replace('=', ': ') : last;
  const general: NoteSubject = { key, tag: form + segments.slice(-2).join('.'), heading };
  return kind ? [general, { key, tag: key, heading: `${heading} (${kind})` }] : [general];
}

function headingOf(form: string, path: string): string {
  switch (form) {
    case 'docker:directive/':
      return `${path} directive`;
    case 'helm:values/':
      return `.Values.${path}`;
    case 'helm:values':
      return '.Values';
    default:
      return path || form;
  }
}

function subjectsOf(key: string): NoteSubject[] {
  const { form, path } = pathOf(key);
  if ((form === 'k8s:field/' || form === 'k8s:value/') && path) return fieldSubjects(key, form, path);
  // `rule:dockerfile/latest-tag` has a slash in its path: the rule id is the whole rest.
  if (key.startsWith('rule:')) return [{ key, tag: key, heading: key.slice('rule:'.length) }];
  return [{ key, tag: key, heading: headingOf(form, path) }];
}

/** The subjects for a hover's keys, most specific first, each tag once. */
export function noteSubjects(keys: readonly string[]): NoteSubject[] {
  const seen = new Set<string>();
  return keys.flatMap(subjectsOf).filter((subject) => {
    const tag = subject.tag.toLowerCase();
    if (seen.has(tag)) return false;
    seen.add(tag);
    return true;
  });
}
