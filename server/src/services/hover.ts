import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeSpan, containsPosition, findSuppressions, lineText, sanitizeMarkdown } from '../common';
import { type LookupOptions, type NoteSection, renderSectionMemo, renderSections } from '../notes';
import type { ServiceContext } from '../workspace';
import { diagnosticsAt } from './diagnose';
import { route, ruleMeta } from './route';

/** A hover with the notes keys it was built from (golden tests print the keys). */
export interface HoverDetails {
  keys: string[];
  hover: Hover;
}

/** The language of the bundled notes: the setting, else the editor's display language. */
export function notesLanguage(ctx: ServiceContext): 'en' | 'zh-cn' {
  const setting = ctx.settings.notes.language;
  if (setting !== 'auto') return setting;
  return ctx.locale.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function notesOptions(ctx: ServiceContext): LookupOptions {
  return { maxSections: ctx.settings.notes.maxSections, includeBundled: ctx.settings.notes.bundled, language: notesLanguage(ctx) };
}

/** Sections for the keys, most specific key first, without repeats, at most `maxSections`. */
export function notesFor(ctx: ServiceContext, keys: readonly string[]): NoteSection[] {
  const options = notesOptions(ctx);
  const seen = new Set<string>();
  const result: NoteSection[] = [];
  for (const key of keys) {
    for (const section of ctx.notes.lookup(key, options)) {
      const id = `${section.uri}#${section.startLine}`;
      if (seen.has(id)) continue;
      seen.add(id);
      result.push(section);
      if (result.length >= options.maxSections) return result;
    }
  }
  return result;
}

/** Reference text first, then the matching notes, separated by rules. */
function compose(reference: string | undefined, sections: readonly NoteSection[], ctx: ServiceContext): string {
  const parts: string[] = [];
  if (reference) parts.push(reference.trim());
  // The session keeps the rendered sections (its cache starts afresh when the settings change).
  const renderOne = ctx.cache.get('notes-rendered', '', 0, renderSectionMemo);
  const notes = renderSections(sections, { maxLines: ctx.settings.notes.maxLines }, renderOne);
  if (notes) parts.push(notes.trim());
  return parts.join('\n\n---\n\n');
}

/** Hover on an ignore comment: what it silences and why. */
function suppressionHover(ctx: ServiceContext, doc: TextDocument, pos: Position): { keys: string[]; reference: string; range: Range } | undefined {
  // Most hovers are not on an ignore comment: look at the cursor's line before scanning the document.
  if (!lineText(doc, pos.line).includes('container-notes')) return undefined;
  const suppressions = ctx.cache.get('suppressions', doc.uri, doc.version, () => findSuppressions(doc));
  const s = suppressions.find((x) => containsPosition(x.range, pos));
  if (!s) return undefined;
  // The ids and the reason are the document's own text.
  const lines = s.rules.map((id) => `- ${codeSpan(id)}${ruleMeta(id) ? ` — ${ruleMeta(id)?.title}` : ''}`);
  const reason = s.reason ? `**Reason:** ${sanitizeMarkdown(s.reason)}` : '_No reason given._ Add one after `--`.';
  return {
    keys: s.rules.map((id) => `rule:${id}`),
    reference: `**Ignored on line ${s.target + 1}:**\n\n${lines.join('\n')}\n\n${reason}`,
    range: s.range,
  };
}

/** What the cursor is on: the notes keys, the reference text and the range to highlight. */
async function hoverSource(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<{ keys: string[]; reference?: string; range?: Range } | null> {
  const suppression = suppressionHover(ctx, doc, pos);
  if (suppression) return suppression;
  const routed = route(ctx, doc);
  if (!routed) return null;
  const target = await routed.module.hoverTarget(ctx, routed.src, pos);
  // A diagnostic under the cursor brings the user's note for its rule (VS Code shows the message itself).
  const here = await diagnosticsAt(ctx, doc, pos);
  const ruleKeys = here.map((d) => `rule:${String(d.code)}`);
  const keys = [...(target?.keys ?? []), ...ruleKeys.filter((k) => !target?.keys.includes(k))];
  return { keys, reference: target?.reference, range: target?.range ?? here[0]?.range };
}

/** The notes keys for a position, most specific first ([] when nothing there has notes). */
export async function keysAt(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<string[]> {
  return (await hoverSource(ctx, doc, pos))?.keys ?? [];
}

export async function hoverDetails(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<HoverDetails | null> {
  const source = await hoverSource(ctx, doc, pos);
  if (!source) return null;
  const value = compose(source.reference, notesFor(ctx, source.keys), ctx);
  if (!value) return null;
  return { keys: source.keys, hover: { contents: { kind: 'markdown', value }, ...(source.range ? { range: source.range } : {}) } };
}

export async function hover(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<Hover | null> {
  return (await hoverDetails(ctx, doc, pos))?.hover ?? null;
}
