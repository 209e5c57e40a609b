import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeSpan, containsPosition, findSuppressions, lineText, sanitizeMarkdown } from '../common';
import { type HoverNotes, type LookupOptions, type NoteSection, renderMore, renderSectionMemo, renderSections, shortenReferenceMemo } from '../notes';
import type { ServiceContext } from '../workspace';
import { addNoteLink } from './addNoteLink';
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
  return { maxSections: ctx.settings.hover.maxSections, includeBundled: ctx.settings.notes.bundled, language: notesLanguage(ctx) };
}

/** What a hover with these keys (most specific first) shows of the notes, and the next sections it links to. */
export function hoverNotesFor(ctx: ServiceContext, keys: readonly string[]): HoverNotes {
  return keys.length ? ctx.notes.hover(keys, notesOptions(ctx)) : { shown: [], more: [] };
}

/** The sections a hover with these keys shows, best first. */
export function notesFor(ctx: ServiceContext, keys: readonly string[]): NoteSection[] {
  return hoverNotesFor(ctx, keys).shown.map((r) => r.section);
}

/** The parts of a hover, top to bottom, separated by rules. */
interface HoverParts {
  /** What the language module says about the thing: at most a few lines. */
  reference?: string;
  notes: HoverNotes;
}

/** How tall the reference part may be, in display lines: the notes are what the hover is for. */
const REFERENCE_LINES = 6;

/** Reference text first, then the notes sections; under them a line of links to more sections. */
function compose(parts: HoverParts, ctx: ServiceContext): string {
  const out: string[] = [];
  // The session keeps the shortened references and the rendered sections (its cache starts afresh when the settings change).
  const shorten = ctx.cache.get('references-shortened', '', 0, shortenReferenceMemo);
  if (parts.reference) out.push(shorten(parts.reference.trim(), REFERENCE_LINES));
  const renderOne = ctx.cache.get('notes-rendered', '', 0, renderSectionMemo);
  const shown = parts.notes.shown.map((r) => r.section);
  const notes = [renderSections(shown, { maxLines: ctx.settings.hover.maxSectionLines }, renderOne), renderMore(parts.notes.more.map((r) => r.section))];
  const below = notes.filter(Boolean).join('\n\n');
  if (below) out.push(below);
  return out.join('\n\n---\n\n');
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
  const notes = hoverNotesFor(ctx, source.keys);
  const composed = compose({ reference: source.reference, notes }, ctx);
  if (!composed) return null;
  // Offered when none of the shown sections is the user's (one listed under "More in your notes" is
  // about a parent or a passing mention, not this key).
  const link = addNoteLink(
    ctx,
    source.keys,
    notes.shown.map((r) => r.section),
  );
  const value = link ? `${composed}\n\n${link}` : composed;
  return { keys: source.keys, hover: { contents: { kind: 'markdown', value }, ...(source.range ? { range: source.range } : {}) } };
}

export async function hover(ctx: ServiceContext, doc: TextDocument, pos: Position): Promise<Hover | null> {
  return (await hoverDetails(ctx, doc, pos))?.hover ?? null;
}
