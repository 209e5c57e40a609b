import { type Document, isAlias, isMap, isNode, type Pair, visit } from 'yaml';
import { firstIndexWhere } from '../common';
import type { ServiceContext } from '../workspace';
import type { Focus } from '../yamlSchema';
import { get, type ComposeFile } from './model';

/** A service that can stand for the whole file: the lines of its body and the file without the other services. */
interface FocusableService {
  /** The first and last line of the service's body (the line after its key to its last value). */
  lines: [number, number];
  focus: Focus;
}

/**
 * The part of a Compose file that yaml-language-server needs to answer completion inside one
 * service's body: the file without the other services. The Compose Specification schema
 * combines no alternatives (oneOf, anyOf, allOf, if) at the root, in `services` or in a service (a
 * unit test holds the bundled copy to that), so what the schema says about a node inside a service
 * depends on that service alone. The whole file is read where that is not certain (`undefined`):
 * outside a service's body (a service's own key line, the top level, the other sections), when a
 * YAML error lies outside the service (it could change how the rest reads), and when the rest uses
 * an anchor that another service defines. Worked out once per version.
 */
export function focusAt(ctx: ServiceContext, file: ComposeFile, offset: number): Focus | undefined {
  const line = file.doc.positionAt(offset).line;
  const services = ctx.cache.get('compose-focus', file.doc.uri, file.doc.version, () => focusableServices(file));
  return services.find((s) => s.lines[0] <= line && line <= s.lines[1])?.focus;
}

function focusableServices(file: ComposeFile): FocusableService[] {
  const services = get(file.root, 'services');
  const document = file.document;
  if (!document || !isMap(services)) return [];
  const text = file.doc.getText();
  const spans = services.items.map((pair) => spanOf(pair, text)).filter((s): s is [number, number] => s !== undefined);
  // Which span holds an offset (-1: none); the spans follow each other in document order.
  const spanAt = (at: number): number => {
    const index = firstIndexWhere(spans.length, (i) => spans[i][1] >= at);
    return index < spans.length && spans[index][0] <= at ? index : -1;
  };
  // For each anchor, the spans that define it; for each alias, its span. Worked out once, so the
  // check below costs the aliases of one service and of the top level, not every pair of services.
  const { defined, used } = anchorUse(document);
  const definedIn = new Map<string, Set<number>>();
  for (const anchor of defined) {
    const inSpans = definedIn.get(anchor.name) ?? new Set<number>();
    inSpans.add(spanAt(anchor.at));
    definedIn.set(anchor.name, inSpans);
  }
  const usesBySpan = new Map<number, Array<{ name: string }>>();
  for (const alias of used) {
    const span = spanAt(alias.at);
    const uses = usesBySpan.get(span) ?? [];
    uses.push(alias);
    usesBySpan.set(span, uses);
  }
  const topLevelUses = usesBySpan.get(-1) ?? [];
  const focusable: FocusableService[] = [];
  for (const [index, span] of spans.entries()) {
    const inside = (at: number) => span[0] <= at && at <= span[1];
    if (document.errors.some((e) => !inside(e.pos[0]) || !inside(e.pos[1]))) continue;
    // An alias the focused text keeps must not name an anchor only a blanked service defines.
    const blankedAnchor = (alias: { name: string }) => [...(definedIn.get(alias.name) ?? [])].some((s) => s !== -1 && s !== index);
    if ([...topLevelUses, ...(usesBySpan.get(index) ?? [])].some(blankedAnchor)) continue;
    // The other services, and the comments between them, as two ranges: before and after this one.
    const blank: Array<[number, number]> = [];
    if (index > 0) blank.push([spans[0][0], span[0]]);
    if (index < spans.length - 1) blank.push([span[1], spans[spans.length - 1][1]]);
    const lines: [number, number] = [file.doc.positionAt(span[0]).line + 1, file.doc.positionAt(span[1]).line];
    focusable.push({ lines, focus: { key: `services@${span[0]}`, blank } });
  }
  return focusable;
}

/** Where a service's text runs: from its key to the last character of its value (the blanks and the next key's indentation after it left out). */
function spanOf(pair: Pair, text: string): [number, number] | undefined {
  const key = pair.key;
  if (!isNode(key) || !key.range) return undefined;
  const value = pair.value;
  let end = isNode(value) && value.range ? value.range[1] : key.range[1];
  while (end > key.range[1] && /\s/.test(text[end - 1])) end--;
  return [key.range[0], end];
}

/** The anchors a document defines and the aliases that use them, with where each starts. */
function anchorUse(document: Document): { defined: Array<{ name: string; at: number }>; used: Array<{ name: string; at: number }> } {
  const defined: Array<{ name: string; at: number }> = [];
  const used: Array<{ name: string; at: number }> = [];
  visit(document, (_, node) => {
    const at = isNode(node) ? node.range?.[0] : undefined;
    if (at === undefined) return;
    if (isAlias(node)) used.push({ name: node.source, at });
    else if (isNode(node) && node.anchor) defined.push({ name: node.anchor, at });
  });
  return { defined, used };
}
