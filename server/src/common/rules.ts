import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings, Severity } from './settings';

/**
 * Why a rule fires, which decides its default severity (docs/rules.md, checked by
 * test/unit/rules.test.ts):
 * - `refused:<tool>` — the tool downstream refuses the input: BuildKit, the Kubernetes API server
 *   (or kubectl in front of it), helm, docker compose. Only these are errors.
 * - `inferred` — concluded across files or by a heuristic that can be wrong (selectors, named
 *   ports, references, data the bundle may lack): a warning.
 * - `security` — a security practice: a warning.
 * - `practice` — any other best practice: information or a warning.
 */
export type RuleBasis = 'refused:buildkit' | 'refused:api-server' | 'refused:helm' | 'refused:compose' | 'inferred' | 'security' | 'practice';

/**
 * Rule ids are stable strings `<language>/<rule>` (e.g. `dockerfile/latest-tag`); they are the
 * diagnostic code, the settings key, the suppression token and the notes key `rule:<id>`.
 */
export interface RuleMeta {
  id: string;
  severity: Severity;
  /** Why the rule fires; it fixes which default severities the policy allows (docs/rules.md). */
  basis: RuleBasis;
  /** One line: what the rule checks. */
  title: string;
  /** Why it matters and what to do; shown in SARIF help and rule hovers. */
  help: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Marks the fix VS Code may apply on "Fix all" / save. */
  preferred?: boolean;
}

/** What a rule reports; the diagnostics pipeline turns it into an LSP Diagnostic. */
export interface Finding {
  rule: string;
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. a syntax error). */
  severity?: Severity;
  fixes?: Fix[];
}

/**
 * A rule: its metadata and one check over what its language gives it (the parsed Dockerfile, the
 * analysed manifest file, a Helm template or chart file). One rule per file under
 * `<language>/rules/`, headed by a comment that says when it fires.
 */
export interface Rule<Subject> {
  meta: RuleMeta;
  check(subject: Subject): Finding[];
}

/** A finding of the rule `meta`; `fixes` are kept only when there are some. */
export function finding(meta: RuleMeta, range: Range, message: string, fixes?: Fix[]): Finding {
  return fixes?.length ? { rule: meta.id, range, message, fixes } : { rule: meta.id, range, message };
}

export const SOURCE = 'container-notes';

const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

export function severityNumber(s: Severity): 1 | 2 | 3 | 4 {
  return SEVERITY_NUMBER[s];
}

export function severityName(n: number | undefined): Severity {
  return n === 1 ? 'error' : n === 2 ? 'warning' : n === 3 ? 'info' : 'hint';
}

/** An ignore comment: `# container-notes ignore=dockerfile/latest-tag,k8s/x -- reason`. */
export interface Suppression {
  /** 0-based line of the comment. */
  line: number;
  /** The line whose findings it suppresses (the next line that is not a comment or blank). */
  target: number;
  rules: string[];
  reason?: string;
  range: Range;
}

const IGNORE_PATTERN = /container-notes\s+ignore=([\w./,*-]+)(?:\s+--\s*(.*?))?\s*(?:\*\/\s*-?\}\}\s*)?$/;
const COMMENT_LINE = /^\s*(#|\{\{-?\s*\/\*)/;

/** Finds ignore comments in `#` comments (Dockerfile, YAML) and Go-template comments (Helm templates). */
export function findSuppressions(doc: TextDocument): Suppression[] {
  const source = doc.getText();
  if (!source.includes('container-notes')) return [];
  const lines = source.split(/\r?\n/);
  const result: Suppression[] = [];
  // The target of the last comment found: comments stacked above one line share it, so a run of
  // ignore comments is scanned once, not once per comment.
  let runTarget = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!text.includes('container-notes')) continue;
    if (!COMMENT_LINE.test(text)) continue;
    const m = IGNORE_PATTERN.exec(text);
    if (!m) continue;
    let target = i < runTarget ? runTarget : i + 1;
    while (target < lines.length && (lines[target].trim() === '' || COMMENT_LINE.test(lines[target]))) target++;
    runTarget = target;
    const reason = m[2]?.trim() || undefined;
    const start = text.indexOf('container-notes');
    result.push({
      line: i,
      target,
      rules: m[1].split(',').filter(Boolean),
      reason,
      range: { start: { line: i, character: start }, end: { line: i, character: text.length } },
    });
  }
  return result;
}

