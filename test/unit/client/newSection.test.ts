import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { newSection, sectionLevel } from '../../../client/src/newSection';

// "Add to My Notes" appends a section at the level the file's sections use and leaves the cursor
// on the empty line of its body.

function apply(text: string, heading = 'hostPath', tag = 'k8s:field/volumes.hostPath'): { text: string; cursorLine: string; line: number } {
  const section = newSection(text, heading, tag);
  const after = text + section.text;
  return { text: after, cursorLine: after.split(/\r?\n/)[section.line], line: section.line };
}

test('in an empty file: a second-level heading, the tag, the cursor below', () => {
  const result = apply('');
  assert.equal(result.text, '## hostPath\n<!-- keys: k8s:field/volumes.hostPath -->\n\n');
  assert.equal(result.line, 2);
  assert.equal(result.cursorLine, '');
});

test('after existing text: one blank line between, whatever the file ends with', () => {
  for (const ending of ['', '\n', '\n\n']) {
    const result = apply(`# Notes\n\n## CMD\nShell form.${ending}`);
    assert.match(result.text, /Shell form\.\n\n## hostPath\n<!-- keys: k8s:field\/volumes\.hostPath -->\n\n$/);
    assert.equal(result.cursorLine, '');
    assert.equal(result.line, 7);
  }
});

test('Windows line ends stay Windows line ends', () => {
  const result = apply('## CMD\r\nShell form.\r\n');
  assert.equal(result.text, '## CMD\r\nShell form.\r\n\r\n## hostPath\r\n<!-- keys: k8s:field/volumes.hostPath -->\r\n\r\n');
  assert.equal(result.line, 5);
});

test('the level is the one most sections use; a lone title does not count; code blocks do not count', () => {
  assert.equal(sectionLevel(''), 2);
  assert.equal(sectionLevel('# Title\n## A\n## B\n### detail\n'), 2);
  assert.equal(sectionLevel('# A\n# B\n## detail\n'), 1);
  assert.equal(sectionLevel('# Title\n### A\n### B\n'), 3);
  assert.equal(sectionLevel('## A\n```sh\n# a shell comment\n# another\n# and more\n```\n'), 2);
  assert.equal(sectionLevel('# Only a title\n'), 2);
});
