import type { Position } from 'vscode-languageserver-types';
import { basename, codeBlock, codeSpan, offsetOf, rangeOf } from '../common';
import { actionAt } from '../gotmpl';
import type { Answer, HoverTarget, ServiceContext, SourceDocument } from '../workspace';
import { describe, describePath, factsMarkdown, type SchemaFacts } from '../yamlSchema';
import { type ChartModel, chartOf, keyPathAt, namedTemplates, yamlFileOf } from './chart';
import { analyzeAt } from './analysis';
import { chartValue } from './complete';
import { dotted, segmentAt, shownPath, templateInfo } from './document';
import { ANY, envAt } from './scope';
import { BUILTINS, builtinMarkdown, builtinObject, FUNCTION_GROUPS, FUNCTIONS, functionMarkdown, KEYWORDS } from './reference';
import { valuesMarkdown } from './values';
import { schemaSourceOf, valuesSchemaOf } from './valuesSchema';

/**
 * Hover targets: `.Values` paths (value in each values file, default first, and the comment
 * from values.yaml), built-in objects, functions, keywords, variables and `.`, named templates,
 * and keys of values.yaml and Chart.yaml. Keys go most specific first, then the general key the
 * bundled notes cover (a function's family, the templates note for the template language).
 */

/** The parent key of the template language's own words (keywords, `$`, `.`): the note on templates. */
const TEMPLATES_KEY = 'helm:file/templates';

export function hoverTarget(ctx: ServiceContext, src: SourceDocument, pos: Position): Answer<HoverTarget | null> {
  switch (src.kind) {
    case 'helm-template': {
      const target = templateHover(ctx, src, pos);
      // In NOTES.txt every hover also brings the notes about that file.
      const inNotes = (t: HoverTarget | null) => {
        if (t && basename(src.doc.uri) === 'NOTES.txt') t.keys.push('helm:file/NOTES.txt');
        return t;
      };
      return target instanceof Promise ? target.then(inNotes) : inNotes(target);
    }
    case 'helm-values':
    case 'helm-chart':
      return yamlKeyHover(ctx, src, pos);
    default:
      return null;
  }
}

function templateHover(ctx: ServiceContext, src: SourceDocument, pos: Position): Answer<HoverTarget | null> {
  const { doc } = src;
  const offset = offsetOf(doc, pos);
  const info = templateInfo(ctx, src);
  const action = actionAt(info.template, offset);
  if (!action || action.comment) return null;
  const token = action.tokens.find((t) => offset >= t.start && offset < t.end) ?? action.tokens.find((t) => offset === t.end);
  if (!token) return null;
  const range = rangeOf(doc, token.start, token.end);
  // Only the action under the cursor is analysed: the whole template's analysis is the diagnostics' to make.
  const here = analyzeAt(info.template, offset);
  const ref = here.refs.find((r) => offset >= r.start && offset <= r.end);
  if (ref) {
    const defs = info.chart ? (namedTemplates(ctx, info.chart).get(ref.name) ?? []) : [];
    const body = defs.length
      ? `${codeBlock(`{{ define "${ref.name}" }}${defs[0].body}{{ end }}`, 'helm')}\n\nDefined in ${codeSpan(basename(defs[0].uri))}`
      : `No template named ${codeSpan(ref.name)} is defined in this chart or its subcharts.`;
    const fileKeys = defs.length && basename(defs[0].uri) === '_helpers.tpl' ? ['helm:file/_helpers.tpl'] : [];
    return {
      range,
      keys: [ref.keyword === 'include' ? 'helm:function/include' : 'helm:keyword/template', ...fileKeys],
      reference: `**Named template** ${codeSpan(ref.name)}\n\n${body}`,
    };
  }
  if (token.type === 'keyword') {
    const keyword = KEYWORDS.find((k) => k.name === token.value);
    return keyword
      ? { range, keys: [`helm:keyword/${keyword.name}`, TEMPLATES_KEY], reference: `\`\`\`helm\n{{ ${keyword.name} }}\n\`\`\`\n\n${keyword.doc}` }
      : null;
  }
  if (token.type === 'identifier') {
    const f = FUNCTIONS.get(token.value);
    return f
      ? { range, keys: [`helm:function/${f.name}`, `helm:functions/${FUNCTION_GROUPS.get(f.name) ?? 'templates'}`], reference: functionMarkdown(f) }
      : null;
  }
  if (token.type === 'dot') return dotHover(info, offset, range);
  const hit = segmentAt(here, offset);
  if (!hit) return token.type === 'variable' ? variableHover(ctx, info, token.value, offset, range) : null;
  const segRange = rangeOf(doc, hit.ref.segment.start, hit.ref.segment.end);
  const scope = hit.ref.scope;
  if (scope.kind === 'values') {
    if (scope.path.length === 0) return builtinTarget('.Values', info.chart, segRange, ['helm:values']);
    const any = scope.path.indexOf(ANY);
    if (any >= 0) {
      const list = scope.path.slice(0, any);
      const field = scope.path.slice(any + 1);
      const what = field.length ? `\`${shownPath(field)}\` of each item of` : 'Each item of';
      return { range: segRange, keys: [`helm:values/${dotted(list)}`, 'helm:values'], reference: `${what} \`.Values.${shownPath(list)}\` (set by \`range\`).` };
    }
    const target: HoverTarget = {
      range: segRange,
      keys: [`helm:values/${dotted(scope.path)}`, 'helm:values'],
      reference: info.chart ? valuesMarkdown(ctx, info.chart, scope.path) : undefined,
    };
    const schema = info.chart && valuesSchemaOf(ctx, info.chart);
    return schema && !('problem' in schema) ? withSchemaFacts(target, 'values.schema.json', describePath(ctx, schema.full, scope.path)) : target;
  }
  // `.context.Values` inside a define called with a dict is not a built-in object.
  if (scope.kind === 'builtin' && BUILTINS.has(builtinObject(scope.path))) return builtinTarget(scope.path, info.chart, segRange, []);
  return null;
}

