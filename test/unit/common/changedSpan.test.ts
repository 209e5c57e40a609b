import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedSpan } from '../../../server/src/common';
import { seededRandom } from '../../support/random';

/** The span as a character loop finds it. */
function naive(before: string, after: string): { prefix: number; suffix: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

test('changedSpan finds the prefix and suffix a character loop finds, across chunk sizes', () => {
  const random = seededRandom(7);
  const word = (n: number) => Array.from({ length: n }, () => 'ab\n: '[Math.floor(random() * 5)]).join('');
  for (let round = 0; round < 300; round++) {
    // Shared parts from empty to past the largest chunk (65,536), edits of 0–3 characters.
    const size = () => [0, 1, 5, 300, 70_000][Math.floor(random() * 5)] + Math.floor(random() * 40);
    const head = word(size());
    const tail = word(size());
    const before = head + word(Math.floor(random() * 4)) + tail;
    const after = head + word(Math.floor(random() * 4)) + tail;
    assert.deepEqual(changedSpan(before, after), naive(before, after), `round ${round}`);
  }
  assert.deepEqual(changedSpan('', ''), { prefix: 0, suffix: 0 });
  assert.deepEqual(changedSpan('aaa', 'aaaa'), { prefix: 3, suffix: 0 });
  assert.deepEqual(changedSpan('abc', 'abc'), { prefix: 3, suffix: 0 });
});
