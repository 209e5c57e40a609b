import { listedForm, type NoteKeyForm } from '../workspace';
import { BUILTINS, FUNCTIONS, KEYWORDS } from './reference';

/**
 * The notes keys Helm hovers produce, from the reference tables the hovers use: built-in objects,
 * template functions and keywords, `.Values` paths (any path: they are the chart's own) and the
 * chart files hover.ts names.
 */
const CHART_FILES: Record<string, string> = {
  'Chart.yaml': '`.Chart` objects and keys of Chart.yaml',
  'values.yaml': '`.Values` and keys of values files',
  templates: '`.Template` objects',
  charts: '`.Subcharts`',
  '_helpers.tpl': 'templates defined in _helpers.tpl',
  'NOTES.txt': 'anything in a chart’s NOTES.txt',
};

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
      Object.entries(CHART_FILES).map(([path, what]) => ({ path, matches: `hovers on ${what}, after their own key` })),
    ),
  ];
}
