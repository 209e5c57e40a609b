import ignore from 'ignore';
import { yamlData } from './yamlNesting';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { ruleMatches } from './rules';
import { type ConfigIgnore, defaultSettings, KUBERNETES_VERSIONS, kubernetesMinor, mergeSettings, nearestKubernetesVersion, type Settings } from './settings';
import { closestMatch } from './text';
import { isUnder, joinUri, pathToUri, relativeUri, uriToPath } from './uri';

/**
 * The project config file `.container-notes.yaml`, read by both the CLI and the server from a
 * folder root. It holds what a team agrees on: rule severities, ignores with reasons, notes paths.
 * Parsing is pure and forgiving: a broken file gives problems (with lines) and the defaults, never
 * an exception. The readers (lsp/, cli/) do the IO and report the problems.
 *
 * ```yaml
 * rules:
 *   dockerfile/latest-tag: error
 * ignore:
 *   - rule: dockerfile/latest-tag
 *     paths: ["legacy/**"]
 *     reason: "legacy images are frozen"
 * notes:
 *   paths: [docs/notes]
 * ```
 */
export const PROJECT_CONFIG_FILE = '.container-notes.yaml';

export interface ProjectConfig {
  /** Folder URI holding the config file; relative paths in it start here. */
  root: string;
  /** A partial settings object for `mergeSettings` (rules, kubernetes, enable flags, …). */
  settings: Record<string, unknown>;
  /** Notes files or folders, resolved to absolute paths (or kept as `~/…`). */
  notesPaths: string[];
  ignores: ConfigIgnore[];
}

export interface ConfigProblem {
  message: string;
  /** 1-based line in the config file, when known. */
  line?: number;
}

const TOP_LEVEL_KEYS = ['rules', 'ignore', 'notes', 'kubernetes', 'dockerfile', 'helm', 'requireIgnoreReason'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

/** Resolves a notes path from the config against the config's folder. */
function resolveNotesPath(root: string, p: string): string {
  if (p === '~' || p.startsWith('~/') || p.startsWith('/')) return p;
  return uriToPath(joinUri(root, p));
}

/** The 1-based line of a key (or a list item) at `path` in the document, for problem messages. */
type LineOf = (path: ReadonlyArray<string | number>) => number | undefined;

function lineFinder(doc: Document, lines: LineCounter): LineOf {
  return (path) => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const last = path[path.length - 1];
    let node: { range?: [number, number, number] | null } | undefined;
    if (isMap(parent)) node = parent.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === last)?.key as typeof node;
    else if (isSeq(parent) && typeof last === 'number') node = parent.items[last] as typeof node;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
}

function parseIgnores(value: unknown, root: string, problems: ConfigProblem[], lineOf: LineOf): ConfigIgnore[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ message: '`ignore` must be a list of `{ rule, paths, reason }` entries; it was ignored.', line: lineOf(['ignore']) });
    return [];
  }
  const result: ConfigIgnore[] = [];
  value.forEach((entry, i) => {
    const rules = isRecord(entry) ? stringList(entry.rule) : undefined;
    if (!isRecord(entry) || !rules || rules.length === 0) {
      problems.push({ message: `ignore[${i}] needs \`rule: <rule id>\`; the entry was skipped.`, line: lineOf(['ignore', i]) });
      return;
    }
    const paths = entry.paths === undefined ? [] : stringList(entry.paths);
    if (!paths) {
      problems.push({ message: `ignore[${i}].paths must be a list of path patterns; the entry was skipped.`, line: lineOf(['ignore', i]) });
      return;
    }
    const reason = typeof entry.reason === 'string' && entry.reason.trim() ? entry.reason.trim() : undefined;
    if (!reason)
      problems.push({
        message: `ignore[${i}] (${rules.join(', ')}) gives no reason; add \`reason: …\` so the next reader knows why.`,
        line: lineOf(['ignore', i]),
      });
    for (const rule of rules) result.push({ rule, paths, reason, root });
  });
  return result;
}

