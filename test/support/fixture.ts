import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createResources, defaultSettings, memoryFileSystem, mergeSettings, type Resources, VersionedCache } from '../../server/src/common';
import { NotesIndex } from '../../server/src/notes';
import { archiveMember, type ServiceContext, Workspace } from '../../server/src/workspace';
import { repoPath } from './paths';

/** Fixture files live under this fake workspace folder. */
export const WORKSPACE_URI = 'file:///ws';

export function fixtureUri(name: string): string {
  return `${WORKSPACE_URI}/${name}`;
}

/** The language id VS Code (with our client) would give a file of this name. */
export function languageIdFor(name: string): string {
  const base = path.posix.basename(name);
  if (/^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/i.test(base)) return 'dockerfile';
  if (/\.tpl$/.test(base) || (/(^|\/)templates\//.test(name) && /\.(ya?ml|txt)$/.test(base))) return 'helm';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (/\.md$/.test(base)) return 'markdown';
  return 'plaintext';
}

let bundledCache: Array<{ uri: string; text: string; language: 'en' | 'zh-cn' }> | undefined;

/** The bundled notes from the repository's notes/ folder, read once per test process. */
export function bundledNotes(): Array<{ uri: string; text: string; language: 'en' | 'zh-cn' }> {
  if (bundledCache) return bundledCache;
  const result: Array<{ uri: string; text: string; language: 'en' | 'zh-cn' }> = [];
  for (const language of ['en', 'zh-cn'] as const) {
    const dir = repoPath('notes', language);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      result.push({ uri: `bundled:/notes/${language}/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8'), language });
    }
  }
  bundledCache = result;
  return result;
}

let resourcesCache: Resources | undefined;

/** The built data files (dist/schemas/…), shared by every fixture of a test process like the server's session. */
export function testResources(): Resources {
  resourcesCache ??= createResources((name) => {
    const file = repoPath('dist', name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  });
  return resourcesCache;
}

export interface Fixture {
  ctx: ServiceContext;
  /** Opens a fixture file as an editor document (registering it with the workspace). */
  open(name: string): TextDocument;
}

/**
 * A ServiceContext over in-memory files. Files whose name starts with `notes/` are the user's
 * notes; everything else is the workspace. Bundled notes load when the settings ask for them.
 */
export function createFixture(files: ReadonlyMap<string, string>, settingsInput: unknown = {}, locale = 'en'): Fixture {
  const settings = mergeSettings(mergeSettings(defaultSettings(), { notes: { bundled: false } }), settingsInput);
  const workspaceFiles = new Map<string, string>();
  const notes = new NotesIndex();
  for (const [name, text] of files) {
    if (name.startsWith('notes/')) notes.setFile({ uri: fixtureUri(name), text, origin: 'user' });
    else workspaceFiles.set(fixtureUri(name), text);
  }
  if (settings.notes.bundled) {
    for (const note of bundledNotes()) notes.setFile({ ...note, origin: 'bundled' });
  }
  const workspace = new Workspace(memoryFileSystem(workspaceFiles), [WORKSPACE_URI]);
  // Members of a packed archive (`charts/dep-1.0.0.tgz/dep/Chart.yaml`) are inside a file, not workspace files.
  workspace.setFiles([...workspaceFiles.keys()].filter((uri) => !archiveMember(uri)));
  const ctx: ServiceContext = { settings, workspace, notes, cache: new VersionedCache(), locale, resources: testResources() };
  return {
    ctx,
    open(name: string) {
      const text = files.get(name);
      if (text === undefined) throw new Error(`no fixture file ${name}`);
      const doc = TextDocument.create(fixtureUri(name), languageIdFor(name), 1, text);
      workspace.openDocument(doc);
      return doc;
    },
  };
}
