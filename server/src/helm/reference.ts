import { codeSpan } from '../common';
import builtinTable from './data/builtins.json';
import functionGroups from './data/functionGroups.json';
import functionTable from './data/functions.json';
import keywordTable from './data/keywords.json';

/**
 * The reference data: template functions (Go built-ins, Sprig, Helm), built-in objects and
 * template keywords, kept as JSON tables in data/ (facts from the Helm and Sprig sources, wording
 * our own). A unit test checks every entry against the interfaces below.
 */

export interface FunctionInfo {
  name: string;
  source: 'go' | 'sprig' | 'helm';
  signature: string;
  doc: string;
  example: string;
  minArgs: number;
  /** -1 when the function takes any number of arguments. */
  maxArgs: number;
}

export interface BuiltinInfo {
  path: string;
  doc: string;
  signature?: string;
  example?: string;
  /** For `.Chart.*`: the Chart.yaml key it comes from. */
  chartKey?: string;
}

/** A keyword that starts an action; whole blocks come from the snippets (if, range, with, define). */
export interface KeywordInfo {
  /** As typed after `{{`, e.g. `else if`. */
  name: string;
  doc: string;
}

export const FUNCTIONS: ReadonlyMap<string, FunctionInfo> = new Map((functionTable as FunctionInfo[]).map((f) => [f.name, f]));
export const BUILTINS: ReadonlyMap<string, BuiltinInfo> = new Map((builtinTable as BuiltinInfo[]).map((b) => [b.path, b]));
export const KEYWORDS: readonly KeywordInfo[] = keywordTable;
/** A function's family (`strings`, `lists`, `templates`…): its notes key `helm:functions/<group>` is the parent of `helm:function/<name>`. */
export const FUNCTION_GROUPS: ReadonlyMap<string, string> = new Map(
  Object.entries(functionGroups).flatMap(([group, names]) => names.map((name) => [name, group] as const)),
);

/** The built-in paths one level below `parent` (`''` for the root: `.Values`, `.Release`…). */
export function builtinChildren(parent: string): BuiltinInfo[] {
  const depth = parent === '' ? 1 : parent.split('.').length;
  return [...BUILTINS.values()].filter((b) => b.path.startsWith(parent + '.') && b.path.split('.').length === depth + 1);
}

/** The top-level object of a built-in path: `.Release.Name` → `.Release`. */
export function builtinObject(path: string): string {
  return '.' + path.split('.')[1];
}

export function functionMarkdown(f: FunctionInfo): string {
  const origin = f.source === 'go' ? 'Go template built-in' : f.source === 'helm' ? 'Helm' : 'Sprig';
  return `\`\`\`helm\n${f.signature}\n\`\`\`\n\n${f.doc} _(${origin})_\n\nExample: \`${f.example}\``;
}

export function builtinMarkdown(b: BuiltinInfo, chartValue?: string): string {
  const head = `\`\`\`helm\n${b.signature ? `${b.path.slice(0, b.path.lastIndexOf('.'))}.${b.signature}` : b.path}\n\`\`\``;
  const value = chartValue === undefined ? '' : `\n\nIn this chart: ${codeSpan(chartValue)}`;
  const example = b.example ? `\n\nExample: \`${b.example}\`` : '';
  return `${head}\n\n${b.doc}${value}${example}`;
}
