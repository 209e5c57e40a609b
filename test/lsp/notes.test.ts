import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LIST_SECTIONS, NOTE_AT_CURSOR, NOTES_READY, RELOAD_NOTES, type RequestResult } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';

const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;

// Live notes over the real dist/server.js: hover shows a note; editing, adding and deleting notes
// files (with workspace/didChangeWatchedFiles) or changing the setting changes the next hover.
// Waits go through the containerNotes/notesReady request, never a sleep. Request names and types
// come from shared/protocol.ts, as in the client.
describe('notes over stdio', () => {
  let client: LspClient;
  let dir: string;
  let notes: string;
  let dockerfile: string;
  const uri = (p: string) => pathToFileURL(p).toString();
  const note = (text: string) => `# Latest tags\n<!-- keys: rule:dockerfile/latest-tag -->\n${text}\n`;

  async function hoverText(): Promise<string> {
    await client.request(NOTES_READY, null);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: dockerfile },
      position: { line: 0, character: 5 },
    });
    return hover?.contents.value ?? '';
  }

  const logs = () => client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-notes-'));
    notes = path.join(dir, 'my notes');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'docker.md'), note('first version of the note'));
    fs.writeFileSync(path.join(notes, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0x0a]));
    fs.writeFileSync(path.join(notes, 'huge.md'), '# Huge\n' + 'x'.repeat(5 * 1024 * 1024 + 10));
    fs.writeFileSync(path.join(notes, 'latin1.txt'), Buffer.from([0x23, 0x20, 0xe9, 0xe8, 0x0a]));
    fs.writeFileSync(path.join(notes, 'empty.md'), '');
    client = new LspClient();
    await client.start({ rootUri: uri(dir), settings: { notes: { paths: ['my notes', path.join(dir, 'missing')], bundled: false } } });
    dockerfile = uri(path.join(dir, 'Dockerfile'));
    client.open(dockerfile, 'dockerfile', '# container-notes ignore=dockerfile/latest-tag -- pinned by renovate\nFROM ubuntu:latest\n');
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hover on an ignore comment shows the tagged user note with a link to it', async () => {
    const text = await hoverText();
    assert.match(text, /first version of the note/);
    assert.match(text, /^Your notes · \[docker\.md:1\]\(file:\/\/.*my%20notes\/docker\.md#L1\) — \*\*Latest tags\*\*$/m);
    assert.doesNotMatch(text, /keys:/);
  });

  test('the server watches the notes folder', () => {
    const registrations = client.serverRequests.filter((r) => r.method === 'client/registerCapability');
    const globs = JSON.stringify(registrations.map((r) => r.params));
    assert.ok(globs.includes(`${notes.replace(/\\/g, '/')}/**/*.{md,markdown,txt}`), globs);
  });

  test('a changed notes file changes the next hover', async () => {
    fs.writeFileSync(path.join(notes, 'docker.md'), note('second version, edited'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(notes, 'docker.md')), type: CHANGED }] });
    const text = await hoverText();
    assert.match(text, /second version, edited/);
    assert.doesNotMatch(text, /first version/);
  });

  test('a created file adds its note; a deleted one removes it', async () => {
    const extra = path.join(notes, 'sub', 'more.md');
    fs.mkdirSync(path.dirname(extra));
    fs.writeFileSync(extra, '# More\n<!-- keys: rule:dockerfile/latest-tag -->\na second note\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(extra), type: CREATED }] });
    assert.match(await hoverText(), /a second note/);
    fs.rmSync(path.dirname(extra), { recursive: true });
    // VS Code reports a deleted folder, not the files in it.
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.dirname(extra)), type: DELETED }] });
    assert.doesNotMatch(await hoverText(), /a second note/);
  });

  test('Open Note at Cursor and Search Notes answer locations of sections', async () => {
    await client.request(NOTES_READY, null);
    const location = await client.request<RequestResult<typeof NOTE_AT_CURSOR>>(NOTE_AT_CURSOR, {
      textDocument: { uri: dockerfile },
      position: { line: 0, character: 5 },
    });
    assert.equal(location?.uri, uri(path.join(notes, 'docker.md')));
    assert.equal(location?.range.start.line, 0);
    const none = await client.request<RequestResult<typeof NOTE_AT_CURSOR>>(NOTE_AT_CURSOR, {
      textDocument: { uri: dockerfile },
      position: { line: 1, character: 1 },
    });
    assert.equal(none, null);
    const sections = await client.request<RequestResult<typeof LIST_SECTIONS>>(LIST_SECTIONS, {});
    assert.deepEqual(
      sections.map((s) => `${s.title} @ ${s.source}: ${s.preview}`),
      ['Latest tags @ Your notes · docker.md:1: second version, edited'],
    );
  });

  test('bad notes input is skipped and reported once each, also across reloads', async () => {
    await client.request(NOTES_READY, null);
    // A settings change walks the roots again; unchanged files are not re-read and nothing is re-reported.
    client.notify('workspace/didChangeConfiguration', {
      settings: { containerNotes: { notes: { paths: ['my notes', path.join(dir, 'missing'), path.join(dir, 'other')], bundled: false } } },
    });
    await client.request(NOTES_READY, null);
    const messages = logs();
    for (const [name, reason] of [
      ['binary.md', /looks binary/],
      ['huge.md', /over the 5 MB limit/],
      ['latin1.txt', /not valid UTF-8/],
      ['empty.md', /is empty/],
      ['missing', /does not exist/],
    ] as const) {
      const about = messages.filter((m) => m.includes(path.join(dir, ...(name === 'missing' ? [name] : ['my notes', name]))));
      assert.equal(about.length, 1, `${name}: ${JSON.stringify(about)}`);
      assert.match(about[0], reason);
    }
    assert.equal(client.exited, false);
  });

  test('changing containerNotes.notes.paths re-indexes: notes from a new folder, none from a dropped one', async () => {
    const other = path.join(dir, 'team-notes');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'team.md'), note('the team note'));
    client.notify('workspace/didChangeConfiguration', { settings: { containerNotes: { notes: { paths: [other], bundled: false } } } });
    const text = await hoverText();
    assert.match(text, /the team note/);
    assert.doesNotMatch(text, /second version/);
  });

  test('Reload Notes re-reads everything and answers the file counts', async () => {
    const result = await client.request<RequestResult<typeof RELOAD_NOTES>>(RELOAD_NOTES, {});
    assert.equal(result.files, 1);
    assert.ok(result.bundled >= 2, 'the bundled notes of both languages');
    assert.match(await hoverText(), /the team note/);
  });
});

