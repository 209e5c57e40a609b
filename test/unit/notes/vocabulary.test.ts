import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fnv1a } from '../../../server/src/common';
import { Vocabulary } from '../../../server/src/notes/postings';

/**
 * The vocabulary numbers words by their range in a text and tells them apart by hash and then char
 * by char; the index's lookups are only right while two words never share a number.
 */
describe('notes vocabulary', () => {
  test('a word is numbered by its range, its capitals lower-cased when asked, the same as its string', () => {
    const vocabulary = new Vocabulary();
    const text = 'Mount a hostPath volume, MOUNT it';
    const mount = vocabulary.idOf(text, 0, 5, true);
    assert.equal(vocabulary.id('mount'), mount);
    assert.equal(vocabulary.idOf(text, 25, 30, true), mount);
    assert.notEqual(vocabulary.idOf(text, 25, 30, false), mount, 'MOUNT as written is another token');
    const hostPath = vocabulary.idOf(text, 8, 16, true);
    assert.equal(vocabulary.find('hostpath'), hostPath);
    assert.equal(vocabulary.find('mounts'), undefined);
    assert.equal(vocabulary.size, 3);
  });

  test('words with the same FNV-1a hash get different numbers', () => {
    const pairs = [
      ['costarring', 'liquid'],
      ['declinate', 'macallums'],
      ['altarage', 'zinke'],
    ];
    const vocabulary = new Vocabulary();
    for (const [a, b] of pairs) {
      assert.equal(fnv1a(a), fnv1a(b), `${a} and ${b} collide`);
      const idA = vocabulary.idOf(` ${a.toUpperCase()} `, 1, a.length + 1, true);
      const idB = vocabulary.id(b);
      assert.notEqual(idA, idB);
      assert.equal(vocabulary.find(a), idA);
      assert.equal(vocabulary.find(b), idB);
      assert.equal(vocabulary.id(a), idA);
    }
  });

  test('thousands of words, long and short, keep their numbers through growth and a renumbering', () => {
    const vocabulary = new Vocabulary();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}${'x'.repeat(i % 40)}`);
    const ids = words.map((w) => vocabulary.id(w));
    assert.deepEqual(ids, [...words.keys()]);
    words.forEach((w, i) => assert.equal(vocabulary.idOf(`(${w.toUpperCase()})`, 1, w.length + 1, true), i, w));
    // Keep every third word: the kept ones are numbered densely in their old order.
    const used = Uint8Array.from(words, (_, i) => Number(i % 3 === 0));
    const mapping = vocabulary.renumber(used);
    assert.equal(vocabulary.size, Math.ceil(words.length / 3));
    words.forEach((w, i) => {
      assert.equal(mapping[i], i % 3 === 0 ? i / 3 : -1, w);
      assert.equal(vocabulary.find(w), i % 3 === 0 ? i / 3 : undefined, w);
    });
    assert.equal(vocabulary.id('w1'), vocabulary.size - 1, 'a forgotten word is numbered anew');
    assert.equal(vocabulary.idOf('W3XXX', 0, 5, true), 1);
  });
});
