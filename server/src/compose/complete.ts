import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext, SourceDocument } from '../workspace';
import { complete as schemaCompletion } from '../yamlSchema';
import { offsetOf } from '../common';
import { buildOf, stagesOf } from './build';
import { focusAt } from './focus';
import { composeFile, knownNames, type ResourceSection } from './model';
import { COMPOSE_SCHEMA } from './schema';

/** The line being typed: its own key (if any), the keys of the lines it sits under, and whether it is a list item. */
interface LineContext {
  parents: string[];
  key: string | undefined;
  listItem: boolean;
}

/** A line holding a key: its indentation, an optional list dash, the key. */
const KEY_LINE = /^(\s*(?:-\s+)?)["']?([\w.-]+)["']?\s*:/;

const indentOf = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/**
 * The context by indentation, which holds while the line is half-typed and the YAML around it
 * does not parse into what the user means yet. Walking up, a key left of the current indentation
 * is a parent; a list dash left of it (`- target: 80` above a deeper line) only moves the
 * indentation, as list positions are not part of the path.
 */
function lineContext(doc: TextDocument, pos: Position): LineContext {
  const text = doc.getText();
  const lineStart = (n: number) => doc.offsetAt({ line: n, character: 0 });
  const lineAt = (n: number) => text.slice(lineStart(n), lineStart(n + 1)).replace(/\r?\n$|\r$/, '');
  const line = lineAt(pos.line).slice(0, pos.character);
  let indent = indentOf(line);
  const parents: string[] = [];
  for (let i = pos.line - 1; i >= 0 && indent > 0; i--) {
    // A line indented at least as far can be neither a parent nor move the indentation: skipped
    // without being cut out, as the walk up from a service crosses every service above it.
    let at = lineStart(i);
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (at - lineStart(i) >= indent) continue;
    const above = lineAt(i);
    if (!above.trim() || above.trim().startsWith('#')) continue;
    const m = KEY_LINE.exec(above);
    if (m && m[1].length < indent) {
      parents.unshift(m[2]);
      indent = indentOf(above);
    } else if (indentOf(above) < indent) {
      indent = indentOf(above);
    }
  }
  const own = /^\s*(?:-\s+)?([\w.-]+)\s*:\s*\S*$/.exec(line);
  return { parents, key: own?.[1], listItem: /^\s*-\s*[^:]*$/.test(line) };
}

const REFERENCE_SECTIONS: readonly ResourceSection[] = ['networks', 'volumes', 'secrets', 'configs'];

function item(label: string, detail: string, kind: CompletionItemKind): CompletionItem {
  // Listed before the schema's items: in these places a name is what the user wants.
  return { label, detail, kind, sortText: `0${label}` };
}

/** Names that fit the cursor: services in depends_on, links and extends; networks, volumes, secrets, configs; build stages. */
function namesAt(ctx: ServiceContext, src: SourceDocument, pos: Position): CompletionItem[] {
  const { parents, key, listItem } = lineContext(src.doc, pos);
  if (parents[0] !== 'services' || parents.length < 2) return [];
  const file = composeFile(ctx, src.doc);
  const serviceName = parents[1];
  const field = parents.slice(2).join('.');
  const known = () => knownNames(ctx, file);
  const others = () => [...known().services].filter((s) => s !== serviceName).map((s) => item(s, 'service', CompletionItemKind.Reference));
  if ((field === 'depends_on' || field === 'links') && (listItem || (field === 'depends_on' && key === undefined))) return others();
  if (field === 'extends' && key === 'service') return others();
  if (parents.length === 3 && listItem && REFERENCE_SECTIONS.includes(parents[2] as ResourceSection)) {
    const section = parents[2] as ResourceSection;
    return [...known().resources[section]].map((n) => item(n, section.slice(0, -1), CompletionItemKind.Reference));
  }
  if (field === 'build' && key === 'target') {
    const service = file.services.find((s) => s.name === serviceName);
    const build = service && buildOf(file, service);
    const stages = build?.dockerfile ? stagesOf(ctx, build.dockerfile) : undefined;
    return (stages ?? []).map((s) =>
      item(s.name as string, `stage of the Dockerfile${s.nameRange ? ` (line ${s.nameRange.start.line + 1})` : ''}`, CompletionItemKind.Class),
    );
  }
  return [];
}

/** Names where a name fits, then what the Compose Specification schema offers (keys, values, snippets). */
export async function complete(ctx: ServiceContext, src: SourceDocument, pos: Position): Promise<CompletionItem[]> {
  const names = namesAt(ctx, src, pos);
  const focus = focusAt(ctx, composeFile(ctx, src.doc), offsetOf(src.doc, pos));
  const schema = await schemaCompletion(ctx, COMPOSE_SCHEMA, src.doc, pos, focus);
  return [...names, ...schema.filter((s) => !names.some((n) => n.label === s.label))];
}
