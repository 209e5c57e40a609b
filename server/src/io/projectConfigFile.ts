import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ConfigProblem, joinUri, parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig, pathToUri, uriToPath } from '../common';
import { describeReadProblem, readTextFile } from './nodeFileSystem';

export interface LoadedProjectConfig {
  file: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/**
 * Reads a project config file; relative paths in it start at its folder. A missing file is
 * `undefined`; an unreadable or broken one gives its problems (to report) and an empty config.
 */
export function readProjectConfigFile(file: string, root = pathToUri(path.dirname(path.resolve(file)))): LoadedProjectConfig | undefined {
  const read = readTextFile(file);
  if ('text' in read) return { file, ...parseProjectConfig(read.text, root) };
  if (read.problem === 'unreadable' && read.code === 'ENOENT') return undefined;
  return { file, config: { root, settings: {}, notesPaths: [], ignores: [] }, problems: [{ message: `is not read: ${describeReadProblem(read)}` }] };
}

/** The `.container-notes.yaml` at the root of a workspace folder, if any. */
export function readProjectConfig(folderUri: string): LoadedProjectConfig | undefined {
  // The folder URI is kept as the editor spelled it, so config paths match the editor's document URIs.
  return readProjectConfigFile(uriToPath(joinUri(folderUri, PROJECT_CONFIG_FILE)), folderUri);
}

/** The nearest `.container-notes.yaml` from `dir` upwards, stopping at the repository root. */
export function findProjectConfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, PROJECT_CONFIG_FILE);
    if (fs.existsSync(file)) return file;
    if (fs.existsSync(path.join(d, '.git')) || path.dirname(d) === d) return undefined;
  }
}

/** `file:3: message` lines for a config's problems. */
export function describeConfigProblems(file: string, problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}
