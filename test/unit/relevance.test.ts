import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { displayLines, displayWidth } from '../relevance/displayLines';

describe('display lines', () => {
  test('prose wraps at 80 columns, CJK characters count double', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('镜像abc'), 7);
    assert.equal(displayLines('a'.repeat(80)), 1);
    assert.equal(displayLines('a'.repeat(81)), 2);
    assert.equal(displayLines('镜'.repeat(41)), 2);
  });

  test('soft line breaks join a paragraph; blank lines between blocks count once', () => {
    assert.equal(displayLines('one\ntwo'), 1);
    assert.equal(displayLines('one\n\n\n\ntwo'), 3);
    assert.equal(displayLines('- one\n- two'), 2);
    assert.equal(displayLines('#### Title\n\nbody'), 3);
  });

  test('code lines are never wrapped, fences are not shown, table rows and rules are a line each', () => {
    assert.equal(displayLines('```yaml\n' + 'x'.repeat(200) + '\ny: 1\n```'), 2);
    assert.equal(displayLines('| a | b |\n| --- | --- |\n| 1 | 2 |'), 2);
    assert.equal(displayLines('text\n\n---\n\nmore'), 5);
    assert.equal(displayLines('`**bold**` [link](http://example.com/very/long/target)'), 1);
  });
});