// Issue 3's acceptance over the real server: with the bundled notes in Chinese, hovering
// `kind: Deployment` shows the Chinese Deployment note after the schema description, whether the
// setting asks for zh-cn (initializationOptions) or follows the editor's display language.
// Waits through containerNotes/notesReady, never a sleep.
for (const [how, start] of [
  ['notes.language zh-cn', { settings: { notes: { bundled: true, language: 'zh-cn' } } }],
  ['display language zh-cn with notes.language auto', { settings: { notes: { bundled: true } }, locale: 'zh-cn' }],
] as const) {
  describe(`bundled notes in Chinese over stdio (${how})`, () => {
    let client: LspClient;
    let dir: string;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-notes-zh-'));
      client = new LspClient();
      await client.start({ rootUri: pathToFileURL(dir).toString(), ...start });
    });

    after(async () => {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('hovering kind: Deployment shows the Chinese Deployment note', async () => {
      const manifest = pathToFileURL(path.join(dir, 'deploy.yaml')).toString();
      client.open(manifest, 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
      await client.request(NOTES_READY, null);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: manifest },
        position: { line: 1, character: 'kind: Depl'.length },
      });
      const value = hover?.contents.value ?? '';
      assert.match(value, /^\*\*Deployment\*\* · `apps\/v1`/);
      assert.match(value, /\nBundled · \[kubernetes-workloads\.md:\d+\]\(file:\/\/.*\/notes\/zh-cn\/kubernetes-workloads\.md#L\d+\) — \*\*Deployment\*\*\n/);
      assert.match(value, /声明式更新/);
      assert.doesNotMatch(value, /\/notes\/en\//);
    });
  });
}
