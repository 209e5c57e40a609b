import type { ClientCapabilities, CompletionItem, CompletionList, MarkupContent, Range } from 'vscode-languageserver/node';

/**
 * Completion lists as sent to one client, in the shortest form it reads the same way. A list of
 * schema keys is 90 items of which each repeats the range it replaces, its text twice and its
 * documentation; over stdio that was about 26 KB per request, and writing it most of a request's
 * time once the answer itself cost 0.06 ms. Three things are left out:
 * - `insertText` where the item has a `textEdit`: the client ignores it then (LSP 3.17, CompletionItem);
 * - the `textEdit` range of every item, when all items replace the same range and the client takes
 *   list defaults (`completionList.itemDefaults` with `editRange`): the list carries it once and
 *   each item only its `textEditText`;
 * - the documentation, when the client resolves it lazily (`completionItem.resolveSupport` with
 *   `documentation`): each item carries the number of its list and its place, and
 *   `completionItem/resolve` gives the documentation of the latest list's items.
 */
export class CompletionWire {
  readonly takesEditRange: boolean;
  readonly resolvesDocumentation: boolean;
  private latest = { list: 0, documentation: [] as Array<string | MarkupContent | undefined> };

  constructor(capabilities: ClientCapabilities) {
    const completion = capabilities.textDocument?.completion;
    this.takesEditRange = !!completion?.completionList?.itemDefaults?.includes('editRange');
    this.resolvesDocumentation = !!completion?.completionItem?.resolveSupport?.properties.includes('documentation');
  }

  /** The list in the form this client takes. */
  send(list: CompletionList): CompletionList {
    let items = list.items.map(withoutIgnoredInsertText);
    if (this.resolvesDocumentation && items.some((i) => i.documentation !== undefined) && items.every((i) => i.data === undefined)) {
      const id = this.latest.list + 1;
      this.latest = { list: id, documentation: items.map((i) => i.documentation) };
      items = items.map(({ documentation: _later, ...item }, place) => ({ ...item, data: [id, place] }));
    }
    const range = this.takesEditRange ? sharedRange(items) : undefined;
    if (!range) return { ...list, items };
    return {
      ...list,
      itemDefaults: { ...list.itemDefaults, editRange: range },
      items: items.map(({ textEdit, ...item }) => ({ ...item, textEditText: (textEdit as { newText: string }).newText })),
    };
  }

  /** An item of the latest list with its documentation back; an item of an older list as it came. */
  resolve(item: CompletionItem): CompletionItem {
    // Whatever the client sends back is read defensively: a malformed item is answered as it came.
    const data: unknown = typeof item === 'object' && item !== null ? item.data : undefined;
    const [list, place] = Array.isArray(data) ? (data as unknown[]) : [];
    if (list !== this.latest.list || typeof place !== 'number') return item;
    const documentation = this.latest.documentation[place];
    return documentation === undefined ? item : { ...item, documentation };
  }
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
