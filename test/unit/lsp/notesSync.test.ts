import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequestActivity } from '../../../server/src/lsp/background';
import { NotesSync } from '../../../server/src/lsp/notesSync';
import { pathToUri } from '../../../server/src/common';
import { NotesIndex } from '../../../server/src/notes';
import { repoPath } from '../../support/paths';

/** Long enough for the bundled notes to be read and indexed when nothing holds them back. */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 1000));

test('bundled notes are indexed in steps that wait while a request is open', async () => {
  const activity = new RequestActivity(() => 0);
  const index = new NotesIndex();
  const docker = pathToUri(repoPath('notes', 'en', 'docker.md'));
  const sync = new NotesSync(index, repoPath('notes'), { info: () => undefined, warn: () => undefined }, undefined, activity);
  activity.messageIn(true);
  const loaded = sync.setRoots([]);
  await aWhile();
  assert.equal(index.has(docker), false, 'nothing is indexed while the request is open');
  activity.answered();
  await loaded;
  assert.equal(index.has(docker), true);
});
