import { listedForm, type NoteKeyForm, sentenceList } from '../workspace';
import { OBJECT_FILES } from './hover';
import { BUILTINS, FUNCTIONS, KEYWORDS } from './reference';

/**
 * The notes keys Helm hovers produce, from the tables the hovers use: built-in objects, template
 * functions and keywords (reference.ts), `.Values` paths (any path: they are the chart's own), and
 * the chart files (`OBJECT_FILES` of hover.ts, plus the files hover.ts names for where the cursor is).
 */
function chartFileSources(): Map<string, string[]> {
  const sources = new Map<string, string[]>([
    ['Chart.yaml', ['keys of Chart.yaml']],
    ['values.yaml', ['keys of values files']],
    ['_helpers.tpl', ['templates defined in _helpers.tpl']],
    ['NOTES.txt', ['anything in a chart’s NOTES.txt']],
  ]);
  for (const [object, file] of Object.entries(OBJECT_FILES)) sources.set(file, [`\`${object}\``, ...(sources.get(file) ?? [])]);
  return sources;
}

/** Any `.Values` path is a key: the chart defines its own values. */
function valuesForm(): NoteKeyForm {
  return {
    form: 'helm:values/',
    title: 'chart value',
    open: true,
    complete: () => [],
    describe: (path) => (path ? `hovers on \`.Values.${path}\` in templates and on \`${path}\` in values files (and on paths that end in it)` : undefined),
    closest: () => undefined,
  };
}

export function noteKeys(): NoteKeyForm[] {
  return [
    listedForm(
      'helm:builtin/',
      'Helm built-in object',
      [...BUILTINS.keys()].map((path) => ({ path, matches: `hovers on \`${path}\` in templates` })),
    ),
    listedForm(
      'helm:function/',
      'template function',
      [...FUNCTIONS.values()].map((f) => ({
        path: f.name,
        detail: `${f.source === 'go' ? 'Go template' : f.source === 'helm' ? 'Helm' : 'Sprig'} function`,
        matches: `hovers on the function \`${f.name}\` in templates`,
      })),
    ),
    listedForm(
      'helm:keyword/',
      'template keyword',
      KEYWORDS.filter((k) => !k.name.includes(' ')).map((k) => ({ path: k.name, matches: `hovers on \`{{ ${k.name} }}\` in templates` })),
    ),
    listedForm('helm:values', 'chart values', [{ path: '', matches: 'hovers on `.Values` and on every values path, after their own key' }]),
    valuesForm(),
    listedForm(
      'helm:file/',
      'chart file',
      [...chartFileSources()].map(([path, sources]) => ({ path, matches: `hovers on ${sentenceList(sources)}, after their own key` })),
    ),
  ];
}
