import type { CodeAction, Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyPolicy, containsPosition, ignoreCommentAction, ignoredByConfig, type ScoredDiagnostic } from '../common';
import type { ServiceContext } from '../workspace';
import { route, ruleMeta } from './route';

/** Diagnostics with their fixes, computed once per document version and workspace generation. */
function scored(ctx: ServiceContext, doc: TextDocument): ScoredDiagnostic[] {
  const routed = route(ctx, doc);
  if (!routed) return [];
  return ctx.cache.get('diagnostics', doc.uri, `${doc.version}@${ctx.workspace.generation}`, () =>
    applyPolicy(routed.module.diagnose(ctx, routed.src), doc, ctx.settings, ruleMeta, (f) => ignoredByConfig(ctx.settings.ignores, doc.uri, f.rule)),
  );
}

/** The document's diagnostics, after rule settings and ignore comments. */
export function diagnose(ctx: ServiceContext, doc: TextDocument): Diagnostic[] {
  return scored(ctx, doc).map((s) => s.diagnostic);
}

/** The diagnostics whose range holds `pos`; the list is sorted by start, so the scan stops past `pos`. */
export function diagnosticsAt(ctx: ServiceContext, doc: TextDocument, pos: Position): Diagnostic[] {
  const here: Diagnostic[] = [];
  for (const { diagnostic } of scored(ctx, doc)) {
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
export function codeActions(ctx: ServiceContext, doc: TextDocument, range: Range): CodeAction[] {
  const routed = route(ctx, doc);
  if (!routed) return [];
  const prefix = routed.module.commentPrefix(routed.src);
  const actions: CodeAction[] = [];
  for (const { diagnostic, fixes } of scored(ctx, doc)) {
    if (!overlaps(diagnostic.range, range)) continue;
    for (const fix of fixes) {
      actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [doc.uri]: fix.edits } } });
    }
    if (prefix) actions.push(ignoreCommentAction(doc, diagnostic, prefix));
  }
  return actions;
}