/** Parses the text of a `.container-notes.yaml` found in folder `root`. Never throws. */
export function parseProjectConfig(text: string, root: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const empty: ProjectConfig = { root, settings: {}, notesPaths: [], ignores: [] };
  const problems: ConfigProblem[] = [];
  let data: unknown;
  let lineOf: LineOf;
  try {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        problems.push({ message: `${message}; the whole file was ignored.`, line: e.linePos?.[0].line });
      }
      return { config: empty, problems };
    }
    data = yamlData((options) => doc.toJS(options), 100);
    lineOf = lineFinder(doc, lines);
  } catch (error) {
    problems.push({ message: `${(error as Error).message}; the whole file was ignored.` });
    return { config: empty, problems };
  }
  if (data === null || data === undefined) return { config: empty, problems };
  if (!isRecord(data)) {
    problems.push({ message: 'The file must be a mapping (`rules:`, `ignore:`, `notes:` …); it was ignored.' });
    return { config: empty, problems };
  }
  for (const key of Object.keys(data)) {
    if (TOP_LEVEL_KEYS.includes(key)) continue;
    const guess = closestMatch(key, TOP_LEVEL_KEYS);
    problems.push({
      message: `Unknown key \`${key}\`${guess ? `; did you mean \`${guess}\`?` : `; known keys: ${TOP_LEVEL_KEYS.join(', ')}.`}`,
      line: lineOf([key]),
    });
  }
  const settings: Record<string, unknown> = {};
  if (isRecord(data.rules)) {
    const rules: Record<string, unknown> = {};
    for (const [id, level] of Object.entries(data.rules)) {
      // YAML 1.2 reads a bare `off` as a string, but `false` is a common slip for it.
      const value = level === false ? 'off' : level;
      if (typeof value === 'string' && ['error', 'warning', 'info', 'hint', 'off'].includes(value)) rules[id] = value;
      else
        problems.push({
          message: `rules.${id}: \`${String(level)}\` is not one of error, warning, info, hint, off; the rule keeps its default.`,
          line: lineOf(['rules', id]),
        });
    }
    settings.rules = rules;
  } else if (data.rules !== undefined && data.rules !== null) {
    problems.push({ message: '`rules` must map rule ids to severities; it was ignored.', line: lineOf(['rules']) });
  }
  const versionProblem = isRecord(data.kubernetes) ? kubernetesVersionProblem(data.kubernetes.version) : undefined;
  if (versionProblem) problems.push({ message: versionProblem, line: lineOf(['kubernetes', 'version']) });
  for (const key of ['kubernetes', 'dockerfile', 'helm', 'requireIgnoreReason'] as const) {
    if (data[key] !== undefined) settings[key] = data[key];
  }
  const notes = data.notes;
  const notesPaths = stringList(isRecord(notes) ? notes.paths : notes) ?? [];
  if (isRecord(notes)) settings.notes = { ...notes, paths: undefined };
  return {
    config: { root, settings, notesPaths: notesPaths.map((p) => resolveNotesPath(root, p)), ignores: parseIgnores(data.ignore, root, problems, lineOf) },
    problems,
  };
}

/** What is wrong with `kubernetes.version`, which falls back to the nearest bundled version (or the newest). */
function kubernetesVersionProblem(version: unknown): string | undefined {
  const bundled = `bundled: ${KUBERNETES_VERSIONS.join(', ')}`;
  // YAML reads an unquoted 1.30 as the number 1.3.
  if (typeof version === 'number')
    return `kubernetes.version: quote the version ("1.33"): YAML reads ${version} as a number; ${KUBERNETES_VERSIONS[0]} is used (${bundled}).`;
  if (typeof version !== 'string') return undefined;
  const nearest = nearestKubernetesVersion(version);
  if (nearest && nearest === kubernetesMinor(version)) return undefined;
  return nearest
    ? `kubernetes.version: Kubernetes ${version} is not bundled; manifests are checked against ${nearest}, the nearest (${bundled}).`
    : `kubernetes.version: \`${version}\` is not a Kubernetes version; ${KUBERNETES_VERSIONS[0]} is used (${bundled}).`;
}

/** Whether a project's notes path stays inside its project (`~` and absolute paths elsewhere do not). */
function isInsideProject(project: ProjectConfig, p: string): boolean {
  if (p === '~' || p.startsWith('~/')) return false;
  return isUnder(pathToUri(p), project.root);
}

/**
 * The effective settings: the defaults, then the project configs, then the editor's (or the
 * command line's) settings on top. Project notes paths are added to the editor's; a project's
 * `requireIgnoreReason: true` holds even when the editor sends its default `false`.
 * In an untrusted workspace (`trusted: false`) a project's notes paths outside its own folder are
 * dropped: a repository someone else wrote must not put the user's home notes (or any other file)
 * into hovers.
 */
export function layerSettings(projects: readonly ProjectConfig[], editor: unknown, trusted = true): Settings {
  let base = defaultSettings();
  for (const project of projects) base = mergeSettings(base, project.settings);
  const merged = mergeSettings(base, editor);
  const paths = [...merged.notes.paths];
  for (const project of projects) {
    for (const p of project.notesPaths) if ((trusted || isInsideProject(project, p)) && !paths.includes(p)) paths.push(p);
  }
  return {
    ...merged,
    notes: { ...merged.notes, paths },
    requireIgnoreReason: merged.requireIgnoreReason || base.requireIgnoreReason,
    ignores: [...merged.ignores, ...projects.flatMap((c) => c.ignores)],
  };
}

/** True when a project config ignores `rule` for the file `uri`. */
export function ignoredByConfig(ignores: readonly ConfigIgnore[], uri: string, rule: string): boolean {
  for (const entry of ignores) {
    if (!ruleMatches(entry.rule, rule)) continue;
    const relative = relativeUri(entry.root, uri);
    if (relative === undefined || relative === '') continue;
    if (entry.paths.length === 0 || ignore().add(entry.paths).ignores(relative)) return true;
  }
  return false;
}
