/**
 * `container-notes lint`: the server's diagnose() over files and folders, for CI. This folder is
 * the command line's IO edge (argv, files, stdout, exit codes); the checks themselves are the
 * services', run with the same settings the server would use.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { layerSettings, type ProjectConfig, type Resources, type Settings } from '../common';
import { NotesIndex, renderSections } from '../notes';
import { allRules, notesFor } from '../services';
import { describeConfigProblems, findProjectConfig, listNoteFiles, loadBundledNotes, loadNoteFile, readProjectConfigFile, resolveNotesPath } from '../io';
import { type LintOptions, parseArgs, USAGE } from './args';
import { formatJson, formatText, skippedLines } from './formats';
import { countFindings, lint, lintContext, type LintReport, reportRules } from './lint';
import { progressLine } from './progress';
import { formatSarif } from './sarif';

export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { isTTY?: boolean; write(text: string): unknown };
  stderr: { isTTY?: boolean; write(text: string): unknown };
  version: string;
  bundledNotesDir: string;
  /** Bundled data files (the Kubernetes schema). */
  resources?: Resources;
}

/**
 * The settings the server would use here: project config, then the command-line options.
 * `undefined` when the config file named with --config does not exist.
 */
function loadSettings(options: LintOptions, io: CliEnvironment) {
  const warnings: string[] = [];
  const projects: ProjectConfig[] = [];
  const file = options.config === null ? undefined : options.config ? path.resolve(io.cwd, options.config) : findProjectConfig(io.cwd);
  if (file) {
    const loaded = readProjectConfigFile(file);
    if (loaded) {
      projects.push(loaded.config);
      warnings.push(...describeConfigProblems(path.relative(io.cwd, file) || file, loaded.problems));
    } else {
      return undefined;
    }
  }
  const cli: Record<string, unknown> = { notes: { paths: options.notes.map((p) => path.resolve(io.cwd, p)) } };
  if (options.kubernetesVersion) cli.kubernetes = { version: options.kubernetesVersion };
  return { settings: layerSettings(projects, cli), warnings };
}

function localeOf(env: NodeJS.ProcessEnv): string {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  return lang.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** The bundled and user notes, for rule notes in SARIF. Unreadable notes are reported, not fatal. */
async function loadNotes(paths: readonly string[], io: CliEnvironment, warn: (m: string) => void): Promise<NotesIndex> {
  const index = new NotesIndex();
  for (const note of await loadBundledNotes(io.bundledNotesDir, () => undefined)) index.setFile(note);
  for (const p of paths) {
    for (const file of await listNoteFiles(resolveNotesPath(p, io.cwd, os.homedir()), warn)) {
      const note = await loadNoteFile(file, 'user', warn);
      if (note) index.setFile(note);
    }
  }
  return index;
}

function useColor(options: LintOptions, io: CliEnvironment): boolean {
  if (options.color !== undefined) return options.color;
  if (options.output) return false;
  return !!io.stdout.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb';
}

async function render(options: LintOptions, report: LintReport, settings: Settings, notes: NotesIndex | undefined, io: CliEnvironment): Promise<string> {
  if (options.format === 'json') return formatJson(report, io.version);
  if (options.format === 'text') return formatText(report, useColor(options, io));
  const rules = reportRules(allRules(), report);
  const ctx = lintContext({ paths: options.paths, settings, cwd: io.cwd, locale: localeOf(io.env), notes, resources: io.resources }, []);
  const ruleNotes = new Map<string, string>();
  for (const r of rules) {
    const text = renderSections(notesFor(ctx, [`rule:${r.id}`]), { maxLines: settings.hover.maxSectionLines });
    if (text.trim()) ruleNotes.set(r.id, text.trim());
  }
  return formatSarif({ report, rules, ruleNotes, cwd: io.cwd, version: io.version });
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliEnvironment): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${io.version}\n`);
    return 0;
  }
  if (command.kind === 'error') {
    io.stderr.write(`container-notes: ${command.message}\nRun \`container-notes --help\` for the options.\n`);
    return 2;
  }
  const options = command.options;
  const warn = (message: string) => io.stderr.write(`container-notes: warning: ${message}\n`);
  const loaded = loadSettings(options, io);
  if (!loaded) {
    io.stderr.write(`container-notes: --config ${options.config}: no such file.\n`);
    return 2;
  }
  const { settings, warnings } = loaded;
  warnings.forEach(warn);
  const known = allRules().map((r) => r.id);
  for (const id of [...options.only, ...options.disabled]) {
    if (!id.includes('*') && !known.includes(id)) warn(`no rule \`${id}\` is known (known: ${known.join(', ') || 'none'}).`);
  }
  const progress = progressLine(io.stderr);
  const report = await lint({
    paths: options.paths,
    settings,
    cwd: io.cwd,
    locale: localeOf(io.env),
    resources: io.resources,
    only: options.only,
    disabled: options.disabled,
    progress: (d, t) => progress.update(d, t),
  });
  progress.done();
  const notes = options.format === 'sarif' ? await loadNotes(settings.notes.paths, io, warn) : undefined;
  const output = await render(options, report, settings, notes, io);
  if (options.output) {
    fs.writeFileSync(path.resolve(io.cwd, options.output), output);
  } else {
    io.stdout.write(output);
  }
  if (options.format !== 'text' || options.output) skippedLines(report).forEach((line) => io.stderr.write(`container-notes: ${line}\n`));
  const counts = countFindings(report);
  if (counts.errors > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr.write(`container-notes: ${counts.warnings} warnings is over the limit of --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
