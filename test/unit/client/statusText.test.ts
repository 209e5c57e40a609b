import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeStatus } from '../../../client/src/statusText';

// The notes status bar item: counts when all is well, the warning colour when a notes path is
// missing or unreadable (hovers would otherwise fall back to the bundled notes without a word).

const ok = { files: 2, sections: 140, bundledFiles: 24, paths: [{ path: '/home/me/notes', state: 'folder' as const }], problems: [] };

test('files and sections, in the words of the issue', () => {
  const view = describeStatus(ok);
  assert.equal(view.text, '$(book) Notes: 2 files · 140 sections');
  assert.equal(view.warning, false);
  assert.match(view.tooltip, /\/home\/me\/notes: folder/);
  assert.equal(describeStatus({ ...ok, files: 1, sections: 1 }).text, '$(book) Notes: 1 file · 1 section');
});

test('a missing or unreadable path turns the item to a warning and the tooltip says which', () => {
  const view = describeStatus({
    ...ok,
    paths: [...ok.paths, { path: '/home/me/gone', state: 'missing' }],
    problems: ['Notes path /home/me/gone cannot be read: it does not exist. Check containerNotes.notes.paths.'],
  });
  assert.equal(view.warning, true);
  assert.equal(view.text, '$(warning) Notes: 2 files · 140 sections');
  assert.match(view.tooltip, /\/home\/me\/gone: does not exist/);
  assert.match(view.tooltip, /Check containerNotes\.notes\.paths/);
  assert.equal(describeStatus({ ...ok, paths: [{ path: '/root/x', state: 'unreadable' }] }).warning, true);
});

test('a problem with a file (binary, too large) is told in the tooltip, without the warning colour', () => {
  const view = describeStatus({ ...ok, problems: ['Skipped notes file /home/me/notes/a.md: it looks binary.'] });
  assert.equal(view.warning, false);
  assert.match(view.tooltip, /looks binary/);
});

test('no notes path: bundled notes only, and how to start', () => {
  const view = describeStatus({ ...ok, files: 0, sections: 0, paths: [] });
  assert.equal(view.text, '$(book) Notes: bundled only');
  assert.match(view.tooltip, /Add to My Notes/);
  assert.equal(describeStatus(undefined).text, '$(book) Notes: loading…');
});
