import type { ClientCapabilities, CompletionItem, CompletionList, Range } from 'vscode-languageserver/node';

/**
 * A completion list as sent to one client, in the shortest form it reads the same way. A list of
 * schema keys is 90 items of which each repeats the range it replaces and its text twice; over
 * stdio that was about 26 KB per request, most of a request's time once the answer itself cost
 * 0.06 ms. Two things are dropped:
 * - `insertText` where the item has a `textEdit`: the client ignores it then (LSP 3.17, CompletionItem);
 * - the `textEdit` range of every item, when all items replace the same range and the client takes
 *   list defaults (`completionList.itemDefaults` with `editRange`): the list carries it once and
 *   each item only its `textEditText`.
 */
export function completionForClient(list: CompletionList, takesEditRange: boolean): CompletionList {
  const items = list.items.map(withoutIgnoredInsertText);
  const range = takesEditRange ? sharedRange(items) : undefined;
  if (!range) return { ...list, items };
  return {
    ...list,
    itemDefaults: { ...list.itemDefaults, editRange: range },
    items: items.map(({ textEdit, ...item }) => ({ ...item, textEditText: (textEdit as { newText: string }).newText })),
  };
}

/** Whether a client takes a list's default edit range (VS Code does). */
export function takesEditRangeDefault(capabilities: ClientCapabilities): boolean {
  return !!capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
}

function withoutIgnoredInsertText(item: CompletionItem): CompletionItem {
  if (!item.textEdit || item.insertText === undefined) return item;
  const { insertText: _ignored, ...rest } = item;
  return rest;
}

/** The range every item's plain text edit replaces, when there is one and all are the same. */
function sharedRange(items: readonly CompletionItem[]): Range | undefined {
  let shared: Range | undefined;
  for (const { textEdit } of items) {
    if (!textEdit || !('range' in textEdit)) return undefined;
    const r = textEdit.range;
    if (!shared) shared = r;
    else if (
      r.start.line !== shared.start.line ||
      r.start.character !== shared.start.character ||
      r.end.line !== shared.end.line ||
      r.end.character !== shared.end.character
    )
      return undefined;
  }
  return shared;
}
