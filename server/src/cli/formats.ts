import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName } from '../common';
import { type Counts, countFindings, type LintReport } from './lint';

/**
 * The text and JSON reports. Pure: a report in, a string out. Lines and columns are 1-based and
 * columns count UTF-16 code units, as editors and SARIF do.
 */

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

function paint(on: boolean, style: keyof typeof ANSI, text: string): string {
  return on ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
}

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' } as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 problems (1 error, 2 warnings)`, naming only the severities that occur. */
export function describeCounts(c: Counts): string {
  const total = c.errors + c.warnings + c.infos + c.hints;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.infos) parts.push(plural(c.infos, 'info'));
  if (c.hints) parts.push(plural(c.hints, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

/** What was skipped or not found, one line each (also printed beside JSON and SARIF reports). */
export function skippedLines(report: LintReport): string[] {
  const lines = report.missing.map((p) => `not found: ${p}`);
  for (const s of report.skipped) lines.push(`skipped ${s.path}: ${s.reason}`);
  return lines;
}

export function formatText(report: LintReport, color: boolean): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    for (const d of file.diagnostics) {
      const severity = severityName(d.severity);
      const where = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out.push(`${paint(color, 'bold', where)} ${paint(color, SEVERITY_STYLE[severity], severity)} ${paint(color, 'gray', String(d.code))} ${d.message}`);
    }
    out.push('');
  }
  const counts = countFindings(report);
  const withFindings = report.files.filter((f) => f.diagnostics.length > 0).length;
  // Files that are neither Dockerfiles, manifests nor chart files (CI YAML, …) are left alone, as in the editor.
  const checked = `${plural(report.files.length, 'file')} checked${report.leftAlone ? ` (${plural(report.leftAlone, 'other file')} left alone)` : ''}`;
  const summary =
    counts.errors + counts.warnings + counts.infos + counts.hints === 0
      ? `No problems in ${checked}.`
      : `${describeCounts(counts)} in ${withFindings} of ${checked}.`;
  out.push(paint(color, counts.errors ? 'red' : counts.warnings ? 'yellow' : 'bold', summary));
  const skipped = skippedLines(report);
  if (skipped.length > 0) {
    const heads = [
      report.skipped.length ? `${plural(report.skipped.length, 'file')} skipped` : '',
      report.missing.length ? `${plural(report.missing.length, 'path')} not found` : '',
    ];
    out.push(`${heads.filter(Boolean).join(', ')}:`);
    for (const line of skipped) out.push(`  ${line}`);
  }
  return out.join('\n') + '\n';
}

function jsonDiagnostic(d: Diagnostic) {
  return {
    rule: String(d.code),
    severity: severityName(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

export function formatJson(report: LintReport, version: string): string {
  const counts = countFindings(report);
  const json = {
    tool: { name: 'container-notes', version },
    summary: { ...counts, files: report.files.length, leftAlone: report.leftAlone, skipped: report.skipped.length, missing: report.missing.length },
    files: report.files.filter((f) => f.diagnostics.length > 0).map((f) => ({ path: f.path, kind: f.kind, diagnostics: f.diagnostics.map(jsonDiagnostic) })),
    skipped: report.skipped,
    missing: report.missing,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