/** True when a rule pattern names the rule: the exact id, `*`, or a language wildcard like `dockerfile/*`. */
export function ruleMatches(pattern: string, rule: string): boolean {
  return pattern === rule || pattern === '*' || (pattern.endsWith('/*') && rule.startsWith(pattern.slice(0, -1)));
}

function suppresses(s: Suppression, rule: string): boolean {
  return s.rules.some((r) => ruleMatches(r, rule));
}

export const IGNORE_WITHOUT_REASON = 'common/ignore-without-reason';

/** Reported once per file in place of the findings past MAX_DIAGNOSTICS. */
export const TOO_MANY_PROBLEMS = 'common/too-many-problems';

/** Findings listed per file; the rest are counted in one TOO_MANY_PROBLEMS diagnostic. */
export const MAX_DIAGNOSTICS = 500;

export const COMMON_RULES: RuleMeta[] = [
  {
    id: IGNORE_WITHOUT_REASON,
    severity: 'warning',
    basis: 'practice',
    title: 'An ignore comment gives no reason',
    help: 'The project requires a reason for every ignore comment: add one after `--`, e.g. `# container-notes ignore=dockerfile/latest-tag -- pinned by renovate`.',
  },
  {
    id: TOO_MANY_PROBLEMS,
    severity: 'info',
    basis: 'practice',
    title: 'A file has more problems than are listed',
    help: `At most ${MAX_DIAGNOSTICS} problems are listed per file, in order; this one counts the rest. Fix the problems above it (often one early syntax error causes many) and the rest appear.`,
  },
];

export interface ScoredDiagnostic {
  diagnostic: Diagnostic;
  fixes: Fix[];
}

/**
 * Applies settings and ignore comments to raw findings: drops rules set to `off` and findings
 * whose first line is targeted by an ignore comment, sets severities, and (when the settings
 * require reasons) reports ignore comments that give none.
 */
export function applyPolicy(
  findings: readonly Finding[],
  doc: TextDocument,
  settings: Settings,
  metaOf: (rule: string) => RuleMeta | undefined,
  extraSuppressed?: (finding: Finding) => boolean,
): ScoredDiagnostic[] {
  const suppressions = findSuppressions(doc);
  const all: Finding[] = [...findings];
  if (settings.requireIgnoreReason) {
    for (const s of suppressions) {
      if (!s.reason) {
        all.push({ rule: IGNORE_WITHOUT_REASON, range: s.range, message: 'Add a reason after "--" to this ignore comment; the project requires one.' });
      }
    }
  }
  const out: ScoredDiagnostic[] = [];
  for (const f of all) {
    const level = settings.rules[f.rule] ?? f.severity ?? metaOf(f.rule)?.severity ?? 'warning';
    if (level === 'off') continue;
    if (suppressions.some((s) => s.target === f.range.start.line && suppresses(s, f.rule))) continue;
    if (extraSuppressed?.(f)) continue;
    out.push({
      diagnostic: { range: f.range, severity: severityNumber(level), code: f.rule, source: SOURCE, message: f.message },
      fixes: f.fixes ?? [],
    });
  }
  out.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
  return out;
}

/** The quick fix every finding gets: an ignore comment above its line, with a reason placeholder. */
export function ignoreCommentAction(doc: TextDocument, diagnostic: Diagnostic, commentPrefix: string): CodeAction {
  const line = diagnostic.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  const comment =
    commentPrefix === '{{/*'
      ? `${indent}{{/* container-notes ignore=${String(diagnostic.code)} -- reason */}}\n`
      : `${indent}# container-notes ignore=${String(diagnostic.code)} -- reason\n`;
  return {
    title: `Ignore ${String(diagnostic.code)} on this line (add a reason)`,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }] } },
  };
}
