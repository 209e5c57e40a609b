import type { ClientCapabilities, CompletionItem, CompletionList, MarkupContent, Range } from 'vscode-languageserver/node';

/**
 * Completion lists as sent to one client, in the shortest form it reads the same way. A list of
 * schema keys is 90 items of which each repeats the range it replaces, its text twice and its
 * documentation; over stdio that was about 26 KB per request, and writing it most of a request's
 * time once the answer itself cost 0.06 ms. These are left out:
 * - `insertText` where the item has a `textEdit`: the client ignores it then (LSP 3.17, CompletionItem);
 * - the `textEdit` range of every item, when all items replace the same range and the client takes
 *   list defaults (`completionList.itemDefaults` with `editRange`): the list carries it once and
 *   each item only its `textEditText`; the same for an insert text format all items share
 *   (`insertTextFormat` in the defaults);
 * - the documentation, when the client resolves it lazily (`completionItem.resolveSupport` with
 *   `documentation`): each item carries the number of its list and its place, and
 *   `completionItem/resolve` gives the documentation of the latest list's items.
 */
export class CompletionWire {
  readonly takesEditRange: boolean;
  readonly takesInsertTextFormat: boolean;
  readonly resolvesDocumentation: boolean;
  private latest = { list: 0, documentation: [] as Array<string | MarkupContent | undefined> };

  constructor(capabilities: ClientCapabilities) {
    const completion = capabilities.textDocument?.completion;
    this.takesEditRange = !!completion?.completionList?.itemDefaults?.includes('editRange');
    this.takesInsertTextFormat = !!completion?.completionList?.itemDefaults?.includes('insertTextFormat');
    this.resolvesDocumentation = !!completion?.completionItem?.resolveSupport?.properties.includes('documentation');
  }

  /** The list in the form this client takes. */
  send(list: CompletionList): CompletionList {
    const lazy = this.resolvesDocumentation && list.items.some((i) => i.documentation !== undefined) && list.items.every((i) => i.data === undefined);
    const range = this.takesEditRange ? sharedRange(list.items) : undefined;
    const format = this.takesInsertTextFormat && list.items.length > 0 ? list.items[0].insertTextFormat : undefined;
    const sharedFormat = format !== undefined && list.items.every((i) => i.insertTextFormat === format);
    if (lazy) this.latest = { list: this.latest.list + 1, documentation: list.items.map((i) => i.documentation) };
    const left: LeftOut = { insertText: false, documentation: lazy, textEdit: !!range, insertTextFormat: sharedFormat };
    const leftWithEdit: LeftOut = { ...left, insertText: true };
    const items = list.items.map((item, place) => {
      const sent = copyWithout(item, item.textEdit ? leftWithEdit : left);
      if (lazy) sent.data = [this.latest.list, place];
      if (range) sent.textEditText = item.textEdit?.newText;
      return sent;
    });
    if (!range && !sharedFormat) return { ...list, items };
    const itemDefaults = { ...list.itemDefaults, ...(range ? { editRange: range } : {}), ...(sharedFormat ? { insertTextFormat: format } : {}) };
    return { ...list, itemDefaults, items };
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

/** The fields of the items of one list that the client does not need. */
interface LeftOut {
  insertText: boolean;
  documentation: boolean;
  textEdit: boolean;
  insertTextFormat: boolean;
}

/**
 * A copy of an item without the fields left out, made key by key: a spread and then `undefined`
 * over a copied field makes V8 move each copy to a more general shape, about 4 µs per item
 * (0.4 ms for a Compose key list, more than the answer itself).
 */
function copyWithout(item: CompletionItem, left: LeftOut): CompletionItem {
  const copy: Record<string, unknown> = {};
  for (const key in item) {
    if (left[key as keyof LeftOut]) continue;
    copy[key] = item[key as keyof CompletionItem];
  }
  return copy as unknown as CompletionItem;
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
