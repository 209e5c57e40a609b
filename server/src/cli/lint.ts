import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToUri, type Resources, ruleMatches, type RuleMeta, type Settings, VersionedCache } from '../common';
import { NotesIndex } from '../notes';
import { diagnose, moduleFor, sourceDocument } from '../services';
import { type DocumentKind, findChartRoot, isDockerfileName, type ServiceContext, Workspace } from '../workspace';
import { nodeFileSystem } from '../io';
import { readLintFile, type Skipped, walk, type WalkFs } from './walk';

/** One checked file and what the rules found in it. */
export interface FileResult {
  /** As shown to the user: relative to the current folder when below it, `/` separators. */
  path: string;
  uri: string;
  kind: DocumentKind;
  diagnostics: Diagnostic[];
}

export interface LintReport {
  /** Every file a language module checked, in walk order (with or without findings). */
  files: FileResult[];
  skipped: Skipped[];
  missing: string[];
  /** Candidates the classifier left alone (plain YAML that is not a manifest, …). */
  leftAlone: number;
}

export interface LintRun {
  paths: readonly string[];
  settings: Settings;
  cwd: string;
  locale: string;
  /** Rule patterns to keep (empty: all) and to drop. */
  only: readonly string[];
  disabled: readonly string[];
  notes?: NotesIndex;
  /** Bundled data (the Kubernetes schema) next to the CLI bundle. */
  resources?: Resources;
  fs?: WalkFs;
  /** Called after each file with the number done and the total. */
  progress?: (done: number, total: number) => void;
}

export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (!rel || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** The language id an editor would give the file (the classifier also looks at place and content). */
function languageIdFor(file: string): string {
  if (isDockerfileName(path.basename(file))) return 'dockerfile';
  return /\.ya?ml$/i.test(file) ? 'yaml' : '';
}

/**
 * The context the server would build for these folders and settings. The workspace knows the
 * linted files plus every file of the charts they sit in, so a template linted on its own still
 * sees the chart's helpers and values, as it would in the editor.
 */
export function lintContext(run: Pick<LintRun, 'paths' | 'settings' | 'cwd' | 'locale' | 'notes' | 'resources'>, files: readonly string[]): ServiceContext {
  const folders = run.paths.map((p) => {
    const full = path.resolve(run.cwd, p);
    return pathToUri(fs.statSync(full, { throwIfNoEntry: false })?.isFile() ? path.dirname(full) : full);
  });
  const workspace = new Workspace(nodeFileSystem(), folders);
  const uris = files.map(pathToUri);
  const charts = new Set<string>();
  for (const uri of uris) {
    const chart = findChartRoot(workspace, uri);
    if (chart) charts.add(chart);
  }
  workspace.setFiles([...uris, ...[...charts].flatMap((chart) => workspace.filesUnder(chart))]);
  return { settings: run.settings, workspace, notes: run.notes ?? new NotesIndex(), cache: new VersionedCache(), locale: run.locale, resources: run.resources };
}

export function keepRule(rule: string, only: readonly string[], disabled: readonly string[]): boolean {
  if (only.length > 0 && !only.some((p) => ruleMatches(p, rule))) return false;
  return !disabled.some((p) => ruleMatches(p, rule));
}

/** Walks the paths, classifies and diagnoses each file exactly as the server does. */
export async function lint(run: LintRun): Promise<LintReport> {
  const found = walk(
    run.paths.map((p) => path.resolve(run.cwd, p)),
    run.fs,
  );
  const report: LintReport = { files: [], skipped: [], missing: found.missing.map((p) => displayPath(run.cwd, p)), leftAlone: 0 };
  for (const s of found.skipped) report.skipped.push({ path: displayPath(run.cwd, s.path), reason: s.reason });
  const ctx = lintContext(run, found.files);
  for (const [i, file] of found.files.entries()) {
    const read = readLintFile(file, run.fs);
    if ('reason' in read) {
      report.skipped.push({ path: displayPath(run.cwd, file), reason: read.reason });
    } else {
      const doc = TextDocument.create(pathToUri(file), languageIdFor(file), 1, read.text);
      const { kind } = sourceDocument(ctx, doc);
      if (moduleFor(ctx, kind)) {
        const diagnostics = (await diagnose(ctx, doc)).filter((d) => keepRule(String(d.code), run.only, run.disabled));
        report.files.push({ path: displayPath(run.cwd, file), uri: doc.uri, kind, diagnostics });
      } else {
        report.leftAlone++;
      }
      // Each document is linted once, so its cached parse is no use afterwards.
      ctx.cache.forget(doc.uri);
    }
    run.progress?.(i + 1, found.files.length);
  }
  return report;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function countFindings(report: LintReport): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (d.severity === 1) counts.errors++;
      else if (d.severity === 2) counts.warnings++;
      else if (d.severity === 3) counts.infos++;
      else counts.hints++;
    }
  }
  return counts;
}

/** Rules for reports: every known rule, plus any id a finding used that no module lists. */
export function reportRules(known: readonly RuleMeta[], report: LintReport): RuleMeta[] {
  const rules = [...known];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const id = String(d.code);
      if (!rules.some((r) => r.id === id)) rules.push({ id, severity: 'warning', basis: 'inferred', title: id, help: '' });
    }
  }
  return rules;
}
