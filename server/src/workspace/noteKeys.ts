import { closestMatch } from '../common';
import type { NoteKeyForm } from './context';

/** A key of a listed form: its path, a few words for completion, and which hovers produce it. */
export interface ListedKey {
  path: string;
  detail?: string;
  /** Markdown: the hovers that produce this key, e.g. "hovers on the `CMD` instruction in Dockerfiles". */
  matches: string;
}

/**
 * A form whose keys are a known list (instructions, kinds, functions, rule ids). Completion offers
 * the whole list (the editor filters it as the user types); a tag matches a key regardless of case.
 */
export function listedForm(form: string, title: string, keys: readonly ListedKey[]): NoteKeyForm {
  const byPath = new Map(keys.map((k) => [k.path.toLowerCase(), k]));
  const paths = keys.map((k) => k.path);
  const items = keys.map(({ path, detail }) => ({ path, detail: detail ?? title }));
  return {
    form,
    title,
    complete: () => items,
    describe: (path) => byPath.get(path.toLowerCase())?.matches,
    closest: (path) => closestMatch(path, paths),
  };
}

/** "Pod, Deployment and StatefulSet"; past `most` names, "… and 12 more". */
export function sentenceList(items: readonly string[], most = 4): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > most) return `${items.slice(0, most).join(', ')} and ${items.length - most} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
