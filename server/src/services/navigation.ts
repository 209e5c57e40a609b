import type { CompletionList, DocumentSymbol, FoldingRange, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from '../workspace';
import { route, routeCompletion } from './route';

/** Completion, navigation and structure: straight delegation to the document's module. */

export async function complete(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<CompletionList> {
  const routed = routeCompletion(ctx, doc);
  return { isIncomplete: false, items: routed ? await routed.module.complete(ctx, routed.src, pos) : [] };
}

export function definition(ctx: ServiceContext, doc: TextDocument, pos: Position): Location[] {
  const routed = route(ctx, doc);
  return routed?.module.definition?.(ctx, routed.src, pos) ?? [];
}

export function references(ctx: ServiceContext, doc: TextDocument, pos: Position, includeDeclaration: boolean): Location[] {
  const routed = route(ctx, doc);
  return routed?.module.references?.(ctx, routed.src, pos, includeDeclaration) ?? [];
}

export function prepareRename(ctx: ServiceContext, doc: TextDocument, pos: Position): { range: Range; placeholder: string } | null {
  const routed = route(ctx, doc);
  return routed?.module.prepareRename?.(ctx, routed.src, pos) ?? null;
}

export function rename(ctx: ServiceContext, doc: TextDocument, pos: Position, newName: string): WorkspaceEdit | null {
  const routed = route(ctx, doc);
  return routed?.module.rename?.(ctx, routed.src, pos, newName) ?? null;
}

export function symbols(ctx: ServiceContext, doc: TextDocument): DocumentSymbol[] {
  const routed = route(ctx, doc);
  return routed?.module.symbols?.(ctx, routed.src) ?? [];
}

export function folding(ctx: ServiceContext, doc: TextDocument): FoldingRange[] {
  const routed = route(ctx, doc);
  return routed?.module.folding?.(ctx, routed.src) ?? [];
}
