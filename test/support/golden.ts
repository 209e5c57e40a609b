import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSections, sourceLabel } from '../../server/src/notes';
import * as services from '../../server/src/services';
import { createFixture } from './fixture';
import {
  goldenNoteLinks,
  renderCodeActions,
  renderCompletion,
  renderDiagnostics,
  renderEdit,
  renderFolding,
  renderHover,
  renderLocations,
  renderSymbols,
} from './render';

/**
 * One self-contained file per case:
 *
 *   A line or two saying what the case shows.
 *   -- Dockerfile --
 *   FROM ubu$0ntu
 *   -- notes/docker.md --        (the user's notes; optional)
 *   -- settings.json --          (containerNotes settings; optional)
 *   -- rename --                 (the new name, for rename cases)
 *   -- keys --                   (hover keys, one a line, for `notes` cases)
 *   -- expected --
 *   ...rendered result...
 *
 * The operation is the name of the folder the case sits in (hover, completion, diagnostics,
 * codeactions, definition, references, rename, symbols, folding, notes). `$0` marks the cursor; the file
 * holding it is the document under test (else the first file). UPDATE_GOLDEN=1 rewrites the
 * expected section; review the diff like code.
 */
export interface GoldenCase {
  description: string;
  files: Map<string, string>;
  settings: unknown;
  rename?: string;
  expected: string;
}

const SECTION = /^-- (.+) --$/;

export function parseGolden(text: string): GoldenCase {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const sections: Array<{ name: string; lines: string[] }> = [];
  const description: string[] = [];
  for (const line of lines) {
    const m = SECTION.exec(line);
    if (m) sections.push({ name: m[1], lines: [] });
    else if (sections.length) sections[sections.length - 1].lines.push(line);
    else description.push(line);
  }
  const body = (s: { lines: string[] }) => s.lines.join('\n').replace(/\n+$/, '') + '\n';
  const files = new Map<string, string>();
  let settings: unknown = {};
  let rename: string | undefined;
  let expected = '';
  for (const s of sections) {
    if (s.name === 'expected') expected = s.lines.join('\n').replace(/\n+$/, '');
    else if (s.name === 'settings.json') settings = JSON.parse(body(s));
    else if (s.name === 'rename') rename = body(s).trim();
    else files.set(s.name, body(s));
  }
  return { description: description.join('\n').trim(), files, settings, rename, expected };
}

/**
 * The `notes` operation: no document, a `-- keys --` section listing hover keys (one a line), and
 * for each key the ranked sections (with why they matched) and the rendered hover Markdown.
 */
function runNotesGolden(c: GoldenCase): string {
  const files = new Map([...c.files].filter(([name]) => name !== 'keys'));
  const { ctx } = createFixture(files, c.settings);
  const options = services.notesOptions(ctx);
  const keys = (c.files.get('keys') ?? '')
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) throw new Error('a notes golden case needs a -- keys -- section');
  return keys
    .map((key) => {
      const ranked = ctx.notes.hover([key], options).shown;
      if (ranked.length === 0) return `== ${key}\nno notes`;
      const list = ranked.map(
        (r, i) =>
          `${i + 1}. tier ${r.tier}${r.otherDomain ? ' (other domain)' : ''} ${sourceLabel(r.section)} ${r.section.headingPath.join(' › ') || '(before any heading)'} — ${r.reason}: ${r.matched}`,
      );
      const markdown = renderSections(
        ranked.map((r) => r.section),
        { maxLines: ctx.settings.hover.maxSectionLines },
      );
      return goldenNoteLinks([`== ${key}`, ...list, '--', markdown].join('\n'));
    })
    .join('\n\n');
}

/** Runs the case's operation and renders the result as text. */
export async function runGolden(op: string, c: GoldenCase): Promise<string> {
  if (op === 'notes') return runNotesGolden(c);
  let target: string | undefined;
  let cursor = -1;
  const files = new Map<string, string>();
  for (const [name, text] of c.files) {
    const at = text.indexOf('$0');
    if (at >= 0 && target === undefined) {
      target = name;
      cursor = at;
      files.set(name, text.slice(0, at) + text.slice(at + 2));
    } else {
      files.set(name, text);
    }
  }
  target ??= [...files.keys()].find((n) => !n.startsWith('notes/'));
  if (!target) throw new Error('golden case has no input file');
  const fixture = createFixture(files, c.settings);
  const doc = fixture.open(target);
  const ctx = fixture.ctx;
  const pos = doc.positionAt(Math.max(cursor, 0));
  const docs = (uri: string) => (uri === doc.uri ? doc : ctx.workspace.document(uri));
  switch (op) {
    case 'hover':
      return renderHover(doc, await services.hoverDetails(ctx, doc, pos));
    case 'completion':
      return renderCompletion((await services.complete(ctx, doc, pos)).items);
    case 'diagnostics':
      return renderDiagnostics(doc, await services.diagnose(ctx, doc));
    case 'codeactions': {
      const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
      const range = cursor >= 0 ? { start: pos, end: pos } : whole;
      return renderCodeActions(docs, await services.codeActions(ctx, doc, range));
    }
    case 'definition':
      return renderLocations(docs, services.definition(ctx, doc, pos));
    case 'references':
      return renderLocations(docs, services.references(ctx, doc, pos, true));
    case 'rename':
      return renderEdit(docs, services.rename(ctx, doc, pos, c.rename ?? 'renamed'));
    case 'symbols':
      return renderSymbols(services.symbols(ctx, doc));
    case 'folding':
      return renderFolding(services.folding(ctx, doc));
    default:
      throw new Error(`unknown golden operation "${op}" (the folder name picks it)`);
  }
}

/** Replaces the expected section of a golden file with `actual`. */
export function updateGolden(file: string, actual: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/^-- expected --$/m);
  const head = at >= 0 ? text.slice(0, at) : text.replace(/\n*$/, '\n');
  fs.writeFileSync(file, `${head}-- expected --\n${actual}\n`);
}

/** Every golden case below `dir`: `{ file, op }` with op = the case's folder name. */
export function findGoldenFiles(dir: string): Array<{ file: string; op: string }> {
  const found: Array<{ file: string; op: string }> = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) found.push({ file: p, op: path.basename(d) });
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}
