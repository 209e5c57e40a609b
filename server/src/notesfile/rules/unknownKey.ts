// Fires on a tag in a notes file that no hover produces: a typo ("k8s:field/hostPth"), a form no
// module makes, or a field path the bundled schema lacks. Such a tag silently brings its section to
// no hover, which is exactly what the writer wanted to avoid by tagging it. A concept tag
// ("k8s:topic/labels") that no hover asks for yet is only a hint: notes tag concept sections on
// purpose, and the tag still says what the section is about.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { NoteKeyForm } from '../../workspace';
import { describeTag, formOf, namespaces, suggestTag } from '../catalogue';
import type { TaggedNotes } from './rule';

const meta: RuleMeta = {
  id: 'notes/unknown-key',
  severity: 'warning',
  basis: 'inferred',
  title: 'Notes tag that no hover produces',
  help: 'A `<!-- keys: … -->` tag brings its section to the hovers that produce the key. A key no hover produces (a typo, a form no module makes, a field the bundled schema lacks) brings it to none. Ctrl+Space in a tag lists the keys; docs/notes-keys.md describes them.',
};

/** `k8s:topic/labels`: a concept, which sections are tagged with whether or not a hover asks for it. */
const CONCEPT = /^[a-z0-9-]+:topic\//i;

/** The tag's known form with an unknown path, a form its namespace lacks, or an unknown namespace. */
function whatIsWrong(forms: readonly NoteKeyForm[], tag: string): string {
  if (CONCEPT.test(tag)) return `No hover produces the concept key "${tag}" yet, so this tag brings the section to none.`;
  if (formOf(forms, tag)) return `No hover produces the key "${tag}", so this tag shows the section nowhere.`;
  const namespace = tag.slice(0, tag.indexOf(':') + 1).toLowerCase();
  const siblings = namespace ? forms.filter((f) => f.form.startsWith(namespace)).map((f) => f.form) : [];
  if (siblings.length === 0) return `"${tag}" is no notes key: keys start with ${namespaces(forms)}.`;
  const written = tag.includes('/') ? tag.slice(0, tag.indexOf('/') + 1) : tag;
  return `No hover produces keys of the form "${written}": the ${namespace} forms are ${siblings.join(', ')}.`;
}

export const unknownKey: Rule<TaggedNotes> = {
  meta,
  check({ doc, comments, forms }) {
    const findings: Finding[] = [];
    // An unclosed comment is still being typed, and the notes index does not read it yet.
    for (const tag of comments.filter((c) => c.closed).flatMap((c) => c.tags)) {
      if (describeTag(forms, tag.text) !== undefined) continue;
      const range = { start: doc.positionAt(tag.start), end: doc.positionAt(tag.end) };
      const suggestion = suggestTag(forms, tag.text);
      const problem = whatIsWrong(forms, tag.text);
      const fix = suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined;
      const found = finding(meta, range, suggestion ? `${problem} Did you mean "${suggestion}"?` : problem, fix);
      findings.push(CONCEPT.test(tag.text) && !suggestion ? { ...found, severity: 'hint' } : found);
    }
    return findings;
  },
};
