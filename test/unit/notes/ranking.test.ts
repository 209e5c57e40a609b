import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Best } from '../../../server/src/notes/ranking';

/** The ranking policy itself is checked against a brute-force ranking (bruteForce.test.ts); this is its top-N selection. */
describe('ranking: best of a stream', () => {
  const byValue = (a: { value: number }, b: { value: number }) => a.value - b.value;
  const stream = (n: number, seed: number) => {
    let x = seed;
    return Array.from({ length: n }, (_, i) => ({ value: ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 100000) * 1000 + i }));
  };

  test('keeps the `limit` best in order, whatever the order of the stream and across many cut-backs', () => {
    for (const n of [0, 3, 50, 99, 100, 101, 399, 400, 401, 5000]) {
      const items = stream(n, n + 1);
      const expected = [...items].sort(byValue).slice(0, 50);
      for (const order of [items, [...items].reverse(), [...items].sort(byValue), [...items].sort(byValue).reverse()]) {
        const best = new Best(50, byValue);
        for (const item of order) best.add(item);
        assert.deepEqual(best.sorted(), expected, `${n} items`);
      }
    }
  });

  test('once it holds `limit` items, accepts only one better than the worst kept', () => {
    const best = new Best(2, byValue);
    for (const value of [5, 3, 9, 7, 8, 6, 4, 2, 1, 10, 11, 12, 13, 14, 15, 16]) best.add({ value });
    assert.deepEqual(best.sorted(), [{ value: 1 }, { value: 2 }]);
    assert.equal(best.accepts({ value: 2 }), false);
    assert.equal(best.accepts({ value: 0 }), true);
  });
});
