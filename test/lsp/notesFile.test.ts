import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ADD_NOTE_TARGET, NOTES_READY, NOTES_STATUS, type NotesStatus, type RequestResult } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';

// "Add to My Notes", the notes status and notes files over the real dist/server.js: the request
// that tells the client what to write where, the notification behind the status bar item, the hover
// link only for a client that runs it, and tag checks in an open notes file.
describe('notes files and Add to My Notes over stdio', () => {
  let client: LspClient;
  let dir: string;
  let notes: string;
  const uri = (p: string) => pathToFileURL(p).toString();
  const manifest = () => uri(path.join(dir, 'deploy.yaml'));
  const MANIFEST =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      volumes:\n        - name: data\n          hostPath: { path: /srv }\n';
  const at = (word: string) => {
    const lines = MANIFEST.slice(0, MANIFEST.indexOf(word) + 2).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  const statuses = () => client.notifications.filter((n) => n.method === NOTES_STATUS).map((n) => n.params as NotesStatus);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-notesfile-'));
    notes = path.join(dir, 'notes');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'docker.md'), '# Docker\n\n## CMD\n<!-- keys: docker:instruction/CMD -->\nExec form.\n\n## ENTRYPOINT\nThe program.\n');
    client = new LspClient();
    await client.start({
      rootUri: uri(dir),
      settings: { notes: { paths: ['notes', 'missing.md'] } },
      features: { addNoteLinks: true, notesStatus: true },
    });
    client.open(manifest(), 'yaml', MANIFEST);
    await client.request(NOTES_READY, null);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the status counts the user files and sections and names a missing path', async () => {
    const status = await client.waitFor(NOTES_STATUS, (s: NotesStatus) => s.files === 1);
    assert.equal(status.sections, 2);
    assert.ok(status.bundledFiles > 10, `bundled files: ${status.bundledFiles}`);
    assert.deepEqual(status.paths, [
      { path: notes, state: 'folder' },
      { path: path.join(dir, 'missing.md'), state: 'missing' },
    ]);
    assert.ok(
      status.problems.some((p: string) => p.includes('missing.md')),
      JSON.stringify(status.problems),
    );
  });

  test('a new notes file changes the status once, after the index took it', async () => {
    const before = statuses().length;
    fs.writeFileSync(path.join(notes, 'k8s.md'), '## Deployment\n<!-- keys: k8s:kind/Deployment -->\nRoll out slowly.\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(notes, 'k8s.md')), type: 1 }] });
    await client.request(NOTES_READY, null);
    const after = statuses().slice(before);
    assert.equal(after.length, 1, JSON.stringify(after));
    assert.equal(after[0].files, 2);
    assert.equal(after[0].sections, 3);
  });

  test('the add-note target at a field: the subjects, most general tag first, and the files', async () => {
    const target = await client.request<RequestResult<typeof ADD_NOTE_TARGET>>(ADD_NOTE_TARGET, {
      textDocument: { uri: manifest() },
      position: at('hostPath'),
    });
    assert.deepEqual(
      target.subjects.map((s) => `${s.heading} | ${s.tag}`),
      [
        'hostPath | k8s:field/volumes.hostPath',
        'hostPath (Deployment) | k8s:field/Deployment.spec.template.spec.volumes.hostPath',
        'k8s/host-path | rule:k8s/host-path',
      ],
    );
    assert.deepEqual(target.files, [path.join(notes, 'docker.md'), path.join(notes, 'k8s.md')]);
    assert.deepEqual(
      target.paths.map((p) => p.state),
      ['folder', 'missing'],
    );
  });

  test('the add-note target for a hover link: the one key it names', async () => {
    const target = await client.request<RequestResult<typeof ADD_NOTE_TARGET>>(ADD_NOTE_TARGET, { key: 'helm:builtin/.Release.Name' });
    assert.deepEqual(target.subjects, [{ key: 'helm:builtin/.Release.Name', tag: 'helm:builtin/.Release.Name', heading: '.Release.Name' }]);
  });

  test('the hover offers the link only where no user section shows', async () => {
    const hover = async (word: string) =>
      (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: manifest() }, position: at(word) }))?.contents
        .value ?? '';
    assert.match(await hover('hostPath'), /\[Add to my notes\]\(command:containerNotes\.addNote\?/);
    const kind = await hover('Deployment');
    assert.match(kind, /Roll out slowly/);
    assert.doesNotMatch(kind, /command:/);
  });

  test('an open notes file gets its tags checked', async () => {
    const file = uri(path.join(notes, 'docker.md'));
    client.open(file, 'markdown', '## CMD\n<!-- keys: docker:instruction/CMDD -->\nExec form.\n');
    const published = await client.diagnostics(file);
    assert.deepEqual(
      published.diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`),
      ['notes/unknown-key: No hover produces the key "docker:instruction/CMDD", so this tag shows the section nowhere. Did you mean "docker:instruction/CMD"?'],
    );
  });
});

describe('a client that asked for no features', () => {
  test('gets neither the status notification nor the hover link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-plain-'));
    const client = new LspClient();
    try {
      await client.start({ rootUri: pathToFileURL(dir).toString(), settings: { notes: { paths: [] } } });
      const dockerfile = pathToFileURL(path.join(dir, 'Dockerfile')).toString();
      client.open(dockerfile, 'dockerfile', 'FROM ubuntu:22.04\n');
      await client.request(NOTES_READY, null);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: dockerfile },
        position: { line: 0, character: 1 },
      });
      assert.match(hover?.contents.value ?? '', /FROM/);
      assert.doesNotMatch(hover?.contents.value ?? '', /command:/);
      assert.equal(client.notifications.filter((n) => n.method === NOTES_STATUS).length, 0);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
