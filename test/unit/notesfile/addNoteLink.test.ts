import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover } from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

// The hover's "Add to my notes" link: offered when none of the user's sections shows, only to an
// editor that runs the command from a link (VS Code says so at start-up), for the hover's first key.

const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

async function hoverOnKind(files: Record<string, string>, addNoteLinks: boolean): Promise<string> {
  const fixture = createFixture(new Map(Object.entries({ 'deploy.yaml': MANIFEST, ...files })), { notes: { bundled: true } });
  fixture.ctx.addNoteLinks = addNoteLinks;
  const doc = fixture.open('deploy.yaml');
  const value = (await hover(fixture.ctx, doc, doc.positionAt(MANIFEST.indexOf('Deployment') + 3)))?.contents;
  return (value as { value: string } | undefined)?.value ?? '';
}

test('no section of the user: the link runs containerNotes.addNote with the key, as the last line', async () => {
  const text = await hoverOnKind({}, true);
  const link = text.split('\n').pop() ?? '';
  const match = /^\[Add to my notes\]\(command:containerNotes\.addNote\?(\S+) "[^"]*"\)$/.exec(link);
  assert.ok(match, `last line: ${link}`);
  assert.deepEqual(JSON.parse(decodeURIComponent(match[1])), [{ key: 'k8s:kind/Deployment' }]);
});

test('a section of the user shows: no link', async () => {
  const text = await hoverOnKind({ 'notes/k8s.md': '## Deployment\n<!-- keys: k8s:kind/Deployment -->\nOur rollout rules.\n' }, true);
  assert.match(text, /Our rollout rules/);
  assert.doesNotMatch(text, /command:/);
});

test('an editor that did not ask for it (Neovim, the CLI) gets no command link', async () => {
  assert.doesNotMatch(await hoverOnKind({}, false), /command:/);
});

test('a command link in note text stays dead, the add-note command included', async () => {
  const text = await hoverOnKind(
    {
      'notes/k8s.md':
        '## Deployment\n<!-- keys: k8s:kind/Deployment -->\n[run](command:containerNotes.addNote?%5B%5D) [x](command:workbench.action.terminal.new)\n',
    },
    true,
  );
  assert.doesNotMatch(text, /command:/);
});
