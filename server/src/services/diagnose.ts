import type { CodeAction, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyPolicy,
  containsPosition,
  ignoreCommentAction,
  ignoredByConfig,
  MAX_DIAGNOSTICS,
  type ScoredDiagnostic,
  TOO_MANY_PROBLEMS,
  severityNumber,
  SOURCE,
} from '../common';
import type { ServiceContext } from '../workspace';
import { route, ruleMeta } from './route';

const SCORED = 'diagnostics';

/**
 * Diagnostics with their fixes, computed once per document version and workspace generation (the
 * cache keeps the promise, so concurrent requests share one computation).
 */
async function scored(ctx: ServiceContext, doc: TextDocument): Promise<ScoredDiagnostic[]> {
  const routed = route(ctx, doc);
  if (!routed) return [];
  return ctx.cache.get(SCORED, doc.uri, `${doc.version}@${ctx.workspace.generation}`, async () =>
    applyPolicy(await routed.module.diagnose(ctx, routed.src), doc, ctx.settings, ruleMeta, (f) => ignoredByConfig(ctx.settings.ignores, doc.uri, f.rule)),
  );
}

/**
 * The document's diagnostics, after rule settings and ignore comments: at most MAX_DIAGNOSTICS,
 * in source order, and then one that says how many more there are. A file with tens of thousands
 * of findings (generated or half-pasted text) gains nothing from all of them, and the editor would
 * spend longer drawing them than we did finding them.
 */
export async function diagnose(ctx: ServiceContext, doc: TextDocument): Promise<Diagnostic[]> {
  const all = await scored(ctx, doc);
  if (all.length <= MAX_DIAGNOSTICS) return all.map((s) => s.diagnostic);
  const shown = all.slice(0, MAX_DIAGNOSTICS).map((s) => s.diagnostic);
  const level = ctx.settings.rules[TOO_MANY_PROBLEMS] ?? ruleMeta(TOO_MANY_PROBLEMS)?.severity ?? 'info';
  if (level === 'off') return shown;
  const hidden = all.length - MAX_DIAGNOSTICS;
  const at = all[MAX_DIAGNOSTICS].diagnostic.range.start;
  shown.push({
    range: { start: at, end: at },
    severity: severityNumber(level),
    code: TOO_MANY_PROBLEMS,
    source: SOURCE,
    message: `${hidden} more ${hidden === 1 ? 'problem' : 'problems'} from here on ${hidden === 1 ? 'is' : 'are'} not shown: a file lists at most ${MAX_DIAGNOSTICS}. Fix the ones above to see the rest.`,
  });
  return shown;
}

/**
 * The diagnostics whose range holds `pos`, for hovers. Right after an edit they come from the
 * last version diagnosed (the scheduler runs the new one soon after): a hover must not wait for
 * a whole analysis of the file. The list is sorted by start, so the scan stops past `pos`.
 */
export async function diagnosticsAt(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<Diagnostic[]> {
  const known = await (ctx.cache.peek<Promise<ScoredDiagnostic[]>>(SCORED, doc.uri)?.value ?? scored(ctx, doc));
  const here: Diagnostic[] = [];
  for (const { diagnostic } of known) {
    const start = diagnostic.range.start;
    if (start.line > pos.line || (start.line === pos.line && start.character > pos.character)) break;
    if (containsPosition(diagnostic.range, pos)) here.push(diagnostic);
  }
  return here;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Quick fixes for the findings in `range`, plus an ignore comment for each. */
export async function codeActions(ctx: ServiceContext, doc: TextDocument, range: Range): Promise<CodeAction[]> {
  const routed = route(ctx, doc);
  if (!routed) return [];
  const prefix = routed.module.commentPrefix(routed.src);
  const actions: CodeAction[] = [];
  for (const { diagnostic, fixes } of await scored(ctx, doc)) {
    if (!overlaps(diagnostic.range, range)) continue;
    for (const fix of fixes) {
      actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [doc.uri]: fix.edits } } });
    }
    if (prefix) actions.push(ignoreCommentAction(doc, diagnostic, prefix));
  }
  return actions;
}
