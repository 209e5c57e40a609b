import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fnv1a } from '../../../server/src/common';
import { Postings, Triples, Vocabulary } from '../../../server/src/notes/postings';

/**
 * The postings' storage. The vocabulary numbers words by their range in a text and tells them apart by hash and then char
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

describe('notes postings', () => {
  /** Three files' counts of two tokens, "a" in most sections and "b" in a few; file 1 removed. */
  function postings() {
    const vocabulary = new Vocabulary();
    const files: Array<{ id: number } | undefined> = [];
    const table = new Postings(files, vocabulary);
    const expected = new Map<string, number>();
    // One file's entries after another's, in the same triples, as the index reuses them.
    const entries = new Triples();
    for (let id = 0; id < 3; id++) {
      entries.length = 0;
      for (let section = 0; section < 300; section++) {
        for (let n = 0; n < (section * 7 + id) % 4; n++) table.count(entries, vocabulary.id('a'), section);
        if (section % 37 === id) table.count(entries, vocabulary.id('b'), section);
      }
      const file = { id };
      files[id] = file;
      table.add(file, entries);
      for (let i = 0; i < entries.length; i += 3) expected.set(`${entries.data[i]} ${id} ${entries.data[i + 1]}`, entries.data[i + 2]);
    }
    files[1] = undefined;
    return { table, vocabulary, expected };
  }

  test('a counter answers in list order, backwards and at random the counts that were filed', () => {
    const { table, vocabulary, expected } = postings();
    const pairs = [0, 1, 2].flatMap((id) => Array.from({ length: 302 }, (_, section) => ({ id, section })));
    const shuffled = pairs.map((_, i) => pairs[(i * 7919) % pairs.length]);
    for (const token of ['a', 'b']) {
      const number = vocabulary.find(token);
      for (const order of [pairs, [...pairs].reverse(), shuffled]) {
        const count = table.counter(token);
        for (const { id, section } of order) {
          // A removed file's counts stay in the lists until a compaction; a counter is only asked about live files.
          if (id === 1) continue;
          assert.equal(count({ id }, section), expected.get(`${number} ${id} ${section}`) ?? 0, `${token} ${id}:${section}`);
        }
      }
    }
    assert.equal(table.counter('c')({ id: 0 }, 0), 0);
  });

  test('the sections holding every token, of live files, in order', () => {
    const { table } = postings();
    const found: string[] = [];
    table.forSectionsWithAll(
      ['a', 'b', 'a'],
      () => true,
      (f, section) => found.push(`${f.id}:${section}`),
    );
    const expected = [0, 2].flatMap((id) =>
      Array.from({ length: 300 }, (_, section) => section)
        .filter((section) => section % 37 === id && (section * 7 + id) % 4 > 0)
        .map((section) => `${id}:${section}`),
    );
    assert.deepEqual(found, expected);
    assert.ok(found.length > 5);
  });
});
