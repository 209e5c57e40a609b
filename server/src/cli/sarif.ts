import type { Diagnostic } from 'vscode-languageserver-types';
import { pathToUri, type RuleMeta, type Severity, severityName } from '../common';
import type { LintReport } from './lint';

/**
 * The SARIF 2.1.0 report, for code-scanning dashboards. Each rule carries its help text and, when
 * the user's or the bundled notes have a section for `rule:<id>`, that note in its help Markdown.
 * Files below the current folder are relative to `%SRCROOT%`, so the report is portable.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifInput {
  report: LintReport;
  rules: readonly RuleMeta[];
  /** Rendered note Markdown per rule id, for rules that have one. */
  ruleNotes: ReadonlyMap<string, string>;
  cwd: string;
  version: string;
}

function rule(meta: RuleMeta, note: string | undefined) {
  const help = meta.help || meta.title;
  const markdown = note ? `${help}\n\n---\n\n${note}` : help;
  return {
    id: meta.id,
    shortDescription: { text: meta.title },
    fullDescription: { text: help },
    help: { text: help, markdown },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [meta.id.split('/')[0]] },
  };
}

function artifact(path: string, uri: string) {
  // Relative display paths are below the current folder; absolute ones stay absolute URIs.
  return path.startsWith('/') ? { uri } : { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function result(d: Diagnostic, ruleIndex: number, path: string, uri: string) {
  return {
    ruleId: String(d.code),
    ruleIndex,
    level: LEVEL[severityName(d.severity)],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(path, uri),
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  };
}

export function formatSarif(input: SarifInput): string {
  const { report, rules } = input;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((f) => f.diagnostics.map((d) => result(d, index.get(String(d.code)) ?? -1, f.path, f.uri)));
  const notifications = [
    ...report.missing.map((p) => ({ level: 'warning' as const, message: { text: `not found: ${p}` } })),
    ...report.skipped.map((s) => ({
      level: 'warning' as const,
      message: { text: `skipped: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(s.path, pathToUri(s.path)) } }],
    })),
  ];
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'container-notes',
            version: input.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(input.version) ? input.version : undefined,
            rules: rules.map((r) => rule(r, input.ruleNotes.get(r.id))),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(input.cwd) + '/' } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