/** What a variable holds at this place: the root context, a `.Values` path, or a local value. */
function variableHover(
  ctx: ServiceContext,
  info: ReturnType<typeof templateInfo>,
  name: string,
  offset: number,
  range: HoverTarget['range'],
): HoverTarget | null {
  const scope = envAt(info.template, offset).vars.get(name);
  if (!scope) return null;
  // `$` and `$name` share one note: template variables, and `$` for the root context.
  const variableKeys = ['helm:keyword/$', TEMPLATES_KEY];
  if (scope.kind === 'root')
    return { range, keys: variableKeys, reference: `\`${name}\` is the root context: \`${name}.Values\`, \`${name}.Release\`, \`${name}.Chart\`…` };
  if (scope.kind === 'values' && !scope.path.includes(ANY) && info.chart) {
    return {
      range,
      keys: [`helm:values/${dotted(scope.path)}`, 'helm:values', 'helm:keyword/$'],
      reference: `\`${name}\` holds \`.Values.${shownPath(scope.path)}\`\n\n${valuesMarkdown(ctx, info.chart, scope.path)}`,
    };
  }
  if (scope.kind === 'values') {
    const any = scope.path.indexOf(ANY);
    return {
      range,
      keys: [`helm:values/${dotted(scope.path.slice(0, any))}`, 'helm:values', 'helm:keyword/$'],
      reference: `\`${name}\` holds each item of \`.Values.${shownPath(scope.path.slice(0, any))}\` in turn.`,
    };
  }
  return { range, keys: variableKeys, reference: `\`${name}\`: a template variable.` };
}

/** What `.` is at this place: the root context, set by `with` or `range`, or passed to a template. */
function dotHover(info: ReturnType<typeof templateInfo>, offset: number, range: HoverTarget['range']): HoverTarget {
  const env = envAt(info.template, offset);
  const dot = env.dot;
  const any = dot.kind === 'values' ? dot.path.indexOf(ANY) : -1;
  const holds =
    dot.kind === 'root'
      ? env.inDefine
        ? 'what the caller passed to this template (usually the root context)'
        : 'the root context (`.Values`, `.Release`, `.Chart`…)'
      : dot.kind === 'values'
        ? any >= 0
          ? `each item of \`.Values.${shownPath(dot.path.slice(0, any))}\` in turn (set by \`range\`)`
          : `\`.Values${dot.path.length ? '.' + shownPath(dot.path) : ''}\` (set by \`with\`)`
        : dot.kind === 'builtin'
          ? `\`${dot.path}\``
          : 'the current context, set by `with`, `range` or the caller of a template';
  return { range, keys: ['helm:keyword/.', TEMPLATES_KEY], reference: `\`.\` here is ${holds}. \`$\` is always the root context.` };
}

/** Chart files a built-in object is about, for the `helm:file/…` notes. */
export const OBJECT_FILES: Record<string, string> = { '.Chart': 'Chart.yaml', '.Values': 'values.yaml', '.Template': 'templates', '.Subcharts': 'charts' };

function builtinTarget(path: string, chart: ChartModel | undefined, range: HoverTarget['range'], extraKeys: string[]): HoverTarget {
  const object = builtinObject(path);
  const file = OBJECT_FILES[object];
  const keys = [...new Set([`helm:builtin/${path}`, `helm:builtin/${object}`, ...extraKeys, ...(file ? [`helm:file/${file}`] : [])])];
  const info = BUILTINS.get(path);
  return { range, keys, reference: info ? builtinMarkdown(info, chartValue(chart, info.chartKey)) : undefined };
}

/** Hover on a key of values.yaml or Chart.yaml. */
function yamlKeyHover(ctx: ServiceContext, src: SourceDocument, pos: Position): Answer<HoverTarget | null> {
  const { doc } = src;
  const offset = offsetOf(doc, pos);
  const file = yamlFileOf(ctx, doc.uri);
  const key = file ? keyPathAt(file, offset) : undefined;
  if (!key) return null;
  const { path } = key;
  const range = rangeOf(doc, key.start, key.end);
  const source = schemaSourceOf(ctx, src);
  const withSchema = (target: HoverTarget, heading: string) => (source ? withSchemaFacts(target, heading, describe(ctx, source, doc, offset)) : target);
  if (src.kind === 'helm-chart') {
    const info = path.length === 1 ? [...BUILTINS.values()].find((b) => b.chartKey === path[0]) : undefined;
    const reference = info ? `**${path[0]}** — ${info.doc} Templates read it as \`${info.path}\`.` : undefined;
    return withSchema({ range, keys: ['helm:file/Chart.yaml'], reference }, dotted(path));
  }
  const chart = chartOf(ctx, doc.uri);
  const target = {
    range,
    keys: [`helm:values/${dotted(path)}`, 'helm:values', 'helm:file/values.yaml'],
    reference: chart ? valuesMarkdown(ctx, chart, path) : undefined,
  };
  return withSchema(target, 'values.schema.json');
}

/** The hover with what a schema says about the value appended (its types and description), when it says anything. */
async function withSchemaFacts(target: HoverTarget, heading: string, facts: Promise<SchemaFacts | null>): Promise<HoverTarget> {
  const found = await facts;
  if (!found) return target;
  const schema = factsMarkdown(heading, found);
  return { ...target, reference: target.reference ? `${target.reference}\n\n${schema}` : schema };
}
