import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotesIndex } from '../../../server/src/notes';
import { allNoteKeys } from '../../../server/src/services';
import { bundledNotes } from '../../support/fixture';

// Every key a language module can produce has a bundled note in each language (docs/notes-keys.md).
describe('bundled notes cover every key', () => {
  const index = new NotesIndex();
  for (const note of bundledNotes()) index.setFile({ ...note, origin: 'bundled' });
  for (const language of ['en', 'zh-cn'] as const) {
    test(`notes/${language}`, () => {
      const missing = allNoteKeys().filter((key) => index.lookup(key, { maxSections: 1, includeBundled: true, language }).length === 0);
      assert.deepEqual(missing, [], `keys without a bundled ${language} note; tag a section with <!-- keys: … -->`);
    });
  }
});
