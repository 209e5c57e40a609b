import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstIndexWhere } from '../../../server/src/common';

test('firstIndexWhere finds the first index a sorted condition holds at, or the length', () => {
  for (let length = 0; length < 40; length++) {
    for (let first = 0; first <= length; first++) {
      assert.equal(
        firstIndexWhere(length, (i) => i >= first),
        first,
        `${first} of ${length}`,
      );
    }
  }
  const ends = [3, 5, 5, 9];
  assert.equal(
    firstIndexWhere(ends.length, (i) => ends[i] >= 5),
    1,
  );
  assert.equal(
    firstIndexWhere(ends.length, (i) => ends[i] >= 10),
    4,
  );
});
