import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { fnv1a } from '../../../server/src/common';

test('fnv1a is 32-bit FNV-1a over UTF-16 codes, of a range, optionally with ASCII capitals lower-cased', () => {
  // The published FNV-1a values of "" and "a".
  assert.equal(fnv1a('') >>> 0, 0x811c9dc5);
  assert.equal(fnv1a('a') >>> 0, 0xe40c292c);
  assert.equal(fnv1a('xay', 1, 2), fnv1a('a'));
  assert.equal(fnv1a('CMD', 0, 3, true), fnv1a('cmd'));
  assert.notEqual(fnv1a('CMD'), fnv1a('cmd'));
});
